"""The Django admin, for the coordinator office. Every change is kept by
django-simple-history (the "History" button on each object)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin

from actionplan.plans import permissions
from actionplan.plans.models import (
    Indicator,
    Measure,
    Membership,
    Milestone,
    Observation,
    Plan,
    PlanVersion,
    Responsibility,
    Section,
    Task,
    Unit,
)
from actionplan.plans.services.observations import mark_preferred


class CoordinatorAdmin(SimpleHistoryAdmin):  # type: ignore[misc]
    """Open to the coordinator office only, whatever Django permissions say."""

    can_delete = True

    def has_module_permission(self, request: HttpRequest) -> bool:
        return permissions.is_coordinator(request.user)

    def has_view_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return permissions.is_coordinator(request.user)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return permissions.is_coordinator(request.user)

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return permissions.is_coordinator(request.user)

    def has_delete_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return self.can_delete and permissions.is_coordinator(request.user)


class ContentAdmin(CoordinatorAdmin):
    """Plan content is retired by a re-import, never deleted."""

    can_delete = False
    list_filter: Any = ("plan", ("retired_in", admin.EmptyFieldListFilter))
    readonly_fields = ("introduced_in", "retired_in", "span_start", "span_end")


class PlanVersionInline(admin.TabularInline):  # type: ignore[type-arg]
    model = PlanVersion
    fields = ("number", "filename", "checksum", "imported_at", "imported_by")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Plan)
class PlanAdmin(CoordinatorAdmin):
    list_display = ("code", "title", "period_start", "period_end")
    search_fields = ("code", "title", "title_en")
    inlines = (PlanVersionInline,)
    can_delete = False


@admin.register(PlanVersion)
class PlanVersionAdmin(CoordinatorAdmin):
    list_display = ("plan", "number", "filename", "imported_at", "imported_by")
    list_filter = ("plan",)
    can_delete = False

    def get_readonly_fields(self, request: HttpRequest, obj: Model | None = None) -> list[str]:
        # A version records what happened; it is written by the import only.
        return [field.name for field in PlanVersion._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False


@admin.register(Section)
class SectionAdmin(ContentAdmin):
    list_display = ("path", "title", "kind", "plan", "retired_in")
    search_fields = ("title", "text")


class MeasureInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Measure
    fields = ("number", "text", "deadline", "retired_in")
    readonly_fields = ("retired_in",)
    extra = 0
    can_delete = False


class TaskResponsibilityInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Responsibility
    fk_name = "task"
    fields = ("unit", "role", "illustrative", "note")
    extra = 0


@admin.register(Task)
class TaskAdmin(ContentAdmin):
    list_display = ("number", "title", "section", "plan", "retired_in")
    search_fields = ("title", "text")
    inlines = (TaskResponsibilityInline, MeasureInline)


@admin.register(Measure)
class MeasureAdmin(ContentAdmin):
    list_display = ("number", "text", "task", "deadline", "retired_in")
    search_fields = ("text",)


@admin.register(Indicator)
class IndicatorAdmin(ContentAdmin):
    list_display = (
        "name",
        "task",
        "target_value",
        "unit",
        "target_year",
        "comparator",
        "origin",
        "retired_in",
    )
    list_filter = ("plan", "origin", "binding", ("retired_in", admin.EmptyFieldListFilter))
    search_fields = ("name", "name_en", "code")


@admin.register(Milestone)
class MilestoneAdmin(ContentAdmin):
    list_display = ("title", "year", "due_date", "done", "outcome", "task", "retired_in")
    list_filter = ("plan", "done", "outcome")
    search_fields = ("title", "title_en")


@admin.register(Unit)
class UnitAdmin(CoordinatorAdmin):
    list_display = ("name_zh", "name_en", "parent")
    search_fields = ("name_zh", "name_en")


@admin.register(Responsibility)
class ResponsibilityAdmin(CoordinatorAdmin):
    list_display = ("unit", "role", "task", "measure", "illustrative")
    list_filter = ("role", "illustrative", "unit")
    raw_id_fields = ("task", "measure")


@admin.register(Membership)
class MembershipAdmin(CoordinatorAdmin):
    list_display = ("user", "role", "unit")
    list_filter = ("role",)


@admin.register(Observation)
class ObservationAdmin(CoordinatorAdmin):
    list_display = (
        "indicator",
        "period_start",
        "period_end",
        "value",
        "qualifier",
        "source_quality",
        "is_preferred",
    )
    list_filter = ("source_quality", "qualifier", "is_preferred", "indicator__plan")
    search_fields = ("indicator__name", "source_title", "note")
    # Choosing the value that counts goes through the service, which clears
    # the previous choice and checks the permission.
    readonly_fields = ("is_preferred", "recorded_by", "recorded_at")
    actions = ("make_preferred",)

    @admin.action(description=_("Mark as the observation that counts for its period"))
    def make_preferred(self, request: HttpRequest, queryset: QuerySet[Observation]) -> None:
        done = 0
        for observation in queryset:
            try:
                mark_preferred(request.user, observation)
            except PermissionDenied:
                self.message_user(
                    request, _("Only the coordinator office may choose."), messages.ERROR
                )
                return
            done += 1
        self.message_user(
            request,
            ngettext(
                "%(count)d observation marked as the one that counts.",
                "%(count)d observations marked as the ones that count.",
                done,
            )
            % {"count": done},
        )

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        if not change and obj.recorded_by_id is None:
            obj.recorded_by = request.user
        super().save_model(request, obj, form, change)
