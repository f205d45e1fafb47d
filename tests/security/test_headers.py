"""Security headers: CSP everywhere, and the production HTTPS headers."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.contrib.auth import get_user_model

ROOT = Path(__file__).resolve().parents[2]


def test_public_pages_get_the_strict_policy(client, site_tree):
    csp = client.get("/")["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "object-src 'none'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'self'" in csp


def test_cached_pages_keep_the_policy(client, site_tree):
    client.get("/")
    hit = client.get("/")
    assert hit["X-Cache"] == "HIT"
    assert "unsafe-inline" not in hit["Content-Security-Policy"]


def test_admin_gets_a_policy_that_allows_its_inline_code(client, db):
    for url in ("/admin/login/", "/django-admin/login/"):
        csp = client.get(url)["Content-Security-Policy"]
        assert "'unsafe-inline'" in csp, url
        assert "object-src 'none'" in csp, url


def test_editors_on_public_pages_get_the_admin_policy(client, site_tree):
    user = get_user_model().objects.create_superuser("ed", "ed@example.invalid", "x")
    client.force_login(user)
    assert "'unsafe-inline'" in client.get("/")["Content-Security-Policy"]


PROBE = """
import json, django
from django.http import HttpResponse
from django.urls import path
django.setup()
from django.conf import settings
from django.test import Client
urlpatterns = [path("ok/", lambda request: HttpResponse("<p>ok</p>"))]
settings.ROOT_URLCONF = "__main__"
r = Client().get("/ok/", secure=True, HTTP_HOST="portal.example.vn")
plain = Client().get("/ok/", HTTP_HOST="portal.example.vn")
print(json.dumps({"status": r.status_code, "headers": dict(r.items()),
                  "plain": plain.status_code, "location": plain.get("Location")}))
"""


def test_production_sends_hsts_nosniff_referrer_policy_and_redirects_http(tmp_path):
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="k8#Gq2@x!Lm9$wZr4^Tb7&Yc1*Hd6(Pn3)Vf0-Js5+Ue8=Ra2_Qo7~Xi4",
        ALLOWED_HOSTS="portal.example.vn",
        PORTAL_VAR_DIR=str(tmp_path),
    )
    env.pop("SECURE_SSL_REDIRECT", None)
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    headers = probe["headers"]
    assert probe["status"] == 200
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert "Content-Security-Policy" in headers
    assert probe["plain"] == 301
    assert probe["location"].startswith("https://portal.example.vn/")
