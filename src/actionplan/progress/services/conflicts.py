"""Optimistic locking: a save names the version it was edited from; when
someone else saved in between, nothing is overwritten and the second person
is shown what changed, with what they typed kept for them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    before: Any
    after: Any


class EditConflict(Exception):
    """Someone saved ``obj`` since version ``expected`` was read."""

    def __init__(
        self, obj: models.Model, expected: int, changes: list[Change], yours: dict[str, Any]
    ) -> None:
        super().__init__(_("Someone else saved this since you opened it; nothing was overwritten."))
        self.obj = obj
        self.expected = expected
        self.changes = changes
        self.yours = yours

    @property
    def changed_by(self) -> str:
        latest = self.obj.history.first()  # type: ignore[attr-defined]
        user = getattr(latest, "history_user", None)
        return str(user) if user is not None else ""


def check_version(obj: models.Model, expected: int | None, yours: dict[str, Any]) -> None:
    """Raise ``EditConflict`` when ``obj`` (freshly read, locked) moved past
    ``expected``. ``None`` skips the check (the system acting)."""
    current: int = obj.version  # type: ignore[attr-defined]
    if expected is None or expected == current:
        return
    raise EditConflict(obj, expected, changes_since(obj, expected), yours)


def changes_since(obj: models.Model, version: int) -> list[Change]:
    """The fields that differ between the history row of ``version`` and now."""
    history = obj.history  # type: ignore[attr-defined]
    then = history.filter(version=version).order_by("-history_date").first()
    if then is None:
        return []
    changes = []
    for f in obj._meta.concrete_fields:
        if f.name in {"id", "version"} or f.is_relation:
            continue
        before, after = getattr(then, f.attname, None), getattr(obj, f.attname)
        if before != after:
            changes.append(Change(f.name, str(f.verbose_name), before, after))
    return changes
