"""The project's ``manage.py``: Django's command line, plus one check in one place.

A command of the portal's own apps that reads or writes the database refuses to
start, with one line on standard error and exit status 1, when the database
cannot be opened or has migrations not yet applied; without the check each such
command would fail at its first query with a traceback ("no such table: ...").
Commands that never touch the database (``parse_document``,
``extract_citations``) say so with ``needs_database = False`` and always run;
Django's and Wagtail's own commands (``migrate`` first of all) are left as they are.
Settings that cannot work (``ImproperlyConfigured``) print their message alone.
"""

from __future__ import annotations

import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.management import ManagementUtility as DjangoUtility
from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

PROJECT_APPS = ("pages", "documents", "search")
HELP_FLAGS = {"-h", "--help"}
MIGRATE_HINT = "run `make migrate` (python manage.py migrate)"


def needs_database(command: BaseCommand) -> bool:
    """True for a project command that has not declared it needs no database."""
    app = type(command).__module__.partition(".")[0]
    return app in PROJECT_APPS and getattr(command, "needs_database", True)


def database_problem(alias: str = DEFAULT_DB_ALIAS) -> str | None:
    """Why the database cannot serve the project's commands, or None if it can."""
    connection = connections[alias]
    try:
        connection.ensure_connection()
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except DatabaseError as error:
        reason = str(error).strip().splitlines()[0] if str(error).strip() else ""
        return (
            f"cannot open the database ({reason}): check that its server runs and "
            f"DATABASE_URL names it, or create it, then {MIGRATE_HINT}"
        )
    if plan:
        return f"database is not migrated ({len(plan)} migrations pending): " + (
            MIGRATE_HINT
        )
    return None


class ManagementUtility(DjangoUtility):
    """Django's utility whose project commands first check the database."""

    def fetch_command(self, subcommand: str) -> BaseCommand:
        command = super().fetch_command(subcommand)
        if self._runs(subcommand) and needs_database(command):
            problem = database_problem()
            if problem:
                sys.stderr.write(command.style.ERROR(f"CommandError: {problem}\n"))
                sys.exit(1)
        return command

    def _runs(self, subcommand: str) -> bool:
        """False for ``help CMD`` and ``CMD --help``, which only print help."""
        args = self.argv[1:]
        return bool(args) and args[0] == subcommand and not HELP_FLAGS & set(args)


def execute_from_command_line(argv: list[str] | None = None) -> None:
    """Run the command; settings that cannot work (a ``DATABASE_URL`` that is
    no address) stop it with their one-line message instead of a traceback."""
    try:
        ManagementUtility(argv).execute()
    except ImproperlyConfigured as error:
        sys.stderr.write(f"ImproperlyConfigured: {error}\n")
        sys.exit(1)
