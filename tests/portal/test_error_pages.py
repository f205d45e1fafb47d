"""The public error pages are Vietnamese: a reader who follows a dead link
or meets a server fault gets a page in the portal's language, not Django's
English "Not Found" or "Server Error (500)"."""

import pytest
from django.template.loader import render_to_string


@pytest.mark.django_db
def test_a_missing_page_answers_in_vietnamese(client):
    response = client.get("/khong-ton-tai/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Không tìm thấy trang" in html
    assert "Not Found" not in html


def test_the_server_error_page_needs_no_request_nor_database():
    """Django renders 500.html with an empty context: it must not depend on
    the request, a context processor or a database query."""
    html = render_to_string("500.html")
    assert "Hệ thống đang gặp sự cố" in html
    assert '<html lang="vi">' in html
