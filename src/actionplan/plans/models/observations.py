"""Observations: the real figures of an indicator, each with its source.

Sources disagree. Every observation is kept; for a given indicator and period
the disagreement is shown (``ObservationQuerySet.disagreeing_periods``,
``PeriodGroup.disagree``) and the coordinator marks the one that counts
(``is_preferred``, at most one per indicator and period).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from itertools import groupby
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionplan.plans.models.indicators import VALUE_DIGITS, VALUE_PLACES


class ReviewState(models.TextChoices):
    """Where a reported figure or report stands with the coordinator office.
    Only approved figures count outside the reporting screens."""

    DRAFT = "draft", _("draft")
    SUBMITTED = "submitted", _("submitted")
    RETURNED = "returned", _("returned")
    APPROVED = "approved", _("approved")


class Qualifier(models.TextChoices):
    EXACT = "exact", _("exact")
    AT_LEAST = "at_least", _("at least")
    APPROX = "approx", _("approximately")


class SourceQuality(models.TextChoices):
    OFFICIAL = "official", _("official")
    PRESS = "press", _("press")
    SECONDARY = "secondary", _("secondary")
    WEAK = "weak", _("weak")
    DERIVED = "derived", _("derived")


# Which source counts when sources disagree and no one has chosen: the most
# authoritative first.
QUALITY_RANK = {
    SourceQuality.OFFICIAL: 0,
    SourceQuality.PRESS: 1,
    SourceQuality.DERIVED: 2,
    SourceQuality.SECONDARY: 3,
    SourceQuality.WEAK: 4,
}


class PeriodKind(models.TextChoices):
    YEAR = "year", _("a year")
    PART_OF_YEAR = "part_of_year", _("part of a year")
    AS_OF_DAY = "as_of_day", _("as of a day")
    SPAN = "span", _("several years")


def period_kind(start: datetime.date, end: datetime.date) -> PeriodKind:
    if start == end:
        return PeriodKind.AS_OF_DAY
    if start.year != end.year:
        return PeriodKind.SPAN
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31):
        return PeriodKind.YEAR
    return PeriodKind.PART_OF_YEAR


class ObservationQuerySet(models.QuerySet["Observation"]):
    def approved(self) -> ObservationQuerySet:
        """The figures that count: approved by the coordinator office."""
        return self.filter(state=ReviewState.APPROVED)

    def for_period(self, start: datetime.date, end: datetime.date) -> ObservationQuerySet:
        return self.filter(period_start=start, period_end=end)

    def disagreeing_periods(self) -> models.QuerySet[Any, Any]:
        """One row per indicator and period whose observations give more than
        one value: ``indicator``, ``period_start``, ``period_end``,
        ``values`` (distinct values), ``observations`` (rows)."""
        return (
            self.order_by()
            .values("indicator", "period_start", "period_end")
            .annotate(values=Count("value", distinct=True), observations=Count("id"))
            .filter(values__gt=1)
            .order_by("indicator", "period_start", "period_end")
        )

    def with_disagreement(self) -> ObservationQuerySet:
        """Annotate each observation with ``disagrees``: another observation of
        the same indicator and period gives a different value."""
        others = (
            Observation.objects.approved()
            .filter(
                indicator=OuterRef("indicator"),
                period_start=OuterRef("period_start"),
                period_end=OuterRef("period_end"),
            )
            .exclude(value=OuterRef("value"))
        )
        return self.annotate(disagrees=Exists(others))

    def periods(self) -> list[PeriodGroup]:
        """The observations grouped by indicator and period, in period order."""
        rows: list[Observation] = list(
            self.order_by("indicator_id", "period_end", "period_start", "id")
        )
        return [PeriodGroup(tuple(group)) for _key, group in groupby(rows, key=_period_key)]


@dataclass(frozen=True)
class PeriodGroup:
    """The observations of one indicator for one period."""

    observations: tuple[Observation, ...]

    @property
    def period_start(self) -> datetime.date:
        return self.observations[0].period_start

    @property
    def period_end(self) -> datetime.date:
        return self.observations[0].period_end

    @property
    def kind(self) -> PeriodKind:
        return period_kind(self.period_start, self.period_end)

    @property
    def values(self) -> list[Decimal]:
        return sorted({o.value for o in self.observations})

    @property
    def disagree(self) -> bool:
        return len(self.values) > 1

    @property
    def preferred(self) -> Observation | None:
        return next((o for o in self.observations if o.is_preferred), None)

    @property
    def decided(self) -> bool:
        """Whether the value that counts is settled: sources agree, or the
        coordinator has chosen."""
        return not self.disagree or self.preferred is not None

    @property
    def counted(self) -> Observation:
        """The observation that counts: the preferred one; else, while sources
        disagree, the most authoritative source (latest recorded on a tie)."""
        if self.preferred is not None:
            return self.preferred
        return min(
            self.observations,
            key=lambda o: (
                QUALITY_RANK[SourceQuality(o.source_quality)],
                -o.recorded_at.timestamp(),
            ),
        )


def group_periods(observations: Iterable[Observation]) -> list[PeriodGroup]:
    """Group observations already in memory (e.g. prefetched) by period."""
    rows = sorted(
        observations, key=lambda o: (o.indicator_id, o.period_end, o.period_start, o.pk or 0)
    )
    return [PeriodGroup(tuple(group)) for _key, group in groupby(rows, key=_period_key)]


def _period_key(observation: Observation) -> tuple[int, datetime.date, datetime.date]:
    return (observation.indicator_id, observation.period_start, observation.period_end)


class Observation(models.Model):
    """An indicator's value for a period, as a source gives it.

    The period is a year (1 Jan – 31 Dec), a part of a year (Jan–Nov), or a
    day (equal dates: a count as of that day). The value is in the
    indicator's unit, without magnitude words.
    """

    indicator = models.ForeignKey(
        "plans.Indicator",
        on_delete=models.PROTECT,
        related_name="observations",
        verbose_name=_("indicator"),
    )
    value = models.DecimalField(_("value"), max_digits=VALUE_DIGITS, decimal_places=VALUE_PLACES)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACT
    )
    wording = models.CharField(
        _("wording"),
        max_length=300,
        blank=True,
        help_text=_("The indicator as the source words it."),
    )
    source_title = models.CharField(_("source title"), max_length=500, blank=True)
    source_url = models.URLField(_("source address"), max_length=2000, blank=True)
    source_quality = models.CharField(
        _("source quality"), max_length=10, choices=SourceQuality.choices
    )
    note = models.TextField(_("note"), blank=True)
    is_preferred = models.BooleanField(
        _("preferred"),
        default=False,
        help_text=_("The value that counts for this period when sources disagree."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    state = models.CharField(
        _("review state"),
        max_length=10,
        choices=ReviewState.choices,
        default=ReviewState.APPROVED,
        help_text=_("Figures reported by a unit count once the coordinator office approves them."),
    )
    unit = models.ForeignKey(
        "plans.Unit",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="observations",
        verbose_name=_("reporting unit"),
    )
    explanation = models.TextField(
        _("explanation"),
        blank=True,
        help_text=_("Why the figure moved so far from the last approved one."),
    )
    review_comment = models.TextField(_("review comment"), blank=True)
    # Optimistic locking: a save names the version it was edited from.
    version = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords()
    objects = ObservationQuerySet.as_manager()

    class Meta:
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        ordering = ("indicator", "period_end", "period_start", "id")
        indexes = (
            models.Index(
                fields=["indicator", "period_start", "period_end"],
                name="observation_period_idx",
            ),
        )
        constraints = (
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")),
                name="observation_period_in_order",
            ),
            models.CheckConstraint(
                condition=Q(is_preferred=False) | Q(state="approved"),
                name="observation_preferred_is_approved",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period_start", "period_end"],
                condition=Q(is_preferred=True),
                name="observation_one_preferred_per_period",
            ),
        )

    def __str__(self) -> str:
        return f"{self.indicator}: {self.value} ({self.period_start}–{self.period_end})"

    @property
    def period_kind(self) -> PeriodKind:
        return period_kind(self.period_start, self.period_end)

    @property
    def is_partial(self) -> bool:
        """A part of a year: not comparable with a yearly target."""
        return self.period_kind == PeriodKind.PART_OF_YEAR

    @property
    def is_approved(self) -> bool:
        return self.state == ReviewState.APPROVED

    @property
    def is_lower_bound(self) -> bool:
        return self.qualifier == Qualifier.AT_LEAST
