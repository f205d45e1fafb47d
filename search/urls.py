"""Search URLs, included at the site root by ``portal/urls.py``."""

from django.urls import path

from . import views

app_name = "search"
urlpatterns = [
    path("tim-kiem/", views.search_page, name="page"),
    path("tim-kiem/goi-y/", views.suggest, name="suggest"),
]
