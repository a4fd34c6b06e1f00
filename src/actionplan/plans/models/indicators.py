"""Indicators: what is measured, and the target the plan sets for it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionplan.plans.models.base import PlanContent, PlanContentQuerySet

if TYPE_CHECKING:
    from actionplan.plans.models.observations import Observation

# Values reach 1e12 (1.15万亿元) and carry decimals (23.5%).
VALUE_DIGITS = 24
VALUE_PLACES = 6


class Direction(models.TextChoices):
    HIGHER = "higher", _("higher is better")
    LOWER = "lower", _("lower is better")


class Comparator(models.TextChoices):
    AT_LEAST = ">=", _("at least")
    MORE_THAN = ">", _("more than")
    AT_MOST = "<=", _("at most")
    EQUAL = "=", _("equal to")
    ABOUT = "~", _("about")


class IndicatorKind(models.TextChoices):
    LEVEL = "level", _("level")
    INCREMENT = "increment", _("increment")
    SHARE = "share", _("share")
    GROWTH_RATE = "growth_rate", _("growth rate")


class IndicatorOrigin(models.TextChoices):
    PLAN = "plan", _("read from the plan")
    ADDED = "added", _("added by the office")


@dataclass(frozen=True)
class TrajectoryStart:
    """Where the straight line to the target starts: the plan's own baseline,
    or (when the plan gives none) the figure that counts for the year before
    the plan begins."""

    year: int
    value: Decimal
    observation: Observation | None = None

    @property
    def from_plan(self) -> bool:
        return self.observation is None


class Indicator(PlanContent):
    """What is measured, in the unit the document uses, with the plan's target.

    An indicator the office adds to follow a task (origin ``added``) has no
    target unless the office sets one: a target is never invented. Re-imports
    match and retire only indicators read from the plan.
    """

    task = models.ForeignKey(
        "plans.Task",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("task"),
    )
    section = models.ForeignKey(
        "plans.Section",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("section"),
        help_text=_("Where the target stands when it is not inside a task."),
    )
    node_path = models.CharField(_("outline path"), max_length=255, blank=True)
    code = models.SlugField(
        _("code"), max_length=80, blank=True, help_text=_("Stable key for data loads.")
    )
    origin = models.CharField(
        _("origin"), max_length=8, choices=IndicatorOrigin.choices, default=IndicatorOrigin.PLAN
    )
    name = models.CharField(_("name"), max_length=300, help_text=_("As the document writes it."))
    name_en = models.CharField(_("English name"), max_length=300, blank=True)
    unit = models.CharField(
        _("unit of measure"), max_length=40, blank=True, help_text=_("As written: 人次, 吨, %.")
    )
    direction = models.CharField(
        _("direction"), max_length=8, choices=Direction.choices, default=Direction.HIGHER
    )
    kind = models.CharField(
        _("kind"), max_length=12, choices=IndicatorKind.choices, default=IndicatorKind.LEVEL
    )
    baseline_value = models.DecimalField(
        _("baseline value"),
        max_digits=VALUE_DIGITS,
        decimal_places=VALUE_PLACES,
        null=True,
        blank=True,
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target value"),
        max_digits=VALUE_DIGITS,
        decimal_places=VALUE_PLACES,
        null=True,
        blank=True,
    )
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    comparator = models.CharField(
        _("comparator"), max_length=2, choices=Comparator.choices, blank=True
    )
    aspirational = models.BooleanField(
        _("aspirational"), default=False, help_text=_("A stretch target (力争, strive for).")
    )
    binding = models.BooleanField(
        _("binding"), default=False, help_text=_("Must be met (约束性), rather than expected.")
    )
    sentence = models.TextField(_("source sentence"), blank=True)
    # The target as the document stated it at the last import. A re-import
    # whose document states it the same way leaves the target alone, so a
    # correction the office made (in the breakdown table, in the admin)
    # survives; a document that states it differently wins.
    stated = models.JSONField(_("target as the document states it"), default=dict, blank=True)
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()
    objects = PlanContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ("plan", "task__position", "id")
        # A plan's current indicators, counted without reading retired ones
        # (the supervision pages check their stored statuses cover them all).
        indexes = (
            models.Index(
                fields=["plan", "id"],
                condition=Q(retired_in__isnull=True),
                name="indicator_current",
            ),
        )
        constraints = (
            models.CheckConstraint(
                condition=(Q(target_value__isnull=True) & Q(comparator=""))
                | (Q(target_value__isnull=False) & ~Q(comparator="")),
                name="indicator_target_has_comparator",
            ),
            models.CheckConstraint(
                condition=Q(baseline_value__isnull=True, baseline_year__isnull=True)
                | Q(baseline_value__isnull=False, baseline_year__isnull=False),
                name="indicator_baseline_value_and_year",
            ),
            models.UniqueConstraint(
                fields=["plan", "code"], condition=~Q(code=""), name="indicator_code_unique"
            ),
        )

    def __str__(self) -> str:
        return self.name

    @property
    def has_target(self) -> bool:
        return self.target_value is not None

    def trajectory_start(self) -> TrajectoryStart | None:
        if self.baseline_value is not None and self.baseline_year is not None:
            return TrajectoryStart(self.baseline_year, self.baseline_value)
        start = self.plan.period_start
        if start is None:
            return None
        year_before = datetime.date(start - 1, 1, 1), datetime.date(start - 1, 12, 31)
        for group in self.observations.approved().for_period(*year_before).periods():
            return TrajectoryStart(start - 1, group.counted.value, group.counted)
        return None
