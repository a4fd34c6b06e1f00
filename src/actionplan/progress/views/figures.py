"""A unit reports a figure for an indicator, on its own or with a report."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actionplan.plans.models import Indicator, Observation
from actionplan.progress import permissions, queries
from actionplan.progress.forms import FigureForm
from actionplan.progress.models import Report
from actionplan.progress.services.conflicts import EditConflict
from actionplan.progress.services.figures import (
    FigureErrors,
    FigureInput,
    NeedsConfirmation,
    edit_figure,
    report_figure,
    submit_figure,
)
from actionplan.progress.views.access import progress_reader


def _input(form: FigureForm) -> FigureInput:
    data = form.cleaned_data
    return FigureInput(
        value=data["value"],
        period_start=data["period_start"],
        period_end=data["period_end"],
        qualifier=data["qualifier"],
        source_title=data["source_title"],
        source_url=data["source_url"],
        source_quality=data["source_quality"],
        note=data["note"],
        explanation=data["explanation"],
        confirmed=data["confirmed"],
    )


def _show_problems(form: FigureForm, error: Exception) -> str | None:
    """Put the service's refusal on the form; return a reading to confirm."""
    if isinstance(error, NeedsConfirmation):
        return str(error)
    if isinstance(error, FigureErrors):
        for field, problems in error.errors.items():
            form.add_error(field if field in form.fields else None, problems)
    elif isinstance(error, ValidationError):
        if hasattr(error, "error_dict"):
            for field, problems in error.message_dict.items():
                form.add_error(field if field in form.fields else None, problems)
        else:
            form.add_error(None, error.messages)
    return None


def _again(request: HttpRequest, **changes: str) -> FigureForm:
    """The form as the person typed it, with ``changes``, bound and checked."""
    data = request.POST.copy()
    for name, value in changes.items():
        data[name] = value
    form = FigureForm(data)
    form.is_valid()
    return form


def _refused(
    request: HttpRequest, form: FigureForm, error: Exception
) -> tuple[FigureForm, str | None]:
    """Show why the figure was refused; a reading to confirm comes back with
    the form ready to confirm it."""
    confirm = _show_problems(form, error)
    if confirm:
        form = _again(request, confirmed="on")
    return form, confirm


@progress_reader
def figure_new(request: HttpRequest, indicator: int) -> HttpResponse:
    item = get_object_or_404(Indicator.objects.select_related("plan", "task"), pk=indicator)
    if item.task is None:
        raise PermissionDenied
    units = queries.responsible_units(permissions.reporting_units(request.user), item.task)
    if not units:
        raise PermissionDenied
    report = None
    report_id = request.GET.get("report") or request.POST.get("report")
    if report_id and report_id.isdigit():
        report = get_object_or_404(Report, pk=int(report_id), task=item.task)
    unit = report.unit if report is not None else units[0]
    if unit not in units:
        raise PermissionDenied
    confirm: str | None = None
    if request.method == "POST":
        form = FigureForm(request.POST)
        if form.is_valid():
            try:
                report_figure(
                    request.user, unit, item, _input(form), report=report, submit=report is None
                )
            except (FigureErrors, NeedsConfirmation, ValidationError) as error:
                form, confirm = _refused(request, form, error)
            else:
                messages.success(
                    request,
                    _("Figure saved with the report.")
                    if report is not None
                    else _("Figure submitted to the coordinator office."),
                )
                target = (
                    reverse("progress:report_detail", args=[report.pk])
                    if report is not None
                    else reverse("progress:home")
                )
                return HttpResponseRedirect(target)
    else:
        period = report.period if report is not None else None
        if period is None:
            period = queries.chosen_period(item.plan, None, timezone.localdate())
        form = FigureForm(
            initial={
                "period_start": period.start if period else None,
                "period_end": period.end if period else None,
            }
        )
    return render(
        request,
        "progress/figure_form.html",
        {
            "indicator": item,
            "unit": unit,
            "report": report,
            "form": form,
            "confirm": confirm,
            "nav": "progress",
        },
    )


@progress_reader
def figure_edit(request: HttpRequest, pk: int) -> HttpResponse:
    figure = get_object_or_404(Observation.objects.select_related("indicator", "unit"), pk=pk)
    if figure.unit is None or not permissions.can_report_figure(
        request.user, figure.unit, figure.indicator
    ):
        raise PermissionDenied
    confirm: str | None = None
    conflict: EditConflict | None = None
    if request.method == "POST":
        form = FigureForm(request.POST)
        if form.is_valid():
            try:
                edit_figure(request.user, figure, _input(form), form.cleaned_data["version"])
            except EditConflict as clash:
                conflict = clash
                form = _again(request, version=str(clash.obj.version))  # type: ignore[attr-defined]
            except (FigureErrors, NeedsConfirmation, ValidationError) as error:
                form, confirm = _refused(request, form, error)
            else:
                messages.success(request, _("Figure saved."))
                return HttpResponseRedirect(reverse("progress:figure_edit", args=[pk]))
    else:
        form = FigureForm(
            initial={
                "value": format(figure.value.normalize(), "f"),
                "period_start": figure.period_start,
                "period_end": figure.period_end,
                "qualifier": figure.qualifier,
                "source_title": figure.source_title,
                "source_url": figure.source_url,
                "source_quality": figure.source_quality,
                "note": figure.note,
                "explanation": figure.explanation,
                "version": figure.version,
            }
        )
    return render(
        request,
        "progress/figure_form.html",
        {
            "indicator": figure.indicator,
            "unit": figure.unit,
            "figure": figure,
            "form": form,
            "confirm": confirm,
            "conflict": conflict,
            "nav": "progress",
        },
        status=409 if conflict else 200,
    )


@require_POST
@progress_reader
def figure_submit(request: HttpRequest, pk: int) -> HttpResponse:
    figure = get_object_or_404(Observation.objects.select_related("indicator", "unit"), pk=pk)
    try:
        submit_figure(request.user, figure)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Figure submitted to the coordinator office."))
    return HttpResponseRedirect(reverse("progress:figure_edit", args=[pk]))
