"""What the leader (or the coordinator office) did with an item of the
escalations list: marked it handled, with a note.

The item itself is not stored: the list is computed from the plan's data
(``oversight.escalations``). A note refers to its item by the item's stable
key (``report:12``, ``target:7``, ``milestone:3``, ``task:18``,
``measure:40``). Its history is kept.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class EscalationKind(models.TextChoices):
    REPORT = "report", _("problem flagged in a report")
    TARGET = "target", _("binding target off track or not met")
    MILESTONE = "milestone", _("overdue milestone")
    TASK = "task", _("overdue task")
    MEASURE = "measure", _("overdue measure")


class EscalationNote(models.Model):
    kind = models.CharField(_("kind"), max_length=10, choices=EscalationKind.choices)
    key = models.CharField(
        _("item"), max_length=64, unique=True, help_text=_("The item's stable key.")
    )
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), default=timezone.now)
    note = models.TextField(_("note"))

    history = HistoricalRecords()

    class Meta:
        app_label = "oversight"
        verbose_name = _("escalation note")
        verbose_name_plural = _("escalation notes")
        ordering = ("-handled_at", "id")

    def __str__(self) -> str:
        return f"{self.key}: {self.note[:40]}"
