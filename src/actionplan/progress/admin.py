"""Progress reporting in the admin, for the coordinator office: the
reporting schedule of each plan (saving it generates the periods), figure
rules, and read-only views of reports and reminders with their history.
Reports and figures change through the reporting pages, where the workflow
and the rules hold."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import Model
from django.http import HttpRequest

from actionplan.plans.admin import CoordinatorAdmin
from actionplan.progress.models import FigureRule, Period, Reminder, Report, Schedule
from actionplan.progress.services.periods import set_schedule


@admin.register(Schedule)
class ScheduleAdmin(CoordinatorAdmin):
    list_display = ("plan", "frequency", "due_days")
    can_delete = False

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        # Through the service, so that the periods follow the schedule.
        set_schedule(request.user, obj.plan, obj.frequency, obj.due_days)


@admin.register(Period)
class PeriodAdmin(CoordinatorAdmin):
    list_display = ("plan", "start", "end", "due", "locked")
    list_filter = ("plan", "locked")
    fields = ("plan", "start", "end", "due", "locked")
    readonly_fields = ("plan", "start", "end")
    can_delete = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # periods come from the schedule


@admin.register(FigureRule)
class FigureRuleAdmin(CoordinatorAdmin):
    list_display = (
        "__str__",
        "whole_number",
        "minimum",
        "maximum",
        "cumulative",
        "jump_factor",
    )
    autocomplete_fields = ("indicator",)


class ReadOnlyAdmin(CoordinatorAdmin):
    can_delete = False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Model | None = None) -> bool:
        return False


@admin.register(Report)
class ReportAdmin(ReadOnlyAdmin):
    list_display = ("period", "unit", "task", "state", "percent_complete", "escalate")
    list_filter = ("state", "escalate", "period__plan")
    search_fields = ("task__title", "unit__name_zh")


@admin.register(Reminder)
class ReminderAdmin(ReadOnlyAdmin):
    list_display = ("unit", "period", "stage", "sent_at")
    list_filter = ("stage",)
