"""Record an observation; choose the one that counts when sources disagree."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from actionplan.oversight import refresh
from actionplan.plans import permissions
from actionplan.plans.models import Indicator, Observation, Qualifier, SourceQuality
from actionplan.plans.services.history import save_with_history


def _as_decimal(value: Decimal | int | str) -> Decimal:
    if isinstance(value, float):
        raise TypeError("give the value as a Decimal, an int or text, not a float")
    try:
        number = Decimal(value)
    except (InvalidOperation, ValueError):
        raise ValidationError({"value": _("Enter a number.")}) from None
    if not number.is_finite():
        raise ValidationError({"value": _("Enter a number.")})
    return number


def record_observation(
    user: Any | None,
    indicator: Indicator,
    *,
    value: Decimal | int | str,
    period_start: datetime.date,
    period_end: datetime.date,
    source_quality: SourceQuality | str,
    qualifier: Qualifier | str = Qualifier.EXACT,
    source_title: str = "",
    source_url: str = "",
    wording: str = "",
    note: str = "",
) -> Observation:
    """Add a figure for ``indicator``. Another observation for the same period
    is kept alongside, not replaced: disagreeing sources are shown, and the
    coordinator chooses with ``mark_preferred``."""
    if user is not None and not permissions.can_record_observation(user, indicator):
        raise PermissionDenied
    if not indicator.is_current:
        raise ValidationError(_("This indicator is no longer in the plan."))
    observation = Observation(
        indicator=indicator,
        value=_as_decimal(value),
        period_start=period_start,
        period_end=period_end,
        qualifier=qualifier,
        source_quality=source_quality,
        source_title=source_title,
        source_url=source_url,
        wording=wording,
        note=note,
        recorded_by=user if getattr(user, "is_authenticated", False) else None,
    )
    observation.full_clean()
    save_with_history(observation, user, "recorded")
    transaction.on_commit(refresh.after_commit([observation.indicator_id]))
    return observation


def mark_preferred(user: Any | None, observation: Observation) -> Observation:
    """Make ``observation`` the one that counts for its indicator and period;
    the previous choice, if any, is cleared (both changes are in the history)."""
    if user is not None and not permissions.can_choose_observation(user, observation.indicator):
        raise PermissionDenied
    if not observation.is_approved:
        raise ValidationError(_("Only an approved figure can be the one that counts."))
    with transaction.atomic():
        previous = (
            Observation.objects.select_for_update()
            .order_by("pk")  # the default ordering joins tables FOR UPDATE cannot lock
            .filter(
                indicator_id=observation.indicator_id,
                period_start=observation.period_start,
                period_end=observation.period_end,
                is_preferred=True,
            )
            .exclude(pk=observation.pk)
        )
        for other in previous:
            other.is_preferred = False
            save_with_history(other, user, "another observation preferred", ["is_preferred"])
        if not observation.is_preferred:
            observation.is_preferred = True
            save_with_history(observation, user, "preferred", ["is_preferred"])
        transaction.on_commit(refresh.after_commit([observation.indicator_id]))
    return observation


def clear_preferred(user: Any | None, observation: Observation) -> Observation:
    """Undo the choice: no observation counts by decision for that period."""
    if user is not None and not permissions.can_choose_observation(user, observation.indicator):
        raise PermissionDenied
    if observation.is_preferred:
        observation.is_preferred = False
        save_with_history(observation, user, "preference cleared", ["is_preferred"])
    return observation
