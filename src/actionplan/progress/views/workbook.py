"""Report once: a unit's workbook for a period (一表通). The coordinator
office and the unit's reporters download it; only the unit's reporters
upload it back, and see either the problems (sheet, row, column) or what
was saved as drafts, with the reports to submit next.

Thin: ``progress.workbook`` checks the file and writes it in one transaction.
"""

from __future__ import annotations

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from actionplan.plans.models import Unit
from actionplan.progress import permissions
from actionplan.progress.models import Period
from actionplan.progress.views.access import progress_reader
from actionplan.progress.workbook import (
    CONTENT_TYPE,
    MAX_FILE_BYTES,
    export_filename,
    export_workbook,
    upload_workbook,
)
from actionplan.progress.workbook.apply import locked_problem


class WorkbookUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Filled-in workbook (.xlsx)"))

    def clean_file(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_FILE_BYTES:
            raise ValidationError(
                _("The file is larger than %(size)s MB; a reporting workbook is far smaller.")
                % {"size": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload


def _objects(unit: int, period: int) -> tuple[Unit, Period]:
    return (
        get_object_or_404(Unit, pk=unit),
        get_object_or_404(Period.objects.select_related("plan"), pk=period),
    )


@require_GET
@progress_reader
def workbook_download(request: HttpRequest, unit: int, period: int) -> HttpResponse:
    the_unit, the_period = _objects(unit, period)
    reports_for_unit = the_unit.pk in permissions.reporting_units(request.user)
    if not (reports_for_unit or permissions.can_review(request.user)):
        raise PermissionDenied
    response = HttpResponse(export_workbook(the_unit, the_period), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        True, export_filename(the_unit, the_period)
    )
    return response


@require_http_methods(["GET", "POST"])
@progress_reader
def workbook_upload(request: HttpRequest, unit: int, period: int) -> HttpResponse:
    the_unit, the_period = _objects(unit, period)
    if the_unit.pk not in permissions.reporting_units(request.user):
        raise PermissionDenied
    result = None
    if request.method == "POST":
        form = WorkbookUploadForm(request.POST, request.FILES)
        if the_period.locked:
            form.add_error(None, locked_problem(the_period).message)
        elif form.is_valid():
            upload: UploadedFile[bytes] = form.cleaned_data["file"]
            result = upload_workbook(request.user, the_unit, the_period, upload.read())
    else:
        form = WorkbookUploadForm()
    return render(
        request,
        "progress/workbook_upload.html",
        {
            "unit": the_unit,
            "period": the_period,
            "plan": the_period.plan,
            "form": form,
            "result": result,
            "locked_message": locked_problem(the_period).message if the_period.locked else "",
            "filename": export_filename(the_unit, the_period),
            "nav": "progress",
        },
    )
