"""Reminders sent (催办): one per unit, period and stage, never twice."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReminderStage(models.TextChoices):
    DUE_SOON = "due_soon", _("due soon")
    OVERDUE = "overdue", _("overdue")


class Reminder(models.Model):
    unit = models.ForeignKey(
        "plans.Unit", on_delete=models.CASCADE, related_name="+", verbose_name=_("unit")
    )
    period = models.ForeignKey(
        "progress.Period",
        on_delete=models.CASCADE,
        related_name="reminders",
        verbose_name=_("period"),
    )
    stage = models.CharField(_("stage"), max_length=10, choices=ReminderStage.choices)
    recipients = models.TextField(_("recipients"))
    sent_at = models.DateTimeField(_("sent at"), default=timezone.now)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        constraints = (
            models.UniqueConstraint(fields=["unit", "period", "stage"], name="reminder_once"),
        )

    def __str__(self) -> str:
        return f"{self.unit} — {self.period} — {self.get_stage_display()}"
