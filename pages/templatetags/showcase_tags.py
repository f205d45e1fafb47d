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


@register.simple_tag(takes_context=True)
def decision_awards(context, page):
    """A decision's awards with their title and exemplar in one query.

    Previews and pages rebuilt from a revision carry their awards in memory
    (modelcluster); those are rendered as they are, not the database rows.
    """
    request = context.get("request")
    in_memory = "awards" in getattr(page, "_cluster_related_objects", {})
    if in_memory or getattr(request, "is_preview", False):
        return list(page.awards.all())
    from pages.models import Award

    awards = Award.objects.filter(page_id=page.pk)
    return list(awards.select_related("title", "exemplar").order_by("sort_order"))


@register.filter
def movement_period(movement) -> str:
    """A movement's years as read aloud: "năm 2025" for a one-year movement
    (``MovementPage.period`` gives "2025–2025"), its period otherwise."""
    start, end = movement.start_year, movement.end_year
    if start and start == end:
        return f"năm {start}"
    return movement.period()
