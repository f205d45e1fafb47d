"""Project-wide HTTP middleware: Content-Security-Policy and login rate limiting.

Both are settings-driven and stateless apart from the cache, so they work the
same behind several app servers when ``REDIS_URL`` points them at one Redis.
"""

from __future__ import annotations

import hashlib
import logging

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

logger = logging.getLogger(__name__)

# Public pages: everything from our own origin, no inline script or style.
STRICT_CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'self'",
}
# The Wagtail and Django admins (and the userbar that editors see on public
# pages) use inline scripts and styles, and embeds/previews in frames.
RELAXED_CSP = {
    **STRICT_CSP,
    "script-src": "'self' 'unsafe-inline' 'unsafe-eval'",
    "style-src": "'self' 'unsafe-inline'",
    "img-src": "'self' data: blob: https:",
    "frame-src": "'self' https:",
    "media-src": "'self' blob:",
}
ADMIN_PREFIXES = ("/admin/", "/django-admin/")


def format_policy(policy: dict[str, str]) -> str:
    return "; ".join(f"{name} {value}" for name, value in policy.items())


class ContentSecurityPolicyMiddleware:
    """Add ``Content-Security-Policy`` to every response that lacks one.

    Public pages for anonymous visitors get ``STRICT_CSP``; the admin URLs and
    logged-in users get ``RELAXED_CSP``. ``CSP_REPORT_ONLY`` sends the header as
    ``Content-Security-Policy-Report-Only`` while a policy is being tried out.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.strict = format_policy(getattr(settings, "CSP_POLICY", STRICT_CSP))
        self.relaxed = format_policy(getattr(settings, "CSP_ADMIN_POLICY", RELAXED_CSP))
        report_only = getattr(settings, "CSP_REPORT_ONLY", False)
        self.header = (
            "Content-Security-Policy-Report-Only"
            if report_only
            else "Content-Security-Policy"
        )

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header not in response:
            response[self.header] = (
                self.relaxed if self._is_privileged(request) else self.strict
            )
        return response

    @staticmethod
    def _is_privileged(request: HttpRequest) -> bool:
        if request.path.startswith(ADMIN_PREFIXES):
            return True
        user = getattr(request, "user", None)
        return bool(user is not None and user.is_authenticated)


# Login rate limiting ---------------------------------------------------------

LOCKED_MESSAGE = (
    "Bạn đã đăng nhập sai quá nhiều lần. Vì lý do an toàn, vui lòng thử lại "
    "sau {minutes} phút."
)


def _limits() -> dict:
    defaults = {
        "PATHS": ("/admin/login/", "/django-admin/login/"),
        "PER_USER": 5,
        "PER_IP": 20,
        "WINDOW": 15 * 60,
    }
    return {**defaults, **getattr(settings, "LOGIN_RATE_LIMIT", {})}


def client_ip(request: HttpRequest) -> str:
    """The client address; behind a proxy, the address the proxy appended.

    ``X-Forwarded-For`` is trusted only with ``TRUST_X_FORWARDED_FOR`` (set it when
    the app servers are reachable through the load balancer only).
    """
    if getattr(settings, "TRUST_X_FORWARDED_FOR", False):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        if forwarded.strip():
            return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR", "") or "unknown"


def _key(kind: str, *parts: str) -> str:
    digest = hashlib.sha256("\x00".join(parts).encode("utf-8", "replace"))
    return f"loginlimit:{kind}:{digest.hexdigest()}"


def _keys(request: HttpRequest, username: str) -> tuple[str, str]:
    ip = client_ip(request)
    return _key("user", ip, username.strip().lower()), _key("ip", ip)


def _incr(key: str, window: int) -> None:
    if cache.add(key, 1, window):
        return
    try:
        cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.add(key, 1, window)


def is_locked(request: HttpRequest, username: str) -> bool:
    limits = _limits()
    user_key, ip_key = _keys(request, username)
    counts = cache.get_many([user_key, ip_key])
    return (
        counts.get(user_key, 0) >= limits["PER_USER"]
        or counts.get(ip_key, 0) >= limits["PER_IP"]
    )


def record_failure(sender=None, credentials=None, request=None, **_kwargs) -> None:
    """``user_login_failed`` receiver: count the failure per IP+username and IP."""
    if request is None:
        return
    username = str((credentials or {}).get("username", ""))
    window = _limits()["WINDOW"]
    for key in _keys(request, username):
        _incr(key, window)


def reset_on_success(sender=None, request=None, user=None, **_kwargs) -> None:
    """``user_logged_in`` receiver: a correct password clears its own counter."""
    if request is None or user is None:
        return
    cache.delete(_keys(request, user.get_username())[0])


user_login_failed.connect(record_failure, dispatch_uid="portal-login-failed")
user_logged_in.connect(reset_on_success, dispatch_uid="portal-login-ok")


class LoginRateLimitMiddleware:
    """Refuse login POSTs with HTTP 429 once the failure limits are reached."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limits = _limits()
        if request.method == "POST" and request.path in limits["PATHS"]:
            username = request.POST.get("username", "")
            if is_locked(request, username):
                logger.warning("Login rate limit hit for %s", client_ip(request))
                return self._refuse(limits["WINDOW"])
        return self.get_response(request)

    @staticmethod
    def _refuse(window: int) -> HttpResponse:
        minutes = max(1, window // 60)
        message = LOCKED_MESSAGE.format(minutes=minutes)
        body = (
            '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
            "<title>Tạm khóa đăng nhập</title></head><body>"
            f'<main><h1>Tạm khóa đăng nhập</h1><p role="alert">{message}</p>'
            '<p><a href="/">Về trang chủ</a></p></main></body></html>'
        )
        response = HttpResponse(body, status=429)
        response["Retry-After"] = str(window)
        return response
