"""Who may do what: a user's roles in the coordinating system."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Role(models.TextChoices):
    COORDINATOR = "coordinator", _("coordinator office")
    LEADER = "leader", _("leader")
    REPORTER = "reporter", _("unit reporter")


class Membership(models.Model):
    """A user's role. A reporter reports for one unit (a user may hold several
    memberships); coordinators and leaders act for the whole system."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="memberships",
        verbose_name=_("user"),
    )
    role = models.CharField(_("role"), max_length=12, choices=Role.choices)
    unit = models.ForeignKey(
        "plans.Unit",
        on_delete=models.RESTRICT,
        null=True,
        blank=True,
        related_name="memberships",
        verbose_name=_("unit"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = (
            models.CheckConstraint(
                condition=(Q(role="reporter") & Q(unit__isnull=False))
                | (~Q(role="reporter") & Q(unit__isnull=True)),
                name="membership_reporter_has_unit",
            ),
            models.UniqueConstraint(
                fields=["user", "role"],
                condition=Q(unit__isnull=True),
                name="membership_user_role_unique",
            ),
            models.UniqueConstraint(
                fields=["user", "unit"],
                condition=Q(unit__isnull=False),
                name="membership_user_unit_unique",
            ),
        )

    def __str__(self) -> str:
        if self.unit_id is not None:
            return f"{self.user} — {self.get_role_display()} ({self.unit})"
        return f"{self.user} — {self.get_role_display()}"
