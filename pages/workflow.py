"""Roles and the review workflow of the document sections.

Migration ``documents.0005_roles_and_workflow`` creates the three groups and
the workflow "Duyệt văn bản" (one ``GroupApprovalTask`` for "Lãnh đạo duyệt":
an editor submits, an approver approves — which publishes — or requests
changes with a comment). Pages do not exist at migration time, so
:func:`workflow_assign_defaults` (run by ``load_demo``, safe to run again, and
for each newly published "Văn bản" section through ``page_published``) gives
the groups their permissions on every ``DocumentIndexPage`` and every
exemplar gallery (``ExemplarIndexPage``, where publishing a decision creates
draft exemplars for the editors: ``section_ensure``) and assigns the workflow
there. Editors get add/change but never publish, so the only way a page of
theirs goes live is through the workflow.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

EDITORS = "Biên tập viên"
APPROVERS = "Lãnh đạo duyệt"
ADMINS = "Quản trị"
WORKFLOW_NAME = "Duyệt văn bản"
TASK_NAME = "Lãnh đạo duyệt văn bản"

PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page"],
    APPROVERS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    ADMINS: [
        "add_page",
        "change_page",
        "publish_page",
        "lock_page",
        "unlock_page",
        "bulk_delete_page",
    ],
}
# (app, codename) on the root collection: files of "Tài liệu" and pictures of
# "Hình ảnh" (an exemplar's photo, a news item's picture, a movement's image),
# which every role uploads and chooses; only "Quản trị" deletes them.
_MEDIA = [
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
]
COLLECTION_PERMISSIONS = {
    EDITORS: _MEDIA,
    APPROVERS: _MEDIA,
    ADMINS: [
        *_MEDIA,
        ("wagtaildocs", "delete_document"),
        ("wagtailimages", "delete_image"),
    ],
}
MODEL_PERMISSIONS = {
    EDITORS: [("pages", "view_pendingeffect")],
    APPROVERS: [
        ("pages", "view_pendingeffect"),
        ("pages", "change_pendingeffect"),
    ],
    ADMINS: [
        ("pages", "view_pendingeffect"),
        ("pages", "change_pendingeffect"),
        ("documents", "add_issuingbody"),
        ("documents", "change_issuingbody"),
        ("documents", "add_signer"),
        ("documents", "change_signer"),
        ("documents", "add_field"),
        ("documents", "change_field"),
        ("documents", "add_documenttype"),
        ("documents", "change_documenttype"),
        ("documents", "add_emulationtitle"),
        ("documents", "change_emulationtitle"),
        ("pages", "change_portalinfo"),  # "Thông tin cổng" in Cài đặt
    ],
}


def _perm(app_label: str, codename: str) -> Permission | None:
    return Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()


def roles_ensure() -> dict[str, Group]:
    """The three groups with admin access and their model permissions."""
    groups = {}
    for name in (EDITORS, APPROVERS, ADMINS):
        group, _ = Group.objects.get_or_create(name=name)
        perms = [("wagtailadmin", "access_admin"), *MODEL_PERMISSIONS[name]]
        group.permissions.add(*filter(None, (_perm(a, c) for a, c in perms)))
        groups[name] = group
    _collection_permissions(groups)
    return groups


def _collection_permissions(groups: dict[str, Group]) -> None:
    root = Collection.get_first_root_node()
    if root is None:
        return
    for name, perms in COLLECTION_PERMISSIONS.items():
        for app_label, codename in perms:
            perm = _perm(app_label, codename)
            if perm is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=groups[name], collection=root, permission=perm
                )


def default_workflow(approvers: Group) -> Workflow:
    """The workflow "Duyệt văn bản" with its single approval task."""
    workflow, _ = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    if not workflow.workflow_tasks.exists():
        task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
        if task is None:
            task = GroupApprovalTask.objects.create(name=TASK_NAME)
            task.groups.set([approvers])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def section_assign(section: Page, workflow: Workflow, groups: dict) -> None:
    """Permissions and workflow on one "Văn bản" section (kept if set by hand)."""
    WorkflowPage.objects.get_or_create(page=section, defaults={"workflow": workflow})
    for name, codenames in PAGE_PERMISSIONS.items():
        for codename in codenames:
            perm = _perm("wagtailcore", codename)
            if perm is not None:
                GroupPagePermission.objects.get_or_create(
                    group=groups[name], page=section, permission=perm
                )


@transaction.atomic
def workflow_assign_defaults() -> int:
    """Roles, workflow and section permissions; returns the sections handled."""
    from pages.models import DocumentIndexPage, ExemplarIndexPage

    groups = roles_ensure()
    workflow = default_workflow(groups[APPROVERS])
    sections = [*DocumentIndexPage.objects.all(), *ExemplarIndexPage.objects.all()]
    for section in sections:
        section_assign(section, workflow, groups)
    return len(sections)


def on_section_published(sender, instance, **kwargs) -> None:
    """A newly published "Văn bản" section gets the defaults (``pages.publishing``)."""
    from pages.models import DocumentIndexPage

    if isinstance(instance, DocumentIndexPage):
        section_ensure(instance)


def section_ensure(section: Page) -> None:
    """The roles, the workflow and their permissions on one section."""
    groups = roles_ensure()
    section_assign(section, default_workflow(groups[APPROVERS]), groups)
