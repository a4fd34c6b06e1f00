"""The task breakdown table (任务分解表): everyone who reads plans downloads
it; the coordinator uploads it back once the office has filled it in.

Thin: ``plans.breakdown`` checks the file and applies it in one transaction,
and says what is wrong (sheet, row, column) or what changed.
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

from actionplan.plans import permissions
from actionplan.plans.breakdown import (
    CONTENT_TYPE,
    MAX_FILE_BYTES,
    export_breakdown,
    export_filename,
    import_breakdown,
)
from actionplan.plans.models import Plan
from actionplan.plans.views.access import plans_reader


class BreakdownUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Filled-in breakdown table (.xlsx)"))
    dry_run = forms.BooleanField(
        required=False, label=gettext_lazy("Check the file only; change nothing")
    )

    def clean_file(self) -> UploadedFile[bytes]:
        upload: UploadedFile[bytes] = self.cleaned_data["file"]
        if upload.size is not None and upload.size > MAX_FILE_BYTES:
            raise ValidationError(
                _("The file is larger than %(size)s MB; a breakdown table is far smaller.")
                % {"size": MAX_FILE_BYTES // (1024 * 1024)}
            )
        return upload


@require_GET
@plans_reader
def breakdown_export(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    response = HttpResponse(export_breakdown(request.user, plan), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, export_filename(plan))
    return response


@require_http_methods(["GET", "POST"])
@plans_reader
def breakdown_import(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    if not permissions.can_edit_plan(request.user):
        raise PermissionDenied
    result = None
    if request.method == "POST":
        form = BreakdownUploadForm(request.POST, request.FILES)
        if form.is_valid():
            upload: UploadedFile[bytes] = form.cleaned_data["file"]
            result = import_breakdown(
                request.user,
                plan,
                upload.read(),
                filename=upload.name or "",
                dry_run=form.cleaned_data["dry_run"],
            )
    else:
        form = BreakdownUploadForm()
    return render(
        request,
        "plans/breakdown_import.html",
        {
            "plan": plan,
            "form": form,
            "result": result,
            "filename": export_filename(plan),
            "nav": "plans",
        },
    )
