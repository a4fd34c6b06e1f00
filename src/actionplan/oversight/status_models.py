"""Each indicator's status as last computed, kept current (``oversight.refresh``).

One row per indicator: the verdict for the date ``as_of`` (the day it was
computed for), with what the dashboard shows of it. Approving a figure or a
report, recording an approved figure or choosing the one that counts
refreshes the rows of the indicators concerned when the transaction commits;
``actionplan refresh-statuses`` rebuilds every row (nightly: the date moves
even when the data does not). Nothing here is a source of truth: every row
can be recomputed from the approved figures.
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
    as_of = models.DateField(_("evaluation date"))
    status = models.PositiveSmallIntegerField(_("status"))  # engine.Status
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

    def __str__(self) -> str:
        return f"{self.indicator_id} @ {self.as_of}: {self.status}"
