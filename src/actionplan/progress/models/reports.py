"""A unit's report on a task or a measure for a period, and its evidence."""

from __future__ import annotations

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionplan.plans.models import ReviewState


class WorkStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("not started")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    STALLED = "stalled", _("stalled")


class Report(models.Model):
    """What a unit did on a task (or one of its measures) in a period.

    Workflow: draft → submitted → approved, or returned with a comment →
    submitted again. ``version`` rises with every save so that two people
    editing the same report cannot overwrite each other unseen.
    """

    period = models.ForeignKey(
        "progress.Period",
        on_delete=models.PROTECT,
        related_name="reports",
        verbose_name=_("period"),
    )
    unit = models.ForeignKey(
        "plans.Unit", on_delete=models.PROTECT, related_name="reports", verbose_name=_("unit")
    )
    task = models.ForeignKey(
        "plans.Task", on_delete=models.PROTECT, related_name="reports", verbose_name=_("task")
    )
    measure = models.ForeignKey(
        "plans.Measure",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reports",
        verbose_name=_("measure"),
        help_text=_("Empty when the report covers the whole task."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=WorkStatus.choices, default=WorkStatus.IN_PROGRESS
    )
    percent_complete = models.PositiveSmallIntegerField(_("percent complete"), default=0)
    done = models.TextField(_("what was done"), blank=True)
    problems = models.TextField(_("problems"), blank=True)
    escalate = models.BooleanField(
        _("refer to the leading group"),
        default=False,
        help_text=_(
            "A problem the unit cannot solve and the leading group must decide (报请领导小组)."
        ),
    )
    next_steps = models.TextField(_("next steps"), blank=True)
    state = models.CharField(
        _("review state"), max_length=10, choices=ReviewState.choices, default=ReviewState.DRAFT
    )
    review_comment = models.TextField(_("review comment"), blank=True)
    submitted_at = models.DateTimeField(_("first submitted at"), null=True, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    observations = models.ManyToManyField(
        "plans.Observation",
        blank=True,
        related_name="reports",
        verbose_name=_("figures"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    version = models.PositiveIntegerField(_("version"), default=1)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ("period", "task__position", "measure__position", "unit__name_zh")
        # The few reports referred to the leading group, found without
        # reading the many that are not (the dashboard lists them).
        indexes = (
            models.Index(fields=["period"], condition=Q(escalate=True), name="report_escalated"),
        )
        constraints = (
            models.UniqueConstraint(
                fields=["period", "unit", "task"],
                condition=Q(measure__isnull=True),
                name="report_unique_for_task",
            ),
            models.UniqueConstraint(
                fields=["period", "unit", "measure"],
                condition=Q(measure__isnull=False),
                name="report_unique_for_measure",
            ),
            models.CheckConstraint(
                condition=Q(percent_complete__lte=100), name="report_percent_at_most_100"
            ),
        )

    def __str__(self) -> str:
        item = self.measure if self.measure_id is not None else self.task
        return f"{self.unit} — {item} — {self.period}"

    @property
    def is_editable(self) -> bool:
        """Whether the unit may still change it."""
        return self.state in (ReviewState.DRAFT, ReviewState.RETURNED)


@deconstructible
class EvidenceStorage(FileSystemStorage):
    """Evidence files live under ``EVIDENCE_ROOT``, outside the static and
    web roots; only the evidence view serves them, to signed-in users. The
    setting is read at each use, so tests and deployments can move it."""

    @property
    def base_location(self) -> str:
        return str(settings.EVIDENCE_ROOT)

    @property
    def location(self) -> str:
        return os.path.abspath(self.base_location)


evidence_storage = EvidenceStorage()


def _evidence_path(instance: Evidence, filename: str) -> str:
    return f"reports/{instance.report_id}/{filename}"


class Evidence(models.Model):
    report = models.ForeignKey(
        Report, on_delete=models.PROTECT, related_name="evidence", verbose_name=_("report")
    )
    file = models.FileField(
        _("file"), upload_to=_evidence_path, storage=evidence_storage, max_length=300
    )
    name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), default=timezone.now)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evidence file")
        verbose_name_plural = _("evidence files")
        ordering = ("uploaded_at", "id")

    def __str__(self) -> str:
        return self.name
