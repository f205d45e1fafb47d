"""In the browser: a new Kế hoạch's address is filled from its title without
diacritics ("ke-hoach-thu-nghiem-duong-dan", not "kế-hoạch-thử-nghiệm-đường-dẫn"),
by Wagtail's slug controller with the portal's formatters (``pages.admin_slugs``).
"""

import pytest

from tests.e2e.test_journeys import by_css, login, wait_for
from tests.factories import build_site

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_title_fills_an_ascii_address(browser_factory):
    from django.contrib.auth import get_user_model

    from tests.e2e.test_journeys import PASSWORD

    _home, section = build_site()
    get_user_model().objects.create_superuser("quantri-slug", "s@x.vn", PASSWORD)
    browser = browser_factory("ascii-slug")
    login(browser, "quantri-slug")
    browser.open(f"/admin/pages/add/pages/planpage/{section.pk}/")
    title = by_css(browser, "#id_title")
    title.send_keys("Kế hoạch thử nghiệm Đường dẫn")
    browser.driver.execute_script("arguments[0].blur()", title)
    slug = by_css(browser, "#id_slug")
    wait_for(browser, lambda d: slug.get_attribute("value"))
    assert slug.get_attribute("value") == "ke-hoach-thu-nghiem-duong-dan"
