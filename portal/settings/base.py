"""Settings shared by every environment.

All environment reading happens here, through ``env``. An integration is switched
on by its variable: ``DATABASE_URL`` (PostgreSQL), ``REDIS_URL`` (cache),
``OPENSEARCH_URL`` or ``ELASTICSEARCH_URL`` (search). Without them the portal runs on SQLite with the
SQLite FTS5 search backend.
"""

import os
import zoneinfo
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    """Read one environment variable; empty strings count as unset."""
    value = os.environ.get(name, "").strip()
    return value or default


def env_int(name: str, default: int | None) -> int | None:
    """A whole number from the environment, or ``ImproperlyConfigured`` in one
    line naming the variable (``int()`` would stop with a traceback)."""
    value = env(name)
    if value is None:
        return default
    if not value.isdigit():
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(f"{name} is invalid ({value!r} is no whole number)")
    return int(value)


def env_bool(name: str, default: bool) -> bool:
    value = env(name)
    if value is None:
        return default
    return value.lower() in {"1", "true", "yes", "on"}


VAR_DIR = Path(env("PORTAL_VAR_DIR", str(BASE_DIR / "var")))
SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-change-me-in-production")
DEBUG = False
ALLOWED_HOSTS = [h.strip() for h in env("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in env("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "portal",
    "pages",
    "documents",
    "search",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # ninja's app (its templates and static files); /api/v1/docs is the site's
    # own Vietnamese page now (portal.api_docs), not ninja's Swagger UI.
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "portal.middleware.ContentSecurityPolicyMiddleware",
    "pages.cache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "portal.middleware.LoginRateLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "portal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "portal.wsgi.application"

# Database: SQLite in WAL mode with a busy timeout unless DATABASE_URL says otherwise.
DATABASE_FORMS = "sqlite:///path/to/db.sqlite3 or postgres://user@host:5432/name"
DATABASE_SCHEMES = {"sqlite", "postgres", "postgresql", "pgsql"}


def database_settings(url: str) -> dict:
    """``DATABASES["default"]`` for a ``DATABASE_URL``; anything but SQLite or
    PostgreSQL (with a database name) raises ``ImproperlyConfigured`` in one
    line naming the variable and the accepted forms. The address itself is
    not repeated: it may hold a password."""
    from django.core.exceptions import ImproperlyConfigured

    scheme = url.partition("://")[0].lower() if "://" in url else ""
    if scheme not in DATABASE_SCHEMES:
        why = f"unsupported scheme {scheme!r}" if scheme else "not a URL"
        raise ImproperlyConfigured(
            f"DATABASE_URL is invalid ({why}); expected {DATABASE_FORMS}"
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=60)
    except ValueError:  # dj_database_url's ParseError: a port that is no number
        raise ImproperlyConfigured(
            "DATABASE_URL is invalid (check the port; quote special characters "
            f"of the password, e.g. @ as %40); expected {DATABASE_FORMS}"
        ) from None
    if scheme != "sqlite" and not config.get("NAME"):
        raise ImproperlyConfigured(
            f"DATABASE_URL is invalid (no database name); expected {DATABASE_FORMS}"
        )
    if scheme != "sqlite":  # a server that drops packets: fail in 10 s, not never
        config.setdefault("OPTIONS", {}).setdefault("connect_timeout", 10)
    return config


DATABASE_URL = env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}")
DATABASES = {"default": database_settings(DATABASE_URL)}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
            "PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set, local memory otherwise. While Redis is
# down the site serves uncached, logging one line a minute (portal/failsoft.py).
REDIS_FORMS = "redis://host:6379/0, rediss://… (TLS) or unix:///path/redis.sock"


def url_problem(url: str, schemes: set[str]) -> str | None:
    """What a client would fail on in ``url``: a scheme not in ``schemes`` or a
    port that is no number; None when neither."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme not in schemes:
        return f"unsupported scheme {parts.scheme!r}" if "://" in url else "not a URL"
    try:
        _ = parts.port  # raises on a port that is no number
    except ValueError:
        return "check the port"
    return None


def redis_location(url: str) -> str:
    """``url`` if redis-py can read it, else ``ImproperlyConfigured`` in one
    line (a bad address would otherwise fail every page with a 500)."""
    from urllib.parse import urlsplit

    from django.core.exceptions import ImproperlyConfigured

    why = url_problem(url, {"redis", "rediss", "unix"})
    parts = urlsplit(url)
    db = parts.path.strip("/") if parts.scheme != "unix" else ""
    if not why and db and not db.isdigit():
        why = f"the database {db!r} is no number"
    if why:
        raise ImproperlyConfigured(
            f"REDIS_URL is invalid ({why}); expected {REDIS_FORMS}"
        )
    return url


REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.failsoft.FailSoftRedisCache",
            "LOCATION": redis_location(REDIS_URL),
            "KEY_PREFIX": env("CACHE_KEY_PREFIX", "portal"),
            "TIMEOUT": 600,
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "portal",
            "TIMEOUT": 600,
        }
    }

# Full-page cache for anonymous visitors (pages/cache.py): entries live this many
# seconds at most; publishing, unpublishing, moving or deleting clears them all.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 300)
# Login rate limiting (portal/middleware.py) keys on the client address; behind a
# load balancer that is the last X-Forwarded-For entry, trusted only when set.
TRUST_X_FORWARDED_FOR = env_bool("TRUST_X_FORWARDED_FOR", False)


# Search: the portal's own Vietnamese-aware backends (see search/README.md): the
# database's backend (SQLite FTS5 or PostgreSQL), or an engine with the database
# backend as the fallback: OpenSearch when OPENSEARCH_URL is set, else
# Elasticsearch 8/9 when ELASTICSEARCH_URL is set. SEARCH_INDEX names the alias,
# SEARCH_REPLICAS the replicas of each new index (0; 1 on a three-node cluster).
# Left unset, PORTAL_SEARCH_BACKENDS is derived from these when search first
# needs it (``search.backends.default_config``), so settings import no app code.
def engine_url(name: str) -> str | None:
    """The search engine's address in variable ``name``, or
    ``ImproperlyConfigured`` in one line when its client could not read it (a
    port that is no number failed every search with a 500)."""
    from urllib.parse import urlsplit

    from django.core.exceptions import ImproperlyConfigured

    url = env(name)
    if not url:
        return None
    full = url if "://" in url else f"http://{url}"
    why = url_problem(full, {"http", "https"})
    if why == "check the port":
        why += "; quote special characters of the password"
    parts = urlsplit(full)
    if why or not parts.hostname:
        raise ImproperlyConfigured(
            f"{name} is invalid ({why or 'no host'}); expected "
            "http(s)://[user:password@]host:9200"
        )
    return url


OPENSEARCH_URL = engine_url("OPENSEARCH_URL")
ELASTICSEARCH_URL = engine_url("ELASTICSEARCH_URL")
SEARCH_INDEX = env("SEARCH_INDEX") or env("ELASTICSEARCH_INDEX", "portal")
SEARCH_REPLICAS = env_int("SEARCH_REPLICAS", None)  # None: the backend's default
PORTAL_SEARCH_BACKENDS = None
# Restore the diacritics of query words typed without them from the index's own
# text (search/restore.py). Off: on the development questions and look-ups it
# lowered the held-out figures (docs/benchmarks.md). Switching it on needs
# ``rebuild_search_index`` to count the text already indexed.
SEARCH_RESTORE_ACCENTS = env_bool("SEARCH_RESTORE_ACCENTS", False)

# Wagtail's own search (admin listings, and the comparison in bench/search.py):
# Wagtail's database backend with Vietnamese folded on both sides, so "quyet dinh"
# finds "Quyết định" (pages/admin_search.py; after switching an existing database
# to it, run ``manage.py update_index`` once).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "pages.admin_search"}}

AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
# The project's Vietnamese catalogues for Wagtail's apps (locale/, compiled by
# `make`). LOCALE_PATHS win over every installed app's own catalogue, and an
# earlier entry wins over a later one: the order follows INSTALLED_APPS, as
# Wagtail's own catalogues do. Each directory holds vi/LC_MESSAGES/django.po
# (and djangojs.po for the admin's JavaScript, read by its JavaScriptCatalog).
LOCALE_PATHS = [
    BASE_DIR / "locale" / "wagtail" / app
    for app in (
        "contrib/forms",
        "contrib/redirects",
        "contrib/settings",
        "contrib/table_block",
        "embeds",
        "sites",
        "users",
        "snippets",
        "documents",
        "images",
        "search",
        "admin",
        "core",
        "locales",
        "contrib/typed_table_block",
        "contrib/search_promotions",
        "contrib/simple_translation",
        "contrib/styleguide",
    )
] + [
    # Libraries whose messages editors meet in the admin (tag fields, listing
    # filters, form validation): taggit and django-filter ship no vi catalogue,
    # and locale/django holds only what Django's own vi catalogue leaves out.
    BASE_DIR / "locale" / library
    for library in ("taggit", "django_filters", "django")
]
USE_TZ = True
# Dates are typed day first (10/03/2025), as Vietnamese documents write them;
# ISO 2025-03-10 is still read, month-first never. Django's vi locale has no
# input formats (the settings' month-first defaults applied) and the en locale,
# which editors may pick in the admin, reads 10/03/2025 as 3 October, so
# portal/formats/ gives both locales these lists. The admin's date picker
# shows and sends WAGTAIL_DATE_FORMAT, the first format read.
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = [
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d/%m/%Y",
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%d",
]
FORMAT_MODULE_PATH = ["portal.formats"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
MEDIA_URL = "/media/"
# Let Django serve MEDIA_URL itself (local `make serve` only; see portal/urls.py).
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Mail (password reset, workflow notifications). Dev prints mails on the
# console (dev.py); production sends them through EMAIL_HOST (default
# localhost:25, a local relay).
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
EMAIL_TIMEOUT = 10
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Uploads: bounded sizes; Wagtail rejects images above the pixel limit (bombs).
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "doc", "odt", "xlsx", "xls", "txt"]

WAGTAIL_SITE_NAME = "Cổng văn bản UBND huyện Tam Đường"
# The admin's address in notification mails; by default the `make run` server's
# (PORT, as the Makefile passes it), so the mails' links match the site's.
WAGTAILADMIN_BASE_URL = env(
    "WAGTAILADMIN_BASE_URL", f"http://127.0.0.1:{env('PORT', '8000')}"
)
WAGTAILADMIN_PERMITTED_LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
WAGTAIL_I18N_ENABLED = False
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_MODERATION_ENABLED = True
# The page editor saves a draft revision this many milliseconds after a change
# (Wagtail's default, for every role; 0 turns autosave off). README "Autosave".
WAGTAIL_AUTOSAVE_INTERVAL = 500
# No Gravatar: editors' e-mail hashes stay in-house and the admin loads nothing
# from third-party hosts (CSP, closed networks).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
TAGGIT_CASE_INSENSITIVE = True
# The account screen's time zone menu: IANA "Area/Location" names and UTC only.
# Debian's zoneinfo also lists "localtime" and "posixrules", which browsers
# reject, and the admin then leaves the menu's names unlocalised.
WAGTAIL_USER_TIME_ZONES = sorted(
    zone for zone in zoneinfo.available_timezones() if "/" in zone or zone == "UTC"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # The search clients' connection warnings lose their traceback (one line).
    "filters": {"one_line": {"()": "portal.failsoft.OneLineLibraryErrors"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["one_line"]}
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
}
