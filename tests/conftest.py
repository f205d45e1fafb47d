import pytest


def pytest_configure(config):
    # `make test` compiles the catalogues in locale/ first; a bare `pytest`
    # compiles the ones that changed too, so no test reads a stale .mo.
    from portal.catalogues import compile_all

    compile_all()


@pytest.fixture
def site_tree(db):
    from tests.factories import build_site

    return build_site()


def pytest_terminal_summary(terminalreporter):
    """One line, not one per test, when the live engine tests were skipped."""
    from tests.engine.live import SKIP_MARK, skip_reason

    skipped = [
        report
        for report in terminalreporter.stats.get("skipped", [])
        if SKIP_MARK in str(getattr(report, "longrepr", ""))
    ]
    if skipped:
        terminalreporter.write_line(f"{len(skipped)} tests skipped: {skip_reason()}")
