import pytest


@pytest.fixture
def site_tree(db):
    from tests.factories import build_site

    return build_site()
