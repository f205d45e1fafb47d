"""The filters of /van-ban/ speak to a citizen: each list starts with "Tất cả",
as "Hiệu lực" and the exemplar gallery's lists do, not Django's "---------"."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_every_filter_list_starts_with_all(site_tree, client):
    _home, index = site_tree
    html = client.get(index.url).content.decode()
    assert "---------" not in html
    for name in ("type", "issuer", "field", "status"):
        first = re.search(
            rf'<select name="{name}"[^>]*>\s*<option value="([^"]*)"[^>]*>([^<]*)<',
            html,
        )
        assert first is not None, name
        assert first.groups() == ("", "Tất cả"), name


@pytest.mark.parametrize("query", ["issuer=%00", "issuer=a%00b"])
def test_an_issuer_with_a_nul_character_is_refused_before_any_query(
    site_tree, client, django_assert_num_queries, query
):
    """``?issuer=%00`` answered a 500 on PostgreSQL, which refuses a NUL in a
    text parameter: the old-slug look-up (``IssuingBody.by_slug``) ran before
    the checks of Django's ``ModelChoiceField``. It is refused first now, with
    the listing's message beside the field, and no query is made for it."""
    from django.http import QueryDict

    from pages.models.home import DocumentFilterForm

    form = DocumentFilterForm(QueryDict(query))
    with django_assert_num_queries(0):
        assert not form.is_valid()
    assert "issuer" in form.errors
    _home, index = site_tree
    response = client.get(f"{index.url}?{query}")
    assert response.status_code == 200
    assert "Không được chứa ký tự rỗng (null)." in response.content.decode()


def type_options(html: str) -> list[tuple[str, str]]:
    select = re.search(r'<select name="type"[^>]*>(.*?)</select>', html, re.S)
    assert select is not None
    return re.findall(r'<option value="([^"]*)"[^>]*>([^<]*)<', select.group(1))


def test_the_type_list_offers_the_types_the_section_holds(site_tree, client):
    """The vocabulary has ~60 types (Giấy nghỉ phép, Phiếu gửi …) where a site
    uses a few: the list offers "Tất cả", then the types of live documents,
    and the selected type even when nothing holds it (an old link)."""
    from documents.models import DocumentType
    from tests.factories import DecisionPageFactory, PlanPageFactory, document_type

    _home, index = site_tree
    PlanPageFactory(parent=index, number=1)
    DecisionPageFactory(parent=index, number=2)
    DecisionPageFactory(parent=index, number=3, live=False)  # a draft
    assert DocumentType.objects.count() > 20
    used = [document_type("Kế hoạch"), document_type("Quyết định")]
    html = client.get(index.url).content.decode()
    options = type_options(html)
    assert options[0] == ("", "Tất cả")
    assert sorted(options[1:]) == sorted((t.slug, t.choice_label) for t in used)
    unused = DocumentType.objects.get(name="Công văn", family="admin")
    html = client.get(f"{index.url}?type={unused.slug}").content.decode()
    assert (unused.slug, unused.choice_label) in type_options(html)
    assert len(type_options(html)) == 4
    assert re.search(rf'<option value="{unused.slug}"[^>]*selected', html)


def test_a_type_with_a_nul_character_still_lists(site_tree, client):
    """The offered types include the selected one: a NUL in it must not reach
    PostgreSQL, which refuses one in a text parameter (a 500)."""
    _home, index = site_tree
    response = client.get(f"{index.url}?type=%00")
    assert response.status_code == 200
    assert type_options(response.content.decode())[0] == ("", "Tất cả")
