"""Milestones: dated deliverables of the plan."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionplan.plans.models.base import PlanContent, PlanContentQuerySet


class MilestoneOutcome(models.TextChoices):
    """What became of the deliverable; empty while nothing is known."""

    HELD = "held", _("held")
    POSTPONED = "postponed", _("postponed")
    ONLINE = "online", _("held online")
    CANCELLED = "cancelled", _("cancelled")


class Milestone(PlanContent):
    """A dated deliverable, such as hosting the 2019 World Ports Conference."""

    task = models.ForeignKey(
        "plans.Task",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="milestones",
        verbose_name=_("task"),
    )
    node_path = models.CharField(_("outline path"), max_length=255, blank=True)
    title = models.CharField(_("title"), max_length=500, help_text=_("As the document writes it."))
    title_en = models.CharField(_("English title"), max_length=500, blank=True)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    done = models.BooleanField(_("done"), default=False)
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=MilestoneOutcome.choices, blank=True
    )
    held_from = models.DateField(_("held from"), null=True, blank=True)
    held_until = models.DateField(_("held until"), null=True, blank=True)
    evidence_title = models.CharField(_("evidence title"), max_length=500, blank=True)
    evidence_url = models.URLField(_("evidence address"), max_length=2000, blank=True)
    evidence_note = models.TextField(_("evidence note"), blank=True)
    sentence = models.TextField(_("source sentence"), blank=True)

    history = HistoricalRecords()
    objects = PlanContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("milestone")
        verbose_name_plural = _("milestones")
        ordering = ("plan", "year", "due_date", "id")
        constraints = (
            models.CheckConstraint(
                condition=Q(year__isnull=False) | Q(due_date__isnull=False),
                name="milestone_has_year_or_date",
            ),
            models.CheckConstraint(
                condition=Q(held_from__isnull=True)
                | Q(held_until__isnull=True)
                | Q(held_until__gte=F("held_from")),
                name="milestone_held_dates_in_order",
            ),
        )

    def __str__(self) -> str:
        return self.title

    @property
    def due_year(self) -> int | None:
        return self.due_date.year if self.due_date is not None else self.year

    @property
    def late(self) -> bool:
        """Done after the year or date it was due."""
        if not self.done or self.held_from is None:
            return False
        if self.due_date is not None:
            return self.held_from > self.due_date
        return self.year is not None and self.held_from.year > self.year
