"""Factories of the showcase page types (exemplars, movements, news)."""

import datetime as dt

import factory
import wagtail_factories

from pages.models import (
    ExemplarIndexPage,
    ExemplarPage,
    MovementIndexPage,
    MovementPage,
    NewsIndexPage,
    NewsPage,
)


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Ảnh minh họa {n}")
    description = factory.Sequence(lambda n: f"Mô tả ảnh minh họa {n}")


class ExemplarIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ExemplarIndexPage

    title = "Điển hình tiên tiến"
    slug = "dien-hinh-tien-tien"


class MovementIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MovementIndexPage

    title = "Phong trào thi đua"
    slug = "phong-trao-thi-dua"


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsIndexPage

    title = "Tin tức"
    slug = "tin-tuc"


class ExemplarPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ExemplarPage

    title = factory.Sequence(lambda n: f"Nguyễn Thị Điển Hình {n}")
    kind = "ca_nhan"
    unit = "Trường Tiểu học Bình Lư"
    commune = "Bình Lư"
    position = "Giáo viên"
    achievements = "Nhiều năm liền hoàn thành xuất sắc nhiệm vụ."
    year = 2025
    consent_given = True
    consent_date = dt.date(2025, 5, 1)
    consent_note = "Đồng ý bằng văn bản ngày 01/5/2025."


class MovementPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = MovementPage

    title = factory.Sequence(lambda n: f"Phong trào thi đua thử nghiệm {n}")
    launcher = "Ủy ban nhân dân tỉnh Lai Châu"
    start_year = 2021
    end_year = 2025
    summary = "Phong trào thi đua dùng trong kiểm thử."


class NewsPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = NewsPage

    title = factory.Sequence(lambda n: f"Tin thi đua số {n}")
    date = dt.date(2025, 6, 25)
    author = "Phòng Nội vụ"
    intro = "Tin tức về phong trào thi đua trên địa bàn huyện."
