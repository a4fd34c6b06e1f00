"""Placeholder: being written."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseNotFound


def _todo(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
    return HttpResponseNotFound()
figure_new = figure_edit = figure_submit = _todo
