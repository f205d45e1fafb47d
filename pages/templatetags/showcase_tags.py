"""Template helpers of the showcase (social sharing)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def absolute_url(context, url: str) -> str:
    """``url`` made absolute for og:image (Zalo and Facebook need a full URL)."""
    request = context.get("request")
    if not url or request is None or "://" in url:
        return url or ""
    return request.build_absolute_uri(url)
