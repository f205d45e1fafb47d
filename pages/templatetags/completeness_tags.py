"""``{% document_gaps page as gaps %}``: what a document still needs, for the
status side panel of the page editor (``pages.completeness``)."""

from django import template

from pages import completeness

register = template.Library()


@register.simple_tag
def document_gaps(page) -> dict:
    """``{"missing": [...], "checks": [...]}`` sentences; empty for other pages."""
    from pages.models import LegalDocumentPage

    if not isinstance(page, LegalDocumentPage):
        return {"missing": [], "checks": []}
    missing = completeness.messages_for(completeness.missing_fields(page))
    checks = []
    if page.pk and not page.first_published_at:
        checks = [c for c in completeness.import_checks(page) if c not in missing]
    return {"missing": missing, "checks": checks}
