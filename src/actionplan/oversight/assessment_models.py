"""The yearly assessment (考核): scoring schemes and stored snapshots.

A scheme is stored as data and versioned: editing a scheme adds a new
version (same name, next number) and leaves the old one as it was, so that
an assessment always names the exact weights it was computed with. An
assessment stores, per unit, the inputs gathered from the database, the
score, the rank and the breakdown; ``oversight.assessment.recompute``
recomputes the scores from the stored inputs and the scheme version.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from actionplan.engine import scoring

_WEIGHT = {
    "max_digits": 5,
    "decimal_places": 2,
    "validators": [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(100))],
}

# The model field of each component's weight.
WEIGHT_FIELDS = {
    scoring.TARGET_PROGRESS: "weight_target_progress",
    scoring.TASKS_ON_TIME: "weight_tasks_on_time",
    scoring.TIMELINESS: "weight_timeliness",
    scoring.COMPLETENESS: "weight_completeness",
    scoring.RETURNED: "weight_returned",
}


class ScoringScheme(models.Model):
    """Weights of the five components, summing to 100; ``returned`` is a
    penalty (the points a unit loses when every report it sent was returned)."""

    name = models.CharField(_("name"), max_length=100)
    version = models.PositiveIntegerField(_("version"), default=1, editable=False)
    weight_target_progress = models.DecimalField(
        _("target progress"),
        default=Decimal(40),
        help_text=_("Mean attainment of the targets on the unit's tasks."),
        **_WEIGHT,  # type: ignore[arg-type]
    )
    weight_tasks_on_time = models.DecimalField(
        _("tasks done on time"),
        default=Decimal(20),
        help_text=_("Share of the tasks, measures and milestones due in the year done by then."),
        **_WEIGHT,  # type: ignore[arg-type]
    )
    weight_timeliness = models.DecimalField(
        _("reporting timeliness"),
        default=Decimal(20),
        help_text=_("Share of the reports owed that were submitted by their due date."),
        **_WEIGHT,  # type: ignore[arg-type]
    )
    weight_completeness = models.DecimalField(
        _("reporting completeness"),
        default=Decimal(15),
        help_text=_("Share of the reports owed that were submitted at all."),
        **_WEIGHT,  # type: ignore[arg-type]
    )
    weight_returned = models.DecimalField(
        _("reports returned (penalty)"),
        default=Decimal(5),
        help_text=_("Lost in proportion to the share of submitted reports returned at least once."),
        **_WEIGHT,  # type: ignore[arg-type]
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("created by"),
    )

    history = HistoricalRecords()

    class Meta:
        app_label = "oversight"
        verbose_name = _("scoring scheme")
        verbose_name_plural = _("scoring schemes")
        ordering = ("name", "-version")
        constraints = (
            models.UniqueConstraint(fields=["name", "version"], name="scoring_scheme_version"),
        )

    def __str__(self) -> str:
        return _("%(name)s, version %(version)s") % {"name": self.name, "version": self.version}

    @property
    def weights(self) -> dict[str, float]:
        return {c: float(getattr(self, field)) for c, field in WEIGHT_FIELDS.items()}

    def clean(self) -> None:
        super().clean()
        values = [getattr(self, field) for field in WEIGHT_FIELDS.values()]
        if any(v is None for v in values):
            return  # the field errors say it
        total = sum(values, Decimal(0))
        if total != Decimal(100):
            raise ValidationError(
                _("The weights must sum to 100; they sum to %(total)s.") % {"total": total}
            )

    @property
    def is_latest(self) -> bool:
        return not ScoringScheme.objects.filter(name=self.name, version__gt=self.version).exists()


class Assessment(models.Model):
    """The scores of a plan's units for a year, as computed at ``computed_at``
    from the data known at the end of the year."""

    plan = models.ForeignKey(
        "plans.Plan",
        on_delete=models.CASCADE,
        related_name="assessments",
        verbose_name=_("plan"),
    )
    year = models.PositiveSmallIntegerField(_("year"))
    scheme = models.ForeignKey(
        ScoringScheme,
        on_delete=models.PROTECT,
        related_name="assessments",
        verbose_name=_("scoring scheme"),
    )
    computed_at = models.DateTimeField(_("computed at"), default=timezone.now)
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("computed by"),
    )

    class Meta:
        app_label = "oversight"
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        ordering = ("plan", "-year", "-computed_at", "-id")

    def __str__(self) -> str:
        return f"{self.plan} {self.year} ({self.scheme})"


class AssessmentScore(models.Model):
    """One unit's score in an assessment, with what it rests on."""

    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="scores", verbose_name=_("assessment")
    )
    unit = models.ForeignKey(
        "plans.Unit", on_delete=models.RESTRICT, related_name="+", verbose_name=_("unit")
    )
    score = models.FloatField(_("score"), null=True, blank=True)
    rank = models.PositiveIntegerField(_("rank"), null=True, blank=True)
    breakdown = models.JSONField(_("breakdown"), default=list)
    inputs = models.JSONField(_("inputs"), default=dict)

    class Meta:
        app_label = "oversight"
        verbose_name = _("assessment score")
        verbose_name_plural = _("assessment scores")
        ordering = ("assessment", F("rank").asc(nulls_last=True), "unit__name_zh")
        constraints = (
            models.UniqueConstraint(fields=["assessment", "unit"], name="assessment_score_unit"),
        )

    def __str__(self) -> str:
        return f"{self.unit}: {self.score}"
