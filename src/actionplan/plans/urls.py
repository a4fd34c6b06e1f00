"""The plans pages. Views live in ``views/``; the pages are added here."""

from django.urls import URLPattern, URLResolver

app_name = "plans"

urlpatterns: list[URLPattern | URLResolver] = []
