"""Record what became of a milestone."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction

from actionplan.plans import permissions
from actionplan.plans.models import Milestone, MilestoneOutcome
from actionplan.plans.services.history import save_with_history

_UNSET: Any = object()


def update_milestone(
    user: Any | None,
    milestone: Milestone,
    *,
    done: bool = _UNSET,
    outcome: MilestoneOutcome | str = _UNSET,
    held_from: datetime.date | None = _UNSET,
    held_until: datetime.date | None = _UNSET,
    evidence_title: str = _UNSET,
    evidence_url: str = _UNSET,
    evidence_note: str = _UNSET,
) -> Milestone:
    """Change the given fields only; saves (and writes history) only when
    something differs."""
    if user is not None and not permissions.can_update_milestone(user, milestone):
        raise PermissionDenied
    given = {
        "done": done,
        "outcome": outcome,
        "held_from": held_from,
        "held_until": held_until,
        "evidence_title": evidence_title,
        "evidence_url": evidence_url,
        "evidence_note": evidence_note,
    }
    changed = [
        name
        for name, value in given.items()
        if value is not _UNSET and getattr(milestone, name) != value
    ]
    if not changed:
        return milestone
    with transaction.atomic():
        for name in changed:
            setattr(milestone, name, given[name])
        milestone.full_clean()
        save_with_history(milestone, user, "milestone updated", changed)
    return milestone
