"""The plan and the versions of its source document."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Plan(models.Model):
    """The living plan: what the office runs. Each import of its document adds
    a ``PlanVersion``; the content is updated in place."""

    code = models.SlugField(
        _("code"),
        max_length=80,
        unique=True,
        help_text=_("Short name used in addresses and on the command line."),
    )
    title = models.CharField(_("title"), max_length=500, help_text=_("As the document writes it."))
    title_en = models.CharField(_("English title"), max_length=500, blank=True)
    issuer = models.CharField(_("issuing body"), max_length=200, blank=True)
    period_start = models.PositiveSmallIntegerField(_("first year"), null=True, blank=True)
    period_end = models.PositiveSmallIntegerField(_("last year"), null=True, blank=True)
    note = models.TextField(
        _("note"),
        blank=True,
        help_text=_("What a reader must know about this plan's data, such as assumed units."),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ("code",)
        constraints = (
            models.CheckConstraint(
                condition=Q(period_start__isnull=True)
                | Q(period_end__isnull=True)
                | Q(period_end__gte=F("period_start")),
                name="plan_period_in_order",
            ),
        )

    def __str__(self) -> str:
        return self.title

    @property
    def latest_version(self) -> PlanVersion | None:
        return self.versions.order_by("-number").first()


class PlanVersion(models.Model):
    """One import of the plan's document: what was read and what it changed.

    Immutable once written; the spans of current content point into
    ``source_text`` of the latest version.
    """

    plan = models.ForeignKey(
        Plan, on_delete=models.CASCADE, related_name="versions", verbose_name=_("plan")
    )
    number = models.PositiveIntegerField(_("version"))
    filename = models.CharField(_("file name"), max_length=255)
    checksum = models.CharField(
        _("SHA-256 checksum"), max_length=64, help_text=_("Of the imported file's bytes.")
    )
    source_text = models.TextField(_("source text"))
    draft = models.JSONField(_("plan draft"), help_text=_("What was read, as a PlanDraft."))
    report = models.JSONField(_("import report"), default=dict, blank=True)
    imported_at = models.DateTimeField(_("imported at"), default=timezone.now)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("imported by"),
    )

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ("plan", "number")
        constraints = (
            models.UniqueConstraint(
                fields=["plan", "number"],
                name="plan_version_number_unique",
            ),
        )

    def __str__(self) -> str:
        return f"{self.plan.code} v{self.number}"
