import factory

from documents.models import DocumentType, Field, IssuingBody, Signer


def document_type(name: str = "Kế hoạch", family: str = "admin") -> DocumentType:
    """Document types are loaded by a data migration; tests pick from them."""
    return DocumentType.objects.get(name=name, family=family)


class IssuingBodyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IssuingBody
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Ủy ban nhân dân xã Thử Nghiệm {n}")
    slug = factory.Sequence(lambda n: f"ubnd-xa-thu-nghiem-{n}")
    abbreviation = "UBND"
    level = IssuingBody.Level.COMMUNE


class SignerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Signer

    name = factory.Sequence(lambda n: f"Nguyễn Văn {n}")
    position = "Chủ tịch"


class FieldFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Field
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Lĩnh vực {n}")
    slug = factory.Sequence(lambda n: f"linh-vuc-{n}")
