"""Units (departments and agencies) and their responsibilities for tasks."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Unit(models.Model):
    """A department or agency (单位). Units form a tree (a bureau under the
    city government) and are shared by every plan."""

    parent = models.ForeignKey(
        "self",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent unit"),
    )
    name_zh = models.CharField(_("Chinese name"), max_length=200, unique=True)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("unit")
        verbose_name_plural = _("units")
        ordering = ("name_zh",)

    def __str__(self) -> str:
        return self.name_zh


class ResponsibilityRole(models.TextChoices):
    LEAD = "lead", _("lead unit")
    COOPERATING = "cooperating", _("cooperating unit")


class Responsibility(models.Model):
    """A unit's part in a task or in one of its measures (exactly one of the two)."""

    unit = models.ForeignKey(
        Unit, on_delete=models.RESTRICT, related_name="responsibilities", verbose_name=_("unit")
    )
    role = models.CharField(_("role"), max_length=12, choices=ResponsibilityRole.choices)
    task = models.ForeignKey(
        "plans.Task",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="responsibilities",
        verbose_name=_("task"),
    )
    measure = models.ForeignKey(
        "plans.Measure",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="responsibilities",
        verbose_name=_("measure"),
    )
    illustrative = models.BooleanField(
        _("illustrative"),
        default=False,
        help_text=_("An assumed assignment for a demonstration, not the plan's own."),
    )
    note = models.TextField(_("note"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("responsibility")
        verbose_name_plural = _("responsibilities")
        ordering = ("role", "unit__name_zh")
        constraints = (
            models.CheckConstraint(
                condition=(Q(task__isnull=False) & Q(measure__isnull=True))
                | (Q(task__isnull=True) & Q(measure__isnull=False)),
                name="responsibility_on_task_or_measure",
            ),
            # One role per unit and item: a unit cannot both lead and cooperate.
            models.UniqueConstraint(
                fields=["unit", "task"],
                condition=Q(task__isnull=False),
                name="responsibility_unit_task_unique",
            ),
            models.UniqueConstraint(
                fields=["unit", "measure"],
                condition=Q(measure__isnull=False),
                name="responsibility_unit_measure_unique",
            ),
        )

    def __str__(self) -> str:
        item = self.task if self.task_id is not None else self.measure
        return f"{self.unit} ({self.get_role_display()}): {item}"
