"""Groups "Biên tập viên", "Lãnh đạo duyệt", "Quản trị" and the workflow
"Duyệt văn bản" (one group approval task for "Lãnh đạo duyệt").

Section permissions and the workflow's assignment to the "Văn bản" sections
need pages, which come later: ``documents.workflow.workflow_assign_defaults``.
"""

from django.db import migrations

GROUPS = ["Biên tập viên", "Lãnh đạo duyệt", "Quản trị"]
APPROVERS = "Lãnh đạo duyệt"
WORKFLOW_NAME = "Duyệt văn bản"
TASK_NAME = "Lãnh đạo duyệt văn bản"


def create_roles(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        if access is not None:
            group.permissions.add(access)
    create_workflow(apps, Group.objects.get(name=APPROVERS))


def create_workflow(apps, approvers):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")
    if Workflow.objects.filter(name=WORKFLOW_NAME).exists():
        return
    content_type, _ = ContentType.objects.get_or_create(
        app_label="wagtailcore", model="groupapprovaltask"
    )
    task = GroupApprovalTask.objects.create(
        name=TASK_NAME, content_type=content_type, active=True
    )
    task.groups.set([approvers])
    workflow = Workflow.objects.create(name=WORKFLOW_NAME, active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0004_versions_and_validity"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0098_apitoken"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
