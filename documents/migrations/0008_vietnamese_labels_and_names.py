"""Vietnamese names where the admin showed English ones.

The vocabularies' "slug" fields get a Vietnamese label, and the records Wagtail's
own migrations create in English are renamed: the tree's root page ("Root", seen
in the explorer) and the default workflow and task ("Moderators approval", named
on the "Gửi duyệt" button of every page outside the document sections). The
reverse migration restores Wagtail's names.
"""

from django.db import migrations, models

# (Wagtail's name, the portal's name)
ROOT_TITLE = ("Root", "Gốc")
DEFAULT_WORKFLOW = ("Moderators approval", "Duyệt nội dung chung")
DEFAULT_TASK = ("Moderators approval", "Kiểm duyệt nội dung")


def _rename(apps, forward: bool) -> None:
    old, new = (0, 1) if forward else (1, 0)
    Page = apps.get_model("wagtailcore", "Page")
    Page.objects.filter(depth=1, title=ROOT_TITLE[old]).update(
        title=ROOT_TITLE[new], draft_title=ROOT_TITLE[new]
    )
    Workflow = apps.get_model("wagtailcore", "Workflow")
    Workflow.objects.filter(name=DEFAULT_WORKFLOW[old]).update(name=DEFAULT_WORKFLOW[new])
    Task = apps.get_model("wagtailcore", "Task")
    Task.objects.filter(name=DEFAULT_TASK[old]).update(name=DEFAULT_TASK[new])


def forwards(apps, schema_editor):
    _rename(apps, forward=True)


def backwards(apps, schema_editor):
    _rename(apps, forward=False)


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0007_page_rows_to_pages"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [
        migrations.AlterField(
            model_name="documenttype",
            name="slug",
            field=models.SlugField(max_length=100, unique=True, verbose_name="đường dẫn"),
        ),
        migrations.AlterField(
            model_name="field",
            name="slug",
            field=models.SlugField(max_length=100, unique=True, verbose_name="đường dẫn"),
        ),
        migrations.AlterField(
            model_name="issuingbody",
            name="slug",
            field=models.SlugField(max_length=200, unique=True, verbose_name="đường dẫn"),
        ),
        migrations.RunPython(forwards, backwards),
    ]
