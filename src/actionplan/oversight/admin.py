"""The admin of the oversight app, for the coordinator office."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Max, Model
from django.http import HttpRequest
from django.utils import timezone

from actionplan.oversight.assessment_models import ScoringScheme
from actionplan.plans.admin import CoordinatorAdmin


@admin.register(ScoringScheme)
class ScoringSchemeAdmin(CoordinatorAdmin):
    """Saving a scheme stores a new version (same name, next number); the
    version that was opened stays as it was, with the assessments that used it."""

    list_display = (
        "name",
        "version",
        "weight_target_progress",
        "weight_tasks_on_time",
        "weight_timeliness",
        "weight_completeness",
        "weight_returned",
        "created_at",
    )
    list_filter = ("name",)
    fields = (
        "name",
        "weight_target_progress",
        "weight_tasks_on_time",
        "weight_timeliness",
        "weight_completeness",
        "weight_returned",
        "note",
        "version",
        "created_at",
        "created_by",
    )

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        fixed = ["version", "created_at", "created_by"]
        return ["name", *fixed] if obj is not None else fixed

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        if isinstance(obj, ScoringScheme) and obj.assessments.exists():
            return False
        return super().has_delete_permission(request, obj)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        last = ScoringScheme.objects.filter(name=obj.name).aggregate(last=Max("version"))["last"]
        obj.pk = None
        obj.version = (last or 0) + 1
        obj.created_at = timezone.now()
        obj.created_by = request.user if request.user.is_authenticated else None
        obj._history_user = obj.created_by
        obj.save()
