"""A unit's reports: the list of what it owes, opening, editing and
submitting a report, its evidence and its timeline."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actionplan.plans.models import Task, Unit
from actionplan.plans.permissions import is_coordinator, is_leader
from actionplan.progress import permissions, queries
from actionplan.progress.forms import EvidenceForm, ReportForm, ReviewForm
from actionplan.progress.models import Evidence, Period, Report
from actionplan.progress.services.conflicts import EditConflict
from actionplan.progress.services.evidence import add_evidence
from actionplan.progress.services.reports import (
    ReportInput,
    open_report,
    save_report,
    submit_report,
)
from actionplan.progress.views.access import progress_reader


@progress_reader
def my_reports(request: HttpRequest) -> HttpResponse:
    """What the signed-in user has to do this period: a reporter's owed
    reports, the coordinator's queue, the leader's escalations."""
    today = timezone.localdate()
    unit_ids = permissions.reporting_units(request.user)
    units = list(Unit.objects.filter(pk__in=unit_ids).order_by("name_zh"))
    boards = []
    for plan in queries.plans_with_periods():
        period = queries.chosen_period(plan, request.GET.get("period"), today)
        if period is None:
            continue
        boards.append(
            {
                "plan": plan,
                "period": period,
                "periods": Period.objects.filter(plan=plan, start__lte=today).order_by("-start"),
                "owed": queries.owed_reports(plan, period, units) if units else [],
            }
        )
    return render(
        request,
        "progress/home.html",
        {
            "boards": boards,
            "units": units,
            "today": today,
            "coordinator": is_coordinator(request.user),
            "leader": is_leader(request.user),
            "waiting": queries.waiting_reports().count() + queries.waiting_figures().count(),
            "escalations": queries.escalations()[:20],
            "figures": queries.figures_of_unit(unit_ids)[:50] if unit_ids else [],
            "nav": "progress",
        },
    )


@require_POST
@progress_reader
def report_open(request: HttpRequest, period: int, task: int, unit: int) -> HttpResponse:
    report = open_report(
        request.user,
        get_object_or_404(Period, pk=period),
        get_object_or_404(Unit, pk=unit),
        get_object_or_404(Task, pk=task),
    )
    return HttpResponseRedirect(reverse("progress:report_edit", args=[report.pk]))


def _report(pk: int) -> Report:
    return get_object_or_404(
        Report.objects.select_related("period", "period__plan", "unit", "task", "measure"), pk=pk
    )


@progress_reader
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    can_edit = permissions.can_edit_report(request.user, report)
    return render(
        request,
        "progress/report_detail.html",
        {
            "report": report,
            "figures": report.observations.select_related("indicator").order_by("indicator_id"),
            "evidence": report.evidence.all(),
            "timeline": queries.timeline(report),
            "can_edit": can_edit and report.is_editable and not report.period.locked,
            "can_review": permissions.can_review(request.user) and report.state == "submitted",
            "indicators": queries.task_indicators(report.task) if can_edit else [],
            "review_form": ReviewForm(initial={"version": report.version}),
            "evidence_form": EvidenceForm(),
            "nav": "progress",
        },
    )


def _input(form: ReportForm) -> ReportInput:
    data = form.cleaned_data
    return ReportInput(
        status=data["status"],
        percent_complete=data["percent_complete"],
        done=data["done"],
        problems=data["problems"],
        escalate=data["escalate"],
        next_steps=data["next_steps"],
    )


@progress_reader
def report_edit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    if not permissions.can_edit_report(request.user, report):
        raise PermissionDenied
    conflict: EditConflict | None = None
    if request.method == "POST":
        form = ReportForm(request.POST)
        if form.is_valid():
            try:
                save_report(request.user, report, _input(form), form.cleaned_data["version"])
            except EditConflict as clash:
                conflict = clash
                # Keep what this person typed; take the newer version number so
                # that saving again, having read the changes, goes through.
                data = request.POST.copy()
                data["version"] = str(clash.obj.version)  # type: ignore[attr-defined]
                form = ReportForm(data)
                form.is_valid()
            except ValidationError as error:
                _attach(form, error)
            else:
                messages.success(request, _("Report saved as a draft."))
                return HttpResponseRedirect(reverse("progress:report_detail", args=[report.pk]))
    else:
        form = ReportForm(
            initial={
                "status": report.status,
                "percent_complete": report.percent_complete,
                "done": report.done,
                "problems": report.problems,
                "escalate": report.escalate,
                "next_steps": report.next_steps,
                "version": report.version,
            }
        )
    return render(
        request,
        "progress/report_edit.html",
        {"report": report, "form": form, "conflict": conflict, "nav": "progress"},
        status=409 if conflict else 200,
    )


def _attach(form: ReportForm | EvidenceForm, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, problems in error.message_dict.items():
            form.add_error(field if field in form.fields else None, problems)
    else:
        form.add_error(None, error.messages)


@require_POST
@progress_reader
def report_submit(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    version = request.POST.get("version", "")
    try:
        submit_report(request.user, report, int(version) if version.isdigit() else None)
    except EditConflict:
        messages.error(
            request,
            _("Someone changed this report since you opened it; check it and submit again."),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Report submitted to the coordinator office."))
    return HttpResponseRedirect(reverse("progress:report_detail", args=[report.pk]))


@require_POST
@progress_reader
def evidence_upload(request: HttpRequest, pk: int) -> HttpResponse:
    report = _report(pk)
    form = EvidenceForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            add_evidence(request.user, report, form.cleaned_data["file"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Evidence attached."))
    else:
        messages.error(request, _("Choose a file to attach."))
    return HttpResponseRedirect(reverse("progress:report_detail", args=[report.pk]) + "#evidence")


@progress_reader
def evidence_download(request: HttpRequest, pk: int) -> FileResponse:
    evidence = get_object_or_404(Evidence, pk=pk)
    return FileResponse(
        evidence.file.open("rb"),
        as_attachment=True,
        filename=evidence.name,
        content_type=evidence.content_type,
    )
