"""Placeholder: being written."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound


def _todo(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    return HttpResponseNotFound()


workbook_download = workbook_upload = _todo
