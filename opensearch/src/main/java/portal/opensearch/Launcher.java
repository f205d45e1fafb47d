package portal.opensearch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilder;
import org.apache.logging.log4j.core.config.builder.api.ConfigurationBuilderFactory;
import org.apache.logging.log4j.core.config.builder.impl.BuiltConfiguration;
import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.painless.PainlessPlugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * A single-node OpenSearch on loopback, for development and CI.
 *
 * <p>Usage: {@code Launcher <home> <port>}. Data, logs and the node's home live under
 * {@code <home>} (the project's var/opensearch). The node runs in the foreground until
 * the process is interrupted (Ctrl-C or SIGTERM), then closes its indices cleanly.
 */
public final class Launcher {

    /** A node whose plugins come from the classpath instead of a plugins/ folder. */
    static final class ClasspathNode extends Node {
        ClasspathNode(Environment environment) {
            super(
                environment,
                List.of(
                    Netty4Plugin.class,
                    CommonAnalysisPlugin.class,
                    PainlessPlugin.class),
                true);
        }
    }

    private Launcher() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: Launcher <home directory> <http port>");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port;
        try {
            port = Integer.parseInt(args[1]);
        } catch (NumberFormatException e) {
            System.err.println("port must be a number, got: " + args[1]);
            System.exit(2);
            return;
        }
        Files.createDirectories(home.resolve("data"));
        Files.createDirectories(home.resolve("logs"));
        Files.createDirectories(home.resolve("config"));
        configureLogging();

        Settings settings = Settings.builder()
            .put("cluster.name", "portal-dev")
            .put("node.name", "portal-dev-node")
            .put("path.home", home.toString())
            .put("path.data", home.resolve("data").toString())
            .put("path.logs", home.resolve("logs").toString())
            .put("network.host", "127.0.0.1")
            .put("http.port", port)
            .put("transport.port", port + 100)
            .put("discovery.type", "single-node")
            .put("cluster.routing.allocation.disk.threshold_enabled", false)
            .put("node.processors", Runtime.getRuntime().availableProcessors())
            .put("action.auto_create_index", false)
            .build();
        Environment environment =
            InternalSettingsPreparer.prepareEnvironment(settings, java.util.Map.of(), home.resolve("config"), () -> "portal-dev-node");
        Node node = new ClasspathNode(environment);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                System.out.println("OpenSearch stopped");
            } catch (Exception e) {
                System.err.println("error while stopping OpenSearch: " + e);
            } finally {
                stopped.countDown();
            }
        }, "opensearch-shutdown"));
        node.start();
        System.out.println("OpenSearch answers on http://127.0.0.1:" + port + " (Ctrl-C stops it)");
        stopped.await();
    }

    /** Console logging at WARN for OpenSearch's own chatter, INFO for node start and stop. */
    private static void configureLogging() {
        ConfigurationBuilder<BuiltConfiguration> builder =
            ConfigurationBuilderFactory.newConfigurationBuilder();
        builder.add(builder.newAppender("console", "Console")
            .add(builder.newLayout("PatternLayout")
                .addAttribute("pattern", "[%d{HH:mm:ss}][%-5p][%c{1}] %m%n")));
        builder.add(builder.newRootLogger(Level.WARN).add(builder.newAppenderRef("console")));
        builder.add(builder.newLogger("org.opensearch.node.Node", Level.INFO));
        builder.setShutdownHook("disable");
        Configurator.initialize(builder.build());
    }
}
