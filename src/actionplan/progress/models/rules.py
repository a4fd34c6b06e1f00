"""Validation rules for reported figures, declared by the coordinator office
for one indicator or for every indicator in a unit of measure."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class FigureRule(models.Model):
    """What a reported figure must look like. A rule for an indicator wins
    over one for its unit of measure; without either, defaults follow from
    the unit (see ``progress.validation.default_rule``)."""

    indicator = models.OneToOneField(
        "plans.Indicator",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="figure_rule",
        verbose_name=_("indicator"),
    )
    unit_of_measure = models.CharField(
        _("unit of measure"), max_length=40, blank=True, help_text=_("As written: 人次, 吨, %.")
    )
    whole_number = models.BooleanField(_("whole number"), default=False)
    minimum = models.DecimalField(
        _("minimum"), max_digits=24, decimal_places=6, null=True, blank=True
    )
    maximum = models.DecimalField(
        _("maximum"), max_digits=24, decimal_places=6, null=True, blank=True
    )
    cumulative = models.BooleanField(
        _("cumulative"), default=False, help_text=_("A running total: it never falls.")
    )
    jump_factor = models.DecimalField(
        _("jump factor"),
        max_digits=8,
        decimal_places=3,
        default=Decimal(3),
        help_text=_(
            "A figure more than this many times (or less than one over this many times) "
            "the last approved one needs an explanation."
        ),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("figure rule")
        verbose_name_plural = _("figure rules")
        constraints = (
            models.CheckConstraint(
                condition=(Q(indicator__isnull=False) & Q(unit_of_measure=""))
                | (Q(indicator__isnull=True) & ~Q(unit_of_measure="")),
                name="figure_rule_for_indicator_or_unit",
            ),
            models.UniqueConstraint(
                fields=["unit_of_measure"],
                condition=~Q(unit_of_measure=""),
                name="figure_rule_unit_unique",
            ),
        )

    def __str__(self) -> str:
        return str(self.indicator) if self.indicator_id else self.unit_of_measure
