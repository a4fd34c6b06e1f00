"""The plan's outline: sections (a tree), the numbered tasks under them and
the measures each task breaks into."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionplan.plans.models.base import PlanContent, PlanContentQuerySet


class SectionKind(models.TextChoices):
    PART = "part", _("part")
    SECTION = "section", _("section")
    GOAL = "goal", _("goal")


class Section(PlanContent):
    """A heading of the outline above the tasks (一、 / （一）), or a goal bullet (——)."""

    parent = models.ForeignKey(
        "self",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="children",
        verbose_name=_("parent section"),
    )
    kind = models.CharField(_("kind"), max_length=10, choices=SectionKind.choices)
    number = models.CharField(_("number"), max_length=20, help_text=_("As written: 二, (五)."))
    path = models.CharField(_("outline path"), max_length=255)
    level = models.PositiveSmallIntegerField(_("level"))
    title = models.CharField(_("title"), max_length=500)
    title_en = models.CharField(_("English title"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    position = models.PositiveIntegerField(_("position"), help_text=_("Order in the document."))

    history = HistoricalRecords()
    objects = PlanContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")
        ordering = ("plan", "position")
        constraints = (
            models.UniqueConstraint(
                fields=["plan", "path"],
                condition=Q(retired_in__isnull=True),
                name="section_current_path_unique",
            ),
        )

    def __str__(self) -> str:
        return f"{self.number} {self.title}"


class Task(PlanContent):
    """A numbered key task (重点任务) of the plan."""

    section = models.ForeignKey(
        Section,
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("section"),
    )
    number = models.CharField(_("number"), max_length=20)
    path = models.CharField(_("outline path"), max_length=255)
    title = models.CharField(_("title"), max_length=500)
    title_en = models.CharField(_("English title"), max_length=500, blank=True)
    text = models.TextField(_("text"), blank=True)
    position = models.PositiveIntegerField(_("position"), help_text=_("Order in the document."))
    deadline = models.DateField(_("deadline"), null=True, blank=True)

    history = HistoricalRecords()
    objects = PlanContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ("plan", "position")
        constraints = (
            models.UniqueConstraint(
                fields=["plan", "path"],
                condition=Q(retired_in__isnull=True),
                name="task_current_path_unique",
            ),
        )

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Measure(PlanContent):
    """A work item under a task (具体措施). The importer proposes one per
    sentence of the task's text; the office edits them."""

    task = models.ForeignKey(
        Task, on_delete=models.CASCADE, related_name="measures", verbose_name=_("task")
    )
    number = models.CharField(_("number"), max_length=20)
    path = models.CharField(_("outline path"), max_length=255)
    text = models.TextField(_("text"))
    text_en = models.TextField(_("English text"), blank=True)
    position = models.PositiveIntegerField(_("position"), help_text=_("Order in the document."))
    deadline = models.DateField(_("deadline"), null=True, blank=True)

    history = HistoricalRecords()
    objects = PlanContentQuerySet.as_manager()

    class Meta:
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        ordering = ("plan", "position")
        constraints = (
            models.UniqueConstraint(
                fields=["plan", "path"],
                condition=Q(retired_in__isnull=True),
                name="measure_current_path_unique",
            ),
        )

    def __str__(self) -> str:
        return f"{self.number} {self.text[:40]}"
