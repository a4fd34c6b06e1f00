"""The supervision pages (internal app: sign-in required)."""

from django.urls import URLPattern, URLResolver, path

from actionplan.oversight import views

app_name = "oversight"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("plans/<slug:code>/", views.dashboard, name="dashboard"),
]
