"""When units report: a plan's reporting frequency and its periods."""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Frequency(models.TextChoices):
    MONTH = "month", _("monthly")
    QUARTER = "quarter", _("quarterly")
    HALF_YEAR = "half_year", _("half-yearly")
    YEAR = "year", _("yearly")


# Months in one period of each frequency.
FREQUENCY_MONTHS = {
    Frequency.MONTH: 1,
    Frequency.QUARTER: 3,
    Frequency.HALF_YEAR: 6,
    Frequency.YEAR: 12,
}


class Schedule(models.Model):
    """How often the units of a plan report, and how many days after the end
    of a period their reports are due."""

    plan = models.OneToOneField(
        "plans.Plan",
        on_delete=models.CASCADE,
        related_name="schedule",
        verbose_name=_("plan"),
    )
    frequency = models.CharField(
        _("reporting frequency"),
        max_length=10,
        choices=Frequency.choices,
        default=Frequency.QUARTER,
    )
    due_days = models.PositiveSmallIntegerField(
        _("due days"),
        default=10,
        help_text=_("Reports are due this many days after the end of the period."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reporting schedule")
        verbose_name_plural = _("reporting schedules")

    def __str__(self) -> str:
        return f"{self.plan}: {self.get_frequency_display()}"


class Period(models.Model):
    """One reporting period of a plan. A locked period takes no more reports
    or figures."""

    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, related_name="periods", verbose_name=_("plan")
    )
    start = models.DateField(_("start"))
    end = models.DateField(_("end"))
    due = models.DateField(_("due date"))
    locked = models.BooleanField(_("locked"), default=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("reporting period")
        verbose_name_plural = _("reporting periods")
        ordering = ("plan", "start")
        constraints = (
            models.UniqueConstraint(fields=["plan", "start", "end"], name="period_unique"),
            models.CheckConstraint(condition=Q(end__gte=F("start")), name="period_in_order"),
            models.CheckConstraint(condition=Q(due__gte=F("end")), name="period_due_after_end"),
        )

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        """2019 Q3, 2019 H1, 2019-07, 2019."""
        months = (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1
        if months == 12 and self.start.month == 1:
            return str(self.start.year)
        if months == 6:
            return f"{self.start.year} H{1 + (self.start.month - 1) // 6}"
        if months == 3:
            return f"{self.start.year} Q{1 + (self.start.month - 1) // 3}"
        if months == 1:
            return f"{self.start.year}-{self.start.month:02d}"
        return f"{self.start:%Y-%m-%d}–{self.end:%Y-%m-%d}"

    def is_overdue(self, today: datetime.date) -> bool:
        return today > self.due
