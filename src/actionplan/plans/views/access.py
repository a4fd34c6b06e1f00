"""Who may open the plans pages: signed-in users with a role.

The internal app is for the coordinator office, the leaders and the unit
reporters; the public site is a later issue. Anonymous visitors are sent to
sign in; a signed-in user without a role gets 403 (``permissions`` says why).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.http.response import HttpResponseBase

from actionplan.plans import permissions

View = Callable[..., HttpResponseBase]


def plans_reader(view: View) -> View:
    """Sign-in required, and a role that may read plans."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponseBase:
        if not permissions.can_view_plans(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapped)
