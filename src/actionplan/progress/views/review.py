"""The coordinator office's review: the queue, approving and returning."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from actionplan.plans.models import Observation
from actionplan.progress import permissions, queries
from actionplan.progress.forms import ReviewForm
from actionplan.progress.models import Report
from actionplan.progress.services.conflicts import EditConflict
from actionplan.progress.services.figures import review_figure
from actionplan.progress.services.reports import approve_report, return_report
from actionplan.progress.views.access import progress_reader


@progress_reader
def queue(request: HttpRequest) -> HttpResponse:
    if not permissions.can_review(request.user):
        raise PermissionDenied
    return render(
        request,
        "progress/queue.html",
        {
            "reports": queries.waiting_reports(),
            "figures": queries.waiting_figures(),
            "nav": "progress",
        },
    )


@require_POST
@progress_reader
def report_review(request: HttpRequest, pk: int) -> HttpResponse:
    report = get_object_or_404(Report, pk=pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or return."))
        return HttpResponseRedirect(reverse("progress:report_detail", args=[pk]))
    decision, comment = form.cleaned_data["decision"], form.cleaned_data["comment"]
    version = form.cleaned_data.get("version")
    try:
        if decision == "approve":
            approve_report(request.user, report, comment, version)
            messages.success(request, _("Report approved; its figures now count."))
        else:
            return_report(request.user, report, comment, version)
            messages.success(request, _("Report returned to the unit with your comment."))
    except EditConflict:
        messages.error(
            request, _("The unit changed this report since you opened it; review it again.")
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return HttpResponseRedirect(reverse("progress:report_detail", args=[pk]))


@require_POST
@progress_reader
def figure_review(request: HttpRequest, pk: int) -> HttpResponse:
    figure = get_object_or_404(Observation, pk=pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose approve or return."))
    else:
        try:
            review_figure(
                request.user,
                figure,
                form.cleaned_data["decision"] == "approve",
                form.cleaned_data["comment"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Figure reviewed."))
    return HttpResponseRedirect(reverse("progress:queue"))
