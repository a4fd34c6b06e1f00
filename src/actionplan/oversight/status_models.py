"""Each indicator's status as last computed, kept current (``oversight.refresh``).

- ``IndicatorStatus``: one row per current indicator: the verdict for the
  date ``as_of`` (the day it was computed for), with what the dashboard shows
  of it. Approving a figure or a report, recording an approved figure or
  choosing the one that counts refreshes the rows of the indicators
  concerned when the transaction commits; ``actionplan refresh-statuses``
  rebuilds every row and drops those of retired indicators (nightly: the
  date moves even when the data does not). Nothing here is a source of
  truth: every row can be recomputed from the approved figures.
- ``StatusRollup``: the red / amber / green counts of the plan, of each
  section and of each unit, as the dashboard shows them (``oversight.rollups``
  keeps them in step with the statuses).
- ``StatusChange``: each time a stored status changed, from what to what and
  on which day: the dashboard's "what changed since the last period".
"""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class IndicatorStatus(models.Model):
    indicator = models.OneToOneField(
        "plans.Indicator",
        on_delete=models.CASCADE,
        related_name="stored_status",
        verbose_name=_("indicator"),
    )
    # Where the indicator counts in the roll-ups: its plan, and the section
    # its task sits in (else its own section); copied so that the roll-ups and
    # the dashboard's lists are one indexed query each.
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, related_name="+", verbose_name=_("plan")
    )
    section = models.ForeignKey(
        "plans.Section",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("section"),
    )
    task = models.ForeignKey(
        "plans.Task",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("task"),
    )
    as_of = models.DateField(_("evaluation date"))
    status = models.PositiveSmallIntegerField(_("status"))  # engine.Status
    rag = models.CharField(_("colour"), max_length=5, blank=True)  # services.RAG
    # 0 not met, 1 off track, 2 at risk (services.MISSING_TARGET), 3 the
    # rest: the dashboard's worst-first list is one index range.
    severity = models.PositiveSmallIntegerField(default=3)
    binding = models.BooleanField(default=False)
    basis = models.PositiveSmallIntegerField(default=0)  # engine.Basis
    final = models.BooleanField(default=False)
    attainment = models.FloatField(_("attainment"), null=True, blank=True)
    expected_now = models.FloatField(null=True, blank=True)
    latest_value = models.FloatField(_("latest value"), null=True, blank=True)
    latest_year = models.PositiveSmallIntegerField(_("latest year"), null=True, blank=True)
    latest_end = models.DateField(null=True, blank=True)
    latest_lower_bound = models.BooleanField(default=False)
    forecast = models.FloatField(_("forecast"), null=True, blank=True)
    forecast_compound = models.FloatField(null=True, blank=True)
    band_low = models.FloatField(null=True, blank=True)
    band_high = models.FloatField(null=True, blank=True)
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)

    class Meta:
        verbose_name = _("indicator status")
        verbose_name_plural = _("indicator statuses")
        indexes = (
            models.Index(
                fields=["plan", "severity", "-binding", "indicator"], name="status_worst_first"
            ),
            models.Index(fields=["plan", "section"], name="status_plan_section"),
            models.Index(fields=["plan", "as_of"], name="status_plan_day"),
        )

    def __str__(self) -> str:
        return f"{self.indicator_id} @ {self.as_of}: {self.status}"


class RollupScope(models.TextChoices):
    PLAN = "plan", _("plan")
    SECTION = "section", _("section")
    UNIT = "unit", _("unit")


class StatusRollup(models.Model):
    """The colour counts of one scope: the whole plan (``key`` 0), a section
    (``key`` its id; 0 for indicators outside any section) or a unit
    (``key`` its id: the indicators of the tasks it is on)."""

    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, related_name="+", verbose_name=_("plan")
    )
    scope = models.CharField(_("scope"), max_length=8, choices=RollupScope.choices)
    key = models.PositiveBigIntegerField(_("key"))
    as_of = models.DateField(_("evaluation date"))
    red = models.PositiveIntegerField(default=0)
    amber = models.PositiveIntegerField(default=0)
    green = models.PositiveIntegerField(default=0)
    grey = models.PositiveIntegerField(default=0)
    no_target = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now)

    class Meta:
        verbose_name = _("status roll-up")
        verbose_name_plural = _("status roll-ups")
        constraints = (
            models.UniqueConstraint(fields=["plan", "scope", "key"], name="rollup_unique_scope"),
        )

    def __str__(self) -> str:
        return f"{self.plan_id} {self.scope} {self.key}: {self.red}/{self.amber}/{self.green}"


class StatusChange(models.Model):
    """A stored status that changed: the dashboard lists those since the
    last reporting period."""

    indicator = models.ForeignKey(
        "plans.Indicator",
        on_delete=models.CASCADE,
        related_name="status_changes",
        verbose_name=_("indicator"),
    )
    plan = models.ForeignKey(
        "plans.Plan", on_delete=models.CASCADE, related_name="+", verbose_name=_("plan")
    )
    changed_on = models.DateField(_("changed on"))
    before = models.PositiveSmallIntegerField(_("status before"))  # engine.Status
    after = models.PositiveSmallIntegerField(_("status after"))
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        indexes = (models.Index(fields=["plan", "changed_on"], name="status_change_plan_day"),)

    def __str__(self) -> str:
        return f"{self.indicator_id} {self.changed_on}: {self.before} → {self.after}"
