"""The supervision pages (internal app: sign-in required)."""

from django.urls import URLPattern, URLResolver, path

from actionplan.oversight import views, views_assessment
from actionplan.oversight.views_escalations import bulletin, escalation_list

app_name = "oversight"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.home, name="home"),
    path("plans/<slug:code>/", views.dashboard, name="dashboard"),
    path("plans/<slug:code>/misses/", views.misses, name="misses"),
    path("plans/<slug:code>/units/", views.units, name="units"),
    path("plans/<slug:code>/escalations/", escalation_list, name="escalations"),
    path("plans/<slug:code>/bulletin/", bulletin, name="bulletin"),
    path(
        "plans/<slug:code>/assessments/",
        views_assessment.assessment_list,
        name="assessment_list",
    ),
    path(
        "plans/<slug:code>/assessments/<int:pk>/units/<int:unit_id>/",
        views_assessment.assessment_unit,
        name="assessment_unit",
    ),
]
