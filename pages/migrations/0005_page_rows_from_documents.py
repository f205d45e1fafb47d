"""Citation, source, version and validity rows join the ``pages`` app.

State only: the tables already exist under their ``documents_*`` names (kept by
``db_table``), so no row moves. The content types of the six models are renamed
to ``pages`` so that their permissions (and the groups holding them) and audit
log entries follow.
"""

import django.db.models.deletion
import pages.models.history
from django.conf import settings
from django.db import migrations, models


MOVED = [
    "documentcitation",
    "documentsource",
    "publishedversion",
    "revisionnote",
    "validityevent",
    "pendingeffect",
]


def _move_content_types(apps, source: str, target: str) -> None:
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if ContentType.objects.filter(app_label=target, model=model).exists():
            continue
        ContentType.objects.filter(app_label=source, model=model).update(
            app_label=target
        )


def content_types_to_pages(apps, schema_editor):
    _move_content_types(apps, "documents", "pages")


def content_types_to_documents(apps, schema_editor):
    _move_content_types(apps, "pages", "documents")


class Migration(migrations.Migration):
    dependencies = [
        ("pages", "0004_document_list_page"),
        ("documents", "0007_page_rows_to_pages"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DocumentSource",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "source_url",
                            models.URLField(
                                blank=True, max_length=500, verbose_name="nguồn"
                            ),
                        ),
                        (
                            "file_name",
                            models.CharField(
                                blank=True, max_length=255, verbose_name="tệp nhập"
                            ),
                        ),
                        (
                            "imported_at",
                            models.DateTimeField(
                                auto_now=True, verbose_name="thời điểm nhập"
                            ),
                        ),
                        (
                            "page",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="import_source",
                                to="pages.legaldocumentpage",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "nguồn văn bản nhập",
                        "verbose_name_plural": "nguồn văn bản nhập",
                        "db_table": "documents_documentsource",
                    },
                ),
                migrations.CreateModel(
                    name="RevisionNote",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("note", models.TextField(verbose_name="nội dung thay đổi")),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        (
                            "revision",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="change_note",
                                to="wagtailcore.revision",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "ghi chú thay đổi",
                        "verbose_name_plural": "ghi chú thay đổi",
                        "db_table": "documents_revisionnote",
                    },
                ),
                migrations.CreateModel(
                    name="ValidityEvent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("date", models.DateField(verbose_name="ngày")),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("ban_hanh", "Ban hành"),
                                    ("co_hieu_luc", "Có hiệu lực"),
                                    ("sua_doi", "Được sửa đổi, bổ sung bởi"),
                                    ("thay_the", "Bị thay thế bởi"),
                                    ("bai_bo", "Bị bãi bỏ bởi"),
                                    ("het_hieu_luc", "Hết hiệu lực"),
                                ],
                                max_length=16,
                                verbose_name="sự kiện",
                            ),
                        ),
                        ("note", models.TextField(blank=True, verbose_name="ghi chú")),
                        (
                            "confirmed_at",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="thời điểm xác nhận"
                            ),
                        ),
                        (
                            "confirmed_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="người xác nhận",
                            ),
                        ),
                        (
                            "page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="validity_events",
                                to="pages.legaldocumentpage",
                                verbose_name="văn bản",
                            ),
                        ),
                        (
                            "source",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="caused_validity_events",
                                to="pages.legaldocumentpage",
                                verbose_name="văn bản tác động",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "sự kiện hiệu lực",
                        "verbose_name_plural": "sự kiện hiệu lực",
                        "db_table": "documents_validityevent",
                        "ordering": ["page", "date", "pk"],
                    },
                ),
                migrations.CreateModel(
                    name="DocumentCitation",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "origin",
                            models.CharField(
                                choices=[
                                    ("basis", "Căn cứ ban hành"),
                                    ("body", "Nội dung"),
                                ],
                                max_length=5,
                                verbose_name="vị trí",
                            ),
                        ),
                        (
                            "position",
                            models.PositiveIntegerField(
                                default=0, verbose_name="thứ tự"
                            ),
                        ),
                        ("raw", models.TextField(verbose_name="nguyên văn")),
                        ("start", models.PositiveIntegerField(default=0)),
                        ("end", models.PositiveIntegerField(default=0)),
                        (
                            "doc_type",
                            models.CharField(
                                blank=True, max_length=100, verbose_name="loại văn bản"
                            ),
                        ),
                        (
                            "number",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="số"
                            ),
                        ),
                        (
                            "year",
                            models.PositiveSmallIntegerField(
                                blank=True, null=True, verbose_name="năm"
                            ),
                        ),
                        (
                            "symbol",
                            models.CharField(
                                blank=True, max_length=80, verbose_name="ký hiệu"
                            ),
                        ),
                        (
                            "code",
                            models.CharField(
                                blank=True, max_length=120, verbose_name="số ký hiệu"
                            ),
                        ),
                        (
                            "date",
                            models.CharField(
                                blank=True, max_length=10, verbose_name="ngày ban hành"
                            ),
                        ),
                        (
                            "issuer",
                            models.CharField(
                                blank=True,
                                max_length=255,
                                verbose_name="cơ quan ban hành",
                            ),
                        ),
                        (
                            "pinpoint",
                            models.CharField(
                                blank=True,
                                max_length=255,
                                verbose_name="điều, khoản, điểm",
                            ),
                        ),
                        (
                            "relation",
                            models.CharField(
                                choices=[
                                    ("can_cu", "Căn cứ"),
                                    ("huong_dan", "Hướng dẫn"),
                                    ("sua_doi_bo_sung", "Sửa đổi, bổ sung"),
                                    ("thay_the", "Thay thế"),
                                    ("bai_bo", "Bãi bỏ"),
                                    ("thuc_hien", "Thực hiện"),
                                    ("lien_quan", "Liên quan"),
                                ],
                                default="lien_quan",
                                max_length=20,
                                verbose_name="quan hệ",
                            ),
                        ),
                        (
                            "key",
                            models.CharField(
                                db_index=True,
                                max_length=255,
                                verbose_name="khóa định danh",
                            ),
                        ),
                        (
                            "lookup_keys",
                            models.TextField(
                                blank=True,
                                help_text="code_lookup_keys() of the cited code, one per line, with a newline before and after each so a LIKE filter matches whole keys.",
                                verbose_name="khóa tra cứu số ký hiệu",
                            ),
                        ),
                        (
                            "flags",
                            models.JSONField(
                                blank=True,
                                default=list,
                                verbose_name="ghi chú kỹ thuật",
                            ),
                        ),
                        (
                            "source",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="outgoing_citations",
                                to="pages.legaldocumentpage",
                                verbose_name="văn bản dẫn chiếu",
                            ),
                        ),
                        (
                            "target",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="incoming_citations",
                                to="pages.legaldocumentpage",
                                verbose_name="văn bản được dẫn chiếu",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "trích dẫn văn bản",
                        "verbose_name_plural": "trích dẫn văn bản",
                        "db_table": "documents_documentcitation",
                        "ordering": ["source", "origin", "position"],
                        "indexes": [
                            models.Index(
                                fields=["target", "relation"],
                                name="documents_d_target__391102_idx",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="PendingEffect",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "kind",
                            models.CharField(
                                choices=[
                                    ("ban_hanh", "Ban hành"),
                                    ("co_hieu_luc", "Có hiệu lực"),
                                    ("sua_doi", "Được sửa đổi, bổ sung bởi"),
                                    ("thay_the", "Bị thay thế bởi"),
                                    ("bai_bo", "Bị bãi bỏ bởi"),
                                    ("het_hieu_luc", "Hết hiệu lực"),
                                ],
                                max_length=16,
                                verbose_name="tác động",
                            ),
                        ),
                        (
                            "partial",
                            models.BooleanField(
                                default=False, verbose_name="chỉ một phần"
                            ),
                        ),
                        (
                            "citation_text",
                            models.TextField(blank=True, verbose_name="trích dẫn"),
                        ),
                        (
                            "date",
                            models.DateField(
                                blank=True, null=True, verbose_name="ngày có tác động"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("cho_xac_nhan", "Chờ xác nhận"),
                                    ("da_xac_nhan", "Đã xác nhận"),
                                    ("tu_choi", "Từ chối"),
                                ],
                                default="cho_xac_nhan",
                                max_length=16,
                                verbose_name="trạng thái",
                            ),
                        ),
                        ("created_at", models.DateTimeField(auto_now_add=True)),
                        ("decided_at", models.DateTimeField(blank=True, null=True)),
                        (
                            "decided_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "source",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="outgoing_effects",
                                to="pages.legaldocumentpage",
                                verbose_name="văn bản tác động",
                            ),
                        ),
                        (
                            "target",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="incoming_effects",
                                to="pages.legaldocumentpage",
                                verbose_name="văn bản bị tác động",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "hiệu lực chờ xác nhận",
                        "verbose_name_plural": "hiệu lực chờ xác nhận",
                        "db_table": "documents_pendingeffect",
                        "ordering": ["-created_at", "pk"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("source", "target", "kind"),
                                name="unique_pending_effect",
                            )
                        ],
                    },
                ),
                migrations.CreateModel(
                    name="PublishedVersion",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "number",
                            models.PositiveIntegerField(verbose_name="phiên bản"),
                        ),
                        (
                            "published_at",
                            models.DateTimeField(verbose_name="thời điểm đăng tải"),
                        ),
                        (
                            "note",
                            models.TextField(
                                blank=True, verbose_name="nội dung thay đổi"
                            ),
                        ),
                        (
                            "page",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="published_versions",
                                to="pages.legaldocumentpage",
                                verbose_name="văn bản",
                            ),
                        ),
                        (
                            "revision",
                            models.ForeignKey(
                                on_delete=pages.models.history.keep_published_revisions,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="bản lưu",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "phiên bản đã đăng tải",
                        "verbose_name_plural": "phiên bản đã đăng tải",
                        "db_table": "documents_publishedversion",
                        "ordering": ["page", "number"],
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("page", "number"), name="unique_version_number"
                            ),
                            models.UniqueConstraint(
                                fields=("page", "revision"),
                                name="unique_version_revision",
                            ),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
        migrations.RunPython(content_types_to_pages, content_types_to_documents),
    ]
