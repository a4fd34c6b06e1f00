"""The plans pages (internal app: sign-in required)."""

from django.urls import URLPattern, URLResolver, path

from actionplan.plans import views
from actionplan.plans.views import breakdown

app_name = "plans"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("plans/<slug:code>/", views.plan_detail, name="plan_detail"),
    path("tasks/<int:pk>/", views.task_detail, name="task_detail"),
    path("indicators/<int:pk>/", views.indicator_detail, name="indicator_detail"),
    path(
        "observations/<int:pk>/prefer/",
        views.observation_mark_preferred,
        name="observation_mark_preferred",
    ),
    path("units/", views.unit_list, name="unit_list"),
    path("units/<int:pk>/", views.unit_detail, name="unit_detail"),
    path("plans/<slug:code>/breakdown.xlsx", breakdown.breakdown_export, name="breakdown_export"),
    path("plans/<slug:code>/breakdown/", breakdown.breakdown_import, name="breakdown_import"),
]
