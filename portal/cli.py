"""The project's ``manage.py``: Django's command line, plus checks in one place.

A command of the portal's own apps that reads or writes the database refuses to
start, with one line on standard error and exit status 1, when the database
cannot be opened or has migrations not yet applied; without the check each such
command would fail at its first query with a traceback ("no such table: ...").
Commands that never touch the database (``parse_document``,
``extract_citations``) say so with ``needs_database = False`` and always run.
Any other command (``migrate``, ``runserver``, ``createsuperuser``, ...) that
cannot connect to the database also stops with one line naming what failed and
what to check, instead of Django's traceback; ``runserver`` checks before it
starts serving. ``rebuild_search_index`` first checks that the search engine
(``OPENSEARCH_URL`` / ``ELASTICSEARCH_URL``) accepts connections. Settings that
cannot work (``ImproperlyConfigured``) print their message alone. Passwords are
never printed. ``--traceback`` keeps Django's traceback.
"""

from __future__ import annotations

import os
import socket
import sys
from difflib import get_close_matches
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import ManagementUtility as DjangoUtility
from django.core.management import get_commands
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

PROJECT_APPS = ("pages", "documents", "search")
HELP_FLAGS = {"-h", "--help"}
MIGRATE_HINT = "run `make migrate` (python manage.py migrate)"
CONNECT_FIRST = {"runserver"}  # serves in a thread whose traceback never ends it
ENGINE_COMMANDS = {"rebuild_search_index"}
AUTH_FAILURES = ("password authentication failed", "no password supplied", "role ")


def needs_database(command: BaseCommand) -> bool:
    """True for a project command that has not declared it needs no database."""
    app = type(command).__module__.partition(".")[0]
    return app in PROJECT_APPS and getattr(command, "needs_database", True)


def _reason(error: Exception, secret: str = "") -> str:
    """The driver's message in a few words: its first line, after psycopg's
    'connection to server at "h", port p failed:', without any password."""
    text = str(error).strip().splitlines()[0] if str(error).strip() else ""
    text = text.rsplit(" failed: ", 1)[-1].replace("FATAL:", "").strip()
    return text.replace(secret, "***") if secret else text


def describe_connection_error(config: dict, error: Exception) -> str:
    """One line: which database could not be opened, why, and what to check."""
    reason = _reason(error, str(config.get("PASSWORD") or ""))
    name = config.get("NAME") or ""
    if "sqlite" in config.get("ENGINE", ""):
        return (
            f"cannot open the database ({reason}): check that the SQLite file "
            f"{name} can be created (its directory exists and is writable) and "
            f"that DATABASE_URL names it, then {MIGRATE_HINT}"
        )
    where = f"{config.get('HOST') or 'localhost'}:{config.get('PORT') or 5432}"
    user = config.get("USER") or ""
    if reason.startswith('database "') and "does not exist" in reason:
        host, port = where.rsplit(":", 1)
        as_user = f" -U {user}" if user else ""
        return (
            f"cannot open the database: the PostgreSQL server at {where} has no "
            f'database "{name}": create it (createdb -h {host} -p {port}{as_user} '
            f"{name}) or correct its name in DATABASE_URL, then {MIGRATE_HINT}"
        )
    if any(failure in reason for failure in AUTH_FAILURES):
        return (
            f"cannot open the database: the PostgreSQL server at {where} refused "
            f'the user "{user}" ({reason}): check the user name and password in '
            "DATABASE_URL (special characters quoted, e.g. @ as %40)"
        )
    return (
        f"cannot open the database: no PostgreSQL server answers at {where} "
        f"({reason}): check that the server is running and that DATABASE_URL "
        "names its host and port"
    )


def connection_problem(alias: str = DEFAULT_DB_ALIAS) -> str | None:
    """Why the database cannot be connected to, or None if it can."""
    connection = connections[alias]
    try:
        connection.ensure_connection()
    except DatabaseError as error:
        return describe_connection_error(connection.settings_dict, error)
    return None


def database_problem(alias: str = DEFAULT_DB_ALIAS) -> str | None:
    """Why the database cannot serve the project's commands, or None if it can."""
    problem = connection_problem(alias)
    if problem:
        return problem
    connection = connections[alias]
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        return f"cannot read the database's migrations ({_reason(error)})"
    if plan:
        return f"database is not migrated ({len(plan)} migrations pending): " + (
            MIGRATE_HINT
        )
    return None


def engine_problem(timeout: float = 5.0) -> str | None:
    """Why the configured search engine cannot be reached, or None if it
    accepts connections (or none is configured). Only the TCP connection is
    tried: TLS, credentials and the index are the command's own business."""

    variable = "OPENSEARCH_URL" if settings.OPENSEARCH_URL else "ELASTICSEARCH_URL"
    url = getattr(settings, variable, None)
    configured = settings.PORTAL_SEARCH_BACKENDS or {}
    url = configured.get("default", {}).get("OPTIONS", {}).get("URL") or url
    if not url:
        return None
    parts = urlsplit(url if "://" in url else f"http://{url}")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 9200)
    except ValueError:
        return f"{variable} is invalid (check the port)"
    where = f"{parts.hostname}:{port}"
    try:
        socket.create_connection((parts.hostname, port), timeout=timeout).close()
    except OSError as error:
        reason = getattr(error, "strerror", None) or str(error) or "timed out"
        return (
            f"the search engine at {where} does not answer ({reason}): check that "
            f"it is running (`make opensearch` starts a local node) and that "
            f"{variable} names it; meanwhile the site answers searches from the "
            "database"
        )
    return None


def stop(problem: str) -> None:
    """Print the problem as one line and exit with status 1."""
    sys.stderr.write(f"CommandError: {problem}\n")
    sys.exit(1)


def one_line_usage_errors(command: BaseCommand) -> None:
    """A mistake on the command line (an unknown option, a value that is no
    number, a missing argument) prints one line and exits 2, instead of
    argparse's usage block above it; ``--help`` still prints the usage."""
    create_parser = command.create_parser

    def create(prog_name, subcommand, **kwargs):
        parser = create_parser(prog_name, subcommand, **kwargs)
        django_error = parser.error

        def error(message):
            if not getattr(parser, "called_from_command_line", False):
                django_error(message)  # call_command: Django's CommandError
            parser.exit(2, f"{parser.prog}: error: {message} (see --help)\n")

        parser.error = error
        return parser

    command.create_parser = create


class ManagementUtility(DjangoUtility):
    """Django's utility whose commands first check what they need."""

    def fetch_command(self, subcommand: str) -> BaseCommand:
        commands = get_commands()
        if subcommand not in commands and os.environ.get("DJANGO_SETTINGS_MODULE"):
            _ = settings.INSTALLED_APPS  # settings that failed: their own line
        if subcommand not in commands:  # Django's two lines, made one
            close = get_close_matches(subcommand, commands, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            sys.stderr.write(
                f"Unknown command: {subcommand!r}{hint} (`manage.py help` lists them)\n"
            )
            sys.exit(1)
        command = super().fetch_command(subcommand)
        one_line_usage_errors(command)
        if not self._runs(subcommand):
            return command
        problem = None
        if subcommand in ENGINE_COMMANDS and not self._names_backend():
            problem = engine_problem()
        if not problem and needs_database(command):
            problem = database_problem()
        elif not problem and subcommand in CONNECT_FIRST:
            problem = connection_problem()
        if problem:
            stop(problem)
        return command

    def _names_backend(self) -> bool:
        """``--backend NAME`` or ``--backend=NAME``: the command is told which
        index to use, so the engine need not answer."""
        return any(a == "--backend" or a.startswith("--backend=") for a in self.argv)

    def _runs(self, subcommand: str) -> bool:
        """False for ``help CMD`` and ``CMD --help``, which only print help."""
        args = self.argv[1:]
        return bool(args) and args[0] == subcommand and not HELP_FLAGS & set(args)


def execute_from_command_line(argv: list[str] | None = None) -> None:
    """Run the command; settings that cannot work (a ``DATABASE_URL`` that is
    no address) and a database that cannot be connected to stop it with one
    line instead of a traceback."""
    argv = sys.argv if argv is None else argv
    try:
        ManagementUtility(argv).execute()
    except ImproperlyConfigured as error:
        sys.stderr.write(f"ImproperlyConfigured: {error}\n")
        sys.exit(1)
    except DatabaseError as error:
        connection = connections[DEFAULT_DB_ALIAS]
        if "--traceback" in argv or connection.connection is not None:
            raise  # a failure after connecting: its traceback is the evidence
        stop(describe_connection_error(connection.settings_dict, error))
