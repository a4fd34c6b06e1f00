"""Closing a file response in a test without losing the database."""

from __future__ import annotations

from django.core.signals import request_finished
from django.db import close_old_connections
from django.http.response import HttpResponseBase


def close_quietly(response: HttpResponseBase) -> None:
    """Close ``response`` (and the file it streams) the way the test client
    closes its requests: with ``close_old_connections`` disconnected, so that
    the test's open transaction keeps its database connection."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)
