"""Controlled vocabularies editors pick from when filling in document metadata.

Standard values are loaded by data migrations (0002) and stay editable in the
admin (``documents/wagtail_hooks.py`` registers them as snippets).
"""

from __future__ import annotations

from django.db import models
from wagtail.search import index

from documents.kinds import KINDS

#: Kinds issued both as administrative and as legal-normative documents
#: (Nghị quyết, Quyết định): two rows of one name, told apart in choice lists.
SHARED_STATE_KINDS = frozenset(
    kind.name for kind in KINDS if kind.admin is not None and kind.qppl is not None
)


class DocumentType(index.Indexed, models.Model):
    """A kind of document with its official abbreviation (Nghị định 30/2020, Phụ lục III).

    ``family`` says which numbering shape the type uses: administrative
    ("5324/KH-UBND"), legal-normative ("98/2023/NĐ-CP") or Party ("34-CT/TW").
    """

    class Family(models.TextChoices):
        ADMINISTRATIVE = "admin", "Văn bản hành chính"
        NORMATIVE = "qppl", "Văn bản quy phạm pháp luật"
        PARTY = "party", "Văn bản của Đảng"

    name = models.CharField("tên loại", max_length=100)
    abbreviation = models.CharField("viết tắt", max_length=20, blank=True)
    family = models.CharField(
        "hệ thống", max_length=10, choices=Family.choices, default=Family.ADMINISTRATIVE
    )
    slug = models.SlugField("đường dẫn", max_length=100, unique=True)
    ordering = models.PositiveSmallIntegerField("thứ tự", default=100)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("abbreviation"),
        index.AutocompleteField("abbreviation"),
        index.FilterField("family"),
    ]

    class Meta:
        ordering = ["family", "ordering", "name"]
        verbose_name = "loại văn bản"
        verbose_name_plural = "loại văn bản"
        constraints = [
            models.UniqueConstraint(fields=["name", "family"], name="unique_type_name")
        ]

    def __str__(self) -> str:
        if self.family == self.Family.PARTY:
            return f"{self.name} (Đảng)"
        if self.family == self.Family.NORMATIVE and self.name in SHARED_STATE_KINDS:
            return f"{self.name} (văn bản quy phạm pháp luật)"
        return self.name

    @property
    def choice_label(self) -> str:
        """The label in a choice list, where both "Quyết định" say which they
        are: "Quyết định (văn bản hành chính)", "Quyết định (văn bản quy phạm
        pháp luật)". ``str`` names only the legal-normative one (and a Party
        kind), so prose keeps "Quyết định 1234/QĐ-UBND"."""
        if (
            self.family == self.Family.ADMINISTRATIVE
            and self.name in SHARED_STATE_KINDS
        ):
            return f"{self.name} (văn bản hành chính)"
        return str(self)


class IssuingBody(index.Indexed, models.Model):
    """An organ that issues documents: name, abbreviation, level and succession.

    The district level ended on 01/7/2025; a dissolved body keeps its documents
    and names its successors ("nay là ...").
    """

    class Level(models.TextChoices):
        CENTRAL = "trung_uong", "Trung ương"
        PROVINCE = "tinh", "Tỉnh"
        DISTRICT = "huyen", "Huyện"
        COMMUNE = "xa", "Xã"
        PARTY = "dang", "Đảng"
        MASS = "doan_the", "Đoàn thể"

    name = models.CharField("tên cơ quan", max_length=200)
    abbreviation = models.CharField("viết tắt", max_length=30, blank=True)
    level = models.CharField("cấp", max_length=12, choices=Level.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name="cơ quan chủ quản",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    place = models.CharField("địa danh", max_length=100, blank=True)
    dissolved_on = models.DateField("ngày chấm dứt hoạt động", null=True, blank=True)
    successors = models.ManyToManyField(
        "self",
        verbose_name="cơ quan kế thừa",
        symmetrical=False,
        blank=True,
        related_name="predecessors",
    )
    slug = models.SlugField("đường dẫn", max_length=200, unique=True)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("abbreviation"),
        index.AutocompleteField("abbreviation"),
        index.FilterField("level"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "cơ quan ban hành"
        verbose_name_plural = "cơ quan ban hành"

    def __str__(self) -> str:
        return self.name

    def is_dissolved(self, on=None) -> bool:
        from django.utils import timezone

        on = on or timezone.localdate()
        return self.dissolved_on is not None and self.dissolved_on <= on

    def successor_names(self) -> str:
        return ", ".join(s.name for s in self.successors.all())

    def lineage_ids(self, relation: str = "predecessors") -> set[int]:
        """Ids of this body and, transitively, its predecessors (or successors)."""
        seen, frontier = {self.pk}, {self.pk}
        through = IssuingBody.successors.through
        mine, other = (
            ("to_issuingbody_id", "from_issuingbody_id")
            if relation == "predecessors"
            else ("from_issuingbody_id", "to_issuingbody_id")
        )
        while frontier:
            rows = through.objects.filter(**{f"{mine}__in": frontier})
            frontier = set(rows.values_list(other, flat=True)) - seen
            seen |= frontier
        return seen

    def with_predecessors(self):
        """This body and every body it took over from, transitively.

        A listing or search "by issuer, including predecessors" filters on
        ``issuing_body__in=body.with_predecessors()``: UBND xã Bình Lư then also
        finds the documents of UBND huyện Tam Đường (dissolved 01/7/2025).
        """
        return IssuingBody.objects.filter(pk__in=self.lineage_ids("predecessors"))

    @classmethod
    def by_slug(cls, slug: str) -> IssuingBody | None:
        """The body with this slug, else the body a row of this slug was merged
        into (``IssuingBodyAlias``): an old ``?issuer=<slug>`` link still lists
        the documents it listed. None for a slug holding a NUL character,
        which PostgreSQL refuses in a query (the basis-check API's ``issuer``
        was a 500)."""
        if "\x00" in slug:
            return None
        return (
            cls.objects.filter(slug=slug).first()
            or cls.objects.filter(aliases__slug=slug).first()
        )

    @classmethod
    def current_ids(cls, values: list[str]) -> list[str]:
        """``values`` (ids as text) with the id of a merged row replaced by the id
        of the row it was merged into; ids of rows that exist stay."""
        ids = {int(v) for v in values if v.isdecimal() and len(v) < 12}
        live = set(cls.objects.filter(pk__in=ids).values_list("pk", flat=True))
        moved = dict(
            IssuingBodyAlias.objects.filter(former_id__in=ids - live).values_list(
                "former_id", "body_id"
            )
        )
        current = [
            str(moved[int(v)]) if v.isdecimal() and int(v) in moved else v
            for v in values
        ]
        return list(dict.fromkeys(current))


class IssuingBodyAlias(models.Model):
    """The slug and id of a body row merged into another by ``normalize_issuers``
    (``documents.body_merge``): links and saved searches that named the merged
    row (``/van-ban/?issuer=<slug>``, the API's ``issuer``, ``/tim-kiem/?issuer=
    <id>``) are read as naming the row it was merged into."""

    body = models.ForeignKey(
        IssuingBody,
        verbose_name="cơ quan ban hành",
        on_delete=models.CASCADE,
        related_name="aliases",
    )
    slug = models.SlugField("đường dẫn cũ", max_length=200, unique=True)
    former_id = models.PositiveBigIntegerField("mã cũ", null=True, unique=True)

    class Meta:
        verbose_name = "đường dẫn cũ của cơ quan ban hành"
        verbose_name_plural = "đường dẫn cũ của cơ quan ban hành"

    def __str__(self) -> str:
        return f"{self.slug} → {self.body}"


class Signer(index.Indexed, models.Model):
    """A person who signs documents, with the position held when signing."""

    name = models.CharField("họ và tên", max_length=100)
    position = models.CharField("chức vụ", max_length=100, blank=True)
    body = models.ForeignKey(
        IssuingBody,
        verbose_name="cơ quan",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="signers",
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("position"),
        index.AutocompleteField("position"),
    ]

    class Meta:
        ordering = ["name"]
        verbose_name = "người ký"
        verbose_name_plural = "người ký"

    def __str__(self) -> str:
        return f"{self.name} ({self.position})" if self.position else self.name


class Field(index.Indexed, models.Model):
    """A field of work (lĩnh vực), e.g. "Thi đua, khen thưởng"."""

    name = models.CharField("lĩnh vực", max_length=100, unique=True)
    slug = models.SlugField("đường dẫn", max_length=100, unique=True)

    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = "lĩnh vực"
        verbose_name_plural = "lĩnh vực"

    def __str__(self) -> str:
        return self.name


class EmulationTitle(index.Indexed, models.Model):
    """An emulation title or commendation form of Luật Thi đua, khen thưởng 2022.

    ``recipient`` restricts it to individuals, collectives or households.
    """

    class Kind(models.TextChoices):
        TITLE = "danh_hieu", "Danh hiệu thi đua"
        FORM = "hinh_thuc", "Hình thức khen thưởng"

    class Recipient(models.TextChoices):
        INDIVIDUAL = "ca_nhan", "Cá nhân"
        COLLECTIVE = "tap_the", "Tập thể"
        HOUSEHOLD = "ho_gia_dinh", "Hộ gia đình"
        ANY = "bat_ky", "Cá nhân hoặc tập thể"

    name = models.CharField("tên", max_length=150, unique=True)
    abbreviation = models.CharField("viết tắt", max_length=20, blank=True)
    kind = models.CharField("loại", max_length=12, choices=Kind.choices)
    recipient = models.CharField(
        "đối tượng", max_length=12, choices=Recipient.choices, default=Recipient.ANY
    )
    legal_basis = models.CharField("căn cứ", max_length=200, blank=True)
    ordering = models.PositiveSmallIntegerField("thứ tự", default=100)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("abbreviation"),
        index.AutocompleteField("abbreviation"),
    ]

    class Meta:
        ordering = ["kind", "ordering", "name"]
        verbose_name = "danh hiệu / hình thức khen thưởng"
        verbose_name_plural = "danh hiệu / hình thức khen thưởng"

    def __str__(self) -> str:
        return self.name
