"""Attaching who and why to the history rows a save writes."""

from __future__ import annotations

from typing import Any

from django.db.models import Model


def save_with_history(
    obj: Model, user: Any | None, reason: str, update_fields: list[str] | None = None
) -> None:
    """Save ``obj`` so that its history row names ``user`` and ``reason``."""
    if user is not None and getattr(user, "is_authenticated", False):
        obj._history_user = user  # type: ignore[attr-defined]
    obj._change_reason = reason  # type: ignore[attr-defined]
    obj.save(update_fields=update_fields)
