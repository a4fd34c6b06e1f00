"""The progress reporting pages (internal app: sign-in required)."""

from django.urls import URLPattern, URLResolver, path

from actionplan.progress.views import completeness, figures, periods, reports, review, workbook

app_name = "progress"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", reports.my_reports, name="home"),
    path(
        "periods/<int:period>/tasks/<int:task>/units/<int:unit>/",
        reports.report_open,
        name="report_open",
    ),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/edit/", reports.report_edit, name="report_edit"),
    path("reports/<int:pk>/submit/", reports.report_submit, name="report_submit"),
    path("reports/<int:pk>/review/", review.report_review, name="report_review"),
    path("reports/<int:pk>/evidence/", reports.evidence_upload, name="evidence_upload"),
    path("evidence/<int:pk>/", reports.evidence_download, name="evidence_download"),
    path("indicators/<int:indicator>/figures/new/", figures.figure_new, name="figure_new"),
    path("figures/<int:pk>/", figures.figure_edit, name="figure_edit"),
    path("figures/<int:pk>/submit/", figures.figure_submit, name="figure_submit"),
    path("figures/<int:pk>/review/", review.figure_review, name="figure_review"),
    path("queue/", review.queue, name="queue"),
    path("plans/<slug:code>/periods/", periods.period_list, name="period_list"),
    path("periods/<int:pk>/lock/", periods.period_lock, name="period_lock"),
    # Report once: a unit's workbook for a period (views/workbook.py).
    path(
        "workbook/units/<int:unit>/periods/<int:period>.xlsx",
        workbook.workbook_download,
        name="workbook_download",
    ),
    path(
        "workbook/units/<int:unit>/periods/<int:period>/upload/",
        workbook.workbook_upload,
        name="workbook_upload",
    ),
    # Who has reported (views/completeness.py).
    path("plans/<slug:code>/completeness/", completeness.plan_completeness, name="completeness"),
    path(
        "plans/<slug:code>/completeness/units/<int:unit>/",
        completeness.unit_completeness,
        name="unit_completeness",
    ),
]
