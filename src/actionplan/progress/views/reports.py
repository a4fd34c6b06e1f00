"""Placeholder: being written."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound


def _todo(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    return HttpResponseNotFound()
my_reports = report_open = report_detail = report_edit = report_submit = evidence_upload = evidence_download = _todo
