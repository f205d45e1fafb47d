"""Browser fixtures: Debian's Chromium driven by Selenium against ``live_server``.

Skips cleanly when Chromium, ChromeDriver or Selenium is missing. Every step
saves a screenshot under ``tests/artifacts/e2e/`` (gitignored), and ``Browser``
fails the test on any SEVERE entry of the browser console (JavaScript errors,
CSP violations, failed resources).
"""

from __future__ import annotations

import re
import shutil
import threading
from pathlib import Path

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts" / "e2e"
# Chromium asks for /favicon.ico on its own where a page names no icon (the
# API docs, Django's debug pages); the portal's own pages name static/favicon.svg.
IGNORED_CONSOLE = [re.compile(r"/favicon\.ico")]


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return "Chromium is not installed (apt-get install chromium)"
    if not Path(CHROMEDRIVER).exists():
        return "ChromeDriver is not installed (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[dev]')"
    return None


def pytest_collection_modifyitems(config, items):
    reason = _missing()
    if reason is None:
        return
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.skip(reason=reason))


class Browser:
    """A thin wrapper: open, screenshot after each step, collect console errors."""

    def __init__(self, driver, base_url: str, name: str):
        self.driver = driver
        self.base_url = base_url.rstrip("/")
        self.name = name
        self.step = 0
        self.console_errors: list[str] = []

    def open(self, path: str) -> None:
        self.driver.get(self.base_url + path)

    def shot(self, label: str) -> Path:
        self.step += 1
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{self.name}-{self.step:02d}-{label}.png"
        self.driver.save_screenshot(str(path))
        self.collect_console()
        return path

    def collect_console(self) -> None:
        for entry in self.driver.get_log("browser"):
            message = entry.get("message", "")
            if entry.get("level") != "SEVERE":
                continue
            if any(pattern.search(message) for pattern in IGNORED_CONSOLE):
                continue
            self.console_errors.append(f"{self.driver.current_url}: {message}")

    def assert_no_console_errors(self) -> None:
        self.collect_console()
        assert self.console_errors == [], "\n".join(self.console_errors)

    @property
    def text(self) -> str:
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.TAG_NAME, "body").text


def make_driver(tmp_path: Path):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
        "--window-size=1280,1000",
        "--lang=vi",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(60)
    driver.implicitly_wait(5)
    return driver


@pytest.fixture(autouse=True)
def media_on_disk(settings, tmp_path):
    """Uploads on disk, served by the live server, as ``make serve`` does."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    }
    settings.ROOT_URLCONF = "tests.e2e.urls"


def serialized(application, lock: threading.Lock):
    """``application`` (WSGI) answering one request at a time, body and close
    included: the response is read whole before the lock is released."""

    def app(environ, start_response):
        with lock:
            result = application(environ, start_response)
            try:
                return [b"".join(result)]
            finally:
                if hasattr(result, "close"):
                    result.close()

    return app


@pytest.fixture(scope="session")
def serialized_live_server():
    """The live server answers one request at a time.

    With SQLite in memory, every request thread of the live server shares the
    test's one connection; two requests at once (Wagtail's autosave or the side panel's refresh
    while the form is submitted, a preview while a page loads) run their
    transactions on it together, and SQLite answers "cannot start a transaction
    within a transaction". A browser sends such requests on its own, so the
    server serializes them instead of the tests guessing when they are done.
    """
    from django.core.servers.basehttp import ThreadedWSGIServer
    from django.test.testcases import LiveServerThread

    lock = threading.Lock()

    class SerializedWSGIServer(ThreadedWSGIServer):
        def set_app(self, application):
            super().set_app(serialized(application, lock))

    original = LiveServerThread.server_class
    LiveServerThread.server_class = SerializedWSGIServer
    yield lock
    LiveServerThread.server_class = original


@pytest.fixture
def browser_factory(tmp_path, serialized_live_server, live_server):
    drivers = []

    def make(name: str) -> Browser:
        driver = make_driver(tmp_path / name)
        drivers.append(driver)
        return Browser(driver, live_server.url, name)

    yield make
    for driver in drivers:
        driver.quit()
