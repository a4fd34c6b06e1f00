"""The escalations list (报请领导小组) and the supervision bulletin (督查通报).

Everyone with a role reads both; the leader and the coordinator office mark
an escalation handled, with a note (``escalations.mark_handled``).
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from actionplan.oversight import escalations
from actionplan.oversight.bulletin import build_bulletin, choose, plan_years
from actionplan.oversight.services import parse_as_of
from actionplan.plans.models import Plan
from actionplan.plans.permissions import is_coordinator, is_leader
from actionplan.plans.views.access import plans_reader
from actionplan.progress.models import Period

SHOW = ("open", "handled", "all")


@plans_reader
def escalation_list(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    can_mark = escalations.can_mark_handled(request.user)
    errors: dict[str, list[str]] = {}
    posted_key = posted_note = ""
    if request.method == "POST":
        if not can_mark:
            raise PermissionDenied
        posted_key = request.POST.get("key", "")
        posted_note = request.POST.get("note", "")
        try:
            escalations.mark_handled(request.user, posted_key, posted_note)
        except ValidationError as error:
            errors = error.message_dict
        else:
            messages.success(request, _("Marked handled."))
            back = request.POST.get("next", "")
            if not url_has_allowed_host_and_scheme(back, {request.get_host()}):
                back = reverse("oversight:escalations", args=[plan.code])
            return HttpResponseRedirect(back)
    as_of, readable = parse_as_of(request.GET.get("as_of"), timezone.localdate())
    show = request.GET.get("show", "open")
    if show not in SHOW:
        show = "open"
    found = escalations.gather(plan, as_of)
    return render(
        request,
        "oversight/escalations.html",
        {
            "plan": plan,
            "found": found,
            "as_of": as_of,
            "bad_date": not readable,
            "show": show,
            "can_mark": can_mark,
            "errors": errors,
            "posted_key": posted_key,
            "posted_note": posted_note,
            "nav": "oversight",
        },
        status=400 if errors else 200,
    )


@plans_reader
def bulletin(request: HttpRequest, code: str) -> HttpResponse:
    plan = get_object_or_404(Plan, code=code)
    today = timezone.localdate()
    choice = choose(plan, request.GET.get("period"), request.GET.get("year"), today)
    periods = list(Period.objects.filter(plan=plan).order_by("start"))
    return render(
        request,
        "oversight/bulletin.html",
        {
            "plan": plan,
            "choice": choice,
            "report": None if choice is None else build_bulletin(plan, choice, today),
            "periods": periods,
            "years": plan_years(plan, periods),
            "sees_every_unit": is_coordinator(request.user) or is_leader(request.user),
            "nav": "oversight",
        },
    )
