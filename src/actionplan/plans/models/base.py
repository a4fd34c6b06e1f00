"""What every piece of plan content has: its plan, the versions that
introduced and retired it, and where it stands in the source document."""

from __future__ import annotations

from typing import TypeVar

from django.db import models
from django.utils.translation import gettext_lazy as _

_M = TypeVar("_M", bound=models.Model)


class PlanContentQuerySet(models.QuerySet[_M]):
    def current(self) -> PlanContentQuerySet[_M]:
        """What the latest version of the plan contains."""
        return self.filter(retired_in__isnull=True)

    def retired(self) -> PlanContentQuerySet[_M]:
        return self.filter(retired_in__isnull=False)


class PlanContent(models.Model):
    """Content read from a plan document.

    Re-importing a revised document updates surviving content in place (the
    history keeps the before) and sets ``retired_in`` on what is gone: content
    is never deleted, so what hangs on it (observations, responsibilities)
    stays. The span of current content points into the text of the plan's
    latest version; that of retired content into the version before
    ``retired_in``.
    """

    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.CASCADE,
        related_name="%(class)ss",
        verbose_name=_("plan"),
    )
    introduced_in = models.ForeignKey(
        "plans.PlanVersion",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("introduced in version"),
    )
    retired_in = models.ForeignKey(
        "plans.PlanVersion",
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("retired in version"),
        help_text=_("Empty while the latest version of the plan contains it."),
    )
    span_start = models.PositiveIntegerField(_("span start"), null=True, blank=True)
    span_end = models.PositiveIntegerField(_("span end"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def is_current(self) -> bool:
        return self.retired_in_id is None

    @property
    def span(self) -> tuple[int, int] | None:
        if self.span_start is None or self.span_end is None:
            return None
        return (self.span_start, self.span_end)
