"""Check the rows of an uploaded breakdown table against the plan and say
what importing them would change. Reads the database, writes nothing.

Each row is matched by its key (系统编号), or by 序号 when the key is gone;
units are found by name. Everything wrong is collected, so that the office
can fix the whole file in one pass.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _

from actionplan.plans.breakdown import layout
from actionplan.plans.breakdown.parse import IndicatorRow, ParsedWorkbook, SheetColumns, TaskRow
from actionplan.plans.breakdown.problems import Problem
from actionplan.plans.breakdown.values import normalise, split_units
from actionplan.plans.models import (
    Direction,
    Indicator,
    IndicatorKind,
    Measure,
    Plan,
    Responsibility,
    ResponsibilityRole,
    Task,
    Unit,
)

PERCENT_UNITS = {"%", "百分比", "百分点"}
# Kinds whose values cannot fall below zero (a count, a level, a share);
# increments and growth rates can.
NON_NEGATIVE_KINDS = {IndicatorKind.LEVEL, IndicatorKind.SHARE}
SUGGESTIONS = 3
_ITEM_KEY = re.compile(r"([TM])(\d+)")
_INDICATOR_ID = re.compile(r"I(\d+)")


@dataclass(frozen=True)
class Change:
    """One change an import makes, for people: where, what, before, after."""

    sheet: str
    row: int
    item: str
    field: str
    before: str
    after: str


@dataclass(frozen=True)
class Assignment:
    unit: Unit
    role: str
    illustrative: bool
    note: str


@dataclass
class UnitsUpdate:
    """Make a task's (or a measure's) units exactly these."""

    item: Task | Measure
    assign: list[Assignment]
    remove: list[Responsibility]


@dataclass
class FieldsUpdate:
    obj: Task | Measure | Indicator
    fields: dict[str, Any]


@dataclass
class Review:
    problems: list[Problem] = field(default_factory=list)
    notices: list[Problem] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    units: list[UnitsUpdate] = field(default_factory=list)
    fields: list[FieldsUpdate] = field(default_factory=list)
    # A task's lead units as sheet 1 sets them, to read sheet 2's 牵头单位 against.
    new_leads: dict[int, list[str]] = field(default_factory=dict)


def review_workbook(plan: Plan, parsed: ParsedWorkbook) -> Review:
    """What the parsed workbook would change in ``plan``, or why it cannot."""
    review = Review(problems=list(parsed.problems), notices=list(parsed.notices))
    if parsed.plan_code and parsed.plan_code != plan.code:
        review.problems.append(
            Problem(
                _(
                    "This file is the breakdown table of the plan %(file_plan)s, not of "
                    "%(plan)s. Import it into %(file_plan)s, or export the table of %(plan)s."
                )
                % {"file_plan": parsed.plan_code, "plan": plan.code},
                layout.SHEET_GUIDE,
            )
        )
        return review
    content = _PlanContent(plan)
    units = _Units()
    if parsed.task_columns is not None:
        _review_tasks(review, content, units, parsed.task_columns, parsed.tasks)
    if parsed.indicator_columns is not None:
        _review_indicators(review, content, parsed.indicator_columns, parsed.indicators)
    return review


class _PlanContent:
    """The plan's current tasks, measures and indicators, by key and by number."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        responsibilities = Prefetch(
            "responsibilities", queryset=Responsibility.objects.select_related("unit")
        )
        self.tasks = list(
            Task.objects.current().filter(plan=plan).prefetch_related(responsibilities)
        )
        self.measures = list(
            Measure.objects.current().filter(plan=plan).prefetch_related(responsibilities)
        )
        self.indicators = list(Indicator.objects.current().filter(plan=plan))
        self.items: dict[str, Task | Measure] = {}
        self.by_number: dict[str, list[Task | Measure]] = defaultdict(list)
        for task in self.tasks:
            self.items[f"{layout.TASK_KEY_PREFIX}{task.pk}"] = task
            self.by_number[task.number].append(task)
        for measure in self.measures:
            self.items[f"{layout.MEASURE_KEY_PREFIX}{measure.pk}"] = measure
            self.by_number[measure.number].append(measure)
        self.tasks_by_number = {t.number: t for t in self.tasks}
        self.tasks_by_id = {t.pk: t for t in self.tasks}
        self.indicator_keys: dict[str, Indicator] = {}
        for indicator in self.indicators:
            self.indicator_keys[f"{layout.INDICATOR_KEY_PREFIX}{indicator.pk}"] = indicator
            if indicator.code:
                self.indicator_keys[indicator.code.casefold()] = indicator

    def retired(self, key: str) -> bool:
        """Whether the key names a task or measure the plan no longer has."""
        match = _ITEM_KEY.fullmatch(key)
        if match is None:
            return False
        model: Any = Task if match[1] == layout.TASK_KEY_PREFIX else Measure
        return bool(model.objects.retired().filter(plan=self.plan, pk=int(match[2])).exists())


def _squeeze(text: str) -> str:
    return normalise(text).replace(" ", "")


class _Units:
    """Every unit, found by its Chinese (or English) name."""

    def __init__(self) -> None:
        self.units = list(Unit.objects.order_by("name_zh"))
        self.by_name = {_squeeze(u.name_zh): u for u in self.units}
        english: dict[str, list[Unit]] = defaultdict(list)
        for unit in self.units:
            if unit.name_en:
                english[unit.name_en.casefold().strip()].append(unit)
        self.by_english = {name: found[0] for name, found in english.items() if len(found) == 1}

    def find(self, name: str) -> Unit | None:
        return self.by_name.get(_squeeze(name)) or self.by_english.get(name.casefold().strip())

    def nearest(self, name: str) -> list[str]:
        close = difflib.get_close_matches(_squeeze(name), self.by_name, SUGGESTIONS, 0.5)
        names = [self.by_name[key].name_zh for key in close]
        if not names and name.isascii():
            close = difflib.get_close_matches(name.casefold(), self.by_english, SUGGESTIONS, 0.6)
            names = [self.by_english[key].name_zh for key in close]
        return names


def _join(names: list[str]) -> str:
    return layout.UNIT_SEPARATOR.join(names)


# --- sheet 1 -------------------------------------------------------------


def _resolve_item(
    content: _PlanContent, columns: SheetColumns, row: TaskRow
) -> Task | Measure | Problem:
    """The row's task or measure, or why there is none."""
    key = row.key.strip().upper()
    if key:
        item = content.items.get(key)
        if item is not None:
            return item
        if content.retired(key):
            message = _(
                "The task or measure with 系统编号 “%(key)s” is no longer in the plan (a later "
                "version of the document dropped it). Delete this row."
            )
        else:
            message = _(
                "The 系统编号 “%(key)s” matches no task or measure of this plan. Keep the keys "
                "as exported."
            )
        return columns.problem(row.row, "key", message % {"key": row.key})
    found = content.by_number.get(row.number, [])
    if len(found) == 1:
        return found[0]
    if not found:
        message = _(
            "序号 “%(number)s” matches no task or measure of this plan. New tasks and measures "
            "come from the plan document, not from this table."
        )
    else:
        message = _(
            "序号 “%(number)s” is used by several tasks or measures of this plan; keep the "
            "系统编号 column to tell them apart."
        )
    return columns.problem(row.row, "number", message % {"number": row.number})


def _find_units(
    review: Review,
    units: _Units,
    columns: SheetColumns,
    row: int,
    column: str,
    names: tuple[str, ...],
) -> list[Unit] | None:
    found: list[Unit] = []
    ok = True
    for name in names:
        unit = units.find(name)
        if unit is not None:
            if unit not in found:
                found.append(unit)
            continue
        ok = False
        nearest = units.nearest(name)
        if nearest:
            message = _("Unknown unit “%(name)s”. Did you mean %(nearest)s?") % {
                "name": name,
                "nearest": _join(nearest),
            }
        else:
            message = _(
                "Unknown unit “%(name)s”, and no known unit has a similar name. The known units "
                "are listed on the sheet 单位名录; new units are added by the coordinator."
            ) % {"name": name}
        review.problems.append(columns.problem(row, column, message))
    return found if ok else None


def _review_tasks(
    review: Review,
    content: _PlanContent,
    units: _Units,
    columns: SheetColumns,
    rows: list[TaskRow],
) -> None:
    seen: dict[tuple[str, int], int] = {}
    for row in rows:
        if "number" in row.unreadable:
            continue
        item = _resolve_item(content, columns, row)
        if isinstance(item, Problem):
            review.problems.append(item)
            continue
        identity = (type(item).__name__, item.pk)
        if identity in seen:
            review.problems.append(
                columns.problem(
                    row.row,
                    "key" if row.key else "number",
                    _("This row is the same task or measure as row %(row)s; keep one of them.")
                    % {"row": seen[identity]},
                )
            )
            continue
        seen[identity] = row.row
        leads = _find_units(review, units, columns, row.row, "leads", row.leads)
        cooperating = _find_units(review, units, columns, row.row, "cooperating", row.cooperating)
        if leads is not None and cooperating is not None:
            both = [u.name_zh for u in leads if u in cooperating]
            if both:
                review.problems.append(
                    columns.problem(
                        row.row,
                        "cooperating",
                        _(
                            "%(units)s cannot both lead and cooperate; keep each unit in one "
                            "of the two columns."
                        )
                        % {"units": _join(both)},
                    )
                )
            else:
                _units_change(review, columns, row, item, leads, cooperating)
        if "deadline" not in row.unreadable and row.deadline != item.deadline:
            review.fields.append(FieldsUpdate(item, {"deadline": row.deadline}))
            review.changes.append(
                Change(
                    columns.sheet,
                    row.row,
                    item.number,
                    "完成时限",
                    item.deadline.isoformat() if item.deadline else "",
                    row.deadline.isoformat() if row.deadline else "",
                )
            )
        _text_notice(review, columns, row, item)
    missing = len(content.tasks) + len(content.measures) - len(seen)
    if missing > 0 and rows:
        review.notices.append(
            Problem(
                _(
                    "%(count)s tasks and measures of the plan are not in this sheet; they "
                    "were left as they are."
                )
                % {"count": missing},
                columns.sheet,
            )
        )


def _units_change(
    review: Review,
    columns: SheetColumns,
    row: TaskRow,
    item: Task | Measure,
    leads: list[Unit],
    cooperating: list[Unit],
) -> None:
    """Make the item's units those of the row. A unit that keeps its role
    keeps its illustrative flag unless the office cleared the 示例分工 mark;
    a unit the office named is the office's own assignment."""
    existing = {r.unit_id: r for r in item.responsibilities.all()}
    wanted = {u.pk: (u, ResponsibilityRole.LEAD) for u in leads}
    wanted |= {u.pk: (u, ResponsibilityRole.COOPERATING) for u in cooperating}
    remove = [r for unit_id, r in existing.items() if unit_id not in wanted]
    assign: list[Assignment] = []
    after_illustrative = False
    for unit_id, (unit, role) in wanted.items():
        current = existing.get(unit_id)
        if current is None:
            assign.append(Assignment(unit, role, False, ""))
            continue
        keep = current.illustrative and current.role == role and row.illustrative is not False
        after_illustrative = after_illustrative or keep
        if current.role != role or current.illustrative != keep:
            assign.append(Assignment(unit, role, keep, current.note))
    if not assign and not remove:
        return
    review.units.append(UnitsUpdate(item, assign, remove))
    if isinstance(item, Task):
        review.new_leads[item.pk] = sorted(u.name_zh for u in leads)

    def names(role: str, responsibilities: list[Responsibility]) -> list[str]:
        return sorted(r.unit.name_zh for r in responsibilities if r.role == role)

    before = list(existing.values())
    for role, header, after in (
        (ResponsibilityRole.LEAD, "牵头单位", leads),
        (ResponsibilityRole.COOPERATING, "配合单位", cooperating),
    ):
        old = names(role, before)
        new = sorted(u.name_zh for u in after)
        if old != new:
            review.changes.append(
                Change(columns.sheet, row.row, item.number, header, _join(old), _join(new))
            )
    before_illustrative = any(r.illustrative for r in before)
    if before_illustrative != after_illustrative:
        review.changes.append(
            Change(
                columns.sheet,
                row.row,
                item.number,
                "示例分工",
                layout.ILLUSTRATIVE_MARK if before_illustrative else "",
                layout.ILLUSTRATIVE_MARK if after_illustrative else "",
            )
        )


def _same_text(sheet: str, plan: str) -> bool:
    return " ".join(sheet.split()) == " ".join(plan.split())


def _text_notice(review: Review, columns: SheetColumns, row: TaskRow, item: Task | Measure) -> None:
    name, text = ("task", item.title) if isinstance(item, Task) else ("measure", item.text)
    typed = row.task if name == "task" else row.measure
    if columns.has(name) and typed and not _same_text(typed, text):
        review.notices.append(
            columns.problem(
                row.row,
                name,
                _(
                    "The text differs from the plan's; it is not imported (task and measure "
                    "text comes from the plan document)."
                ),
            )
        )


# --- sheet 2 -------------------------------------------------------------


def _resolve_indicator(
    content: _PlanContent, columns: SheetColumns, row: IndicatorRow
) -> Indicator | Problem:
    """The row's indicator, or why there is none."""
    key = row.key.strip()
    if key:
        match = _INDICATOR_ID.fullmatch(key.upper())
        indicator = content.indicator_keys.get(key.casefold()) or (
            content.indicator_keys.get(key.upper()) if match else None
        )
        if indicator is not None:
            return indicator
        return columns.problem(
            row.row,
            "key",
            _(
                "The 系统编号 “%(key)s” matches no indicator of this plan. Keep the keys as "
                "exported; new indicators are added by the coordinator."
            )
            % {"key": key},
        )
    task = content.tasks_by_number.get(row.number) if row.number else None
    if row.number and task is None:
        return columns.problem(
            row.row,
            "number",
            _("序号 “%(number)s” matches no task of this plan.") % {"number": row.number},
        )
    found = [
        i
        for i in content.indicators
        if _same_text(i.name, row.name) and i.task_id == (task.pk if task else None)
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        message = _(
            "No indicator “%(name)s” under 序号 “%(number)s”. New indicators are added by the "
            "coordinator, not from this table."
        )
    else:
        message = _(
            "Several indicators are called “%(name)s” under 序号 “%(number)s”; keep the 系统编号 "
            "column to tell them apart."
        )
    return columns.problem(
        row.row, "name", message % {"name": row.name, "number": row.number or "—"}
    )


def _plain(value: Decimal | None) -> str:
    """80000000.000000 → 80,000,000; 23.50 → 23.5."""
    if value is None:
        return ""
    return format(value.normalize(), ",f")


def _value_problems(
    columns: SheetColumns, row: IndicatorRow, indicator: Indicator, name: str
) -> list[Problem]:
    number = getattr(row, name)
    if number is None or name in row.unreadable:
        return []
    found = []
    percent_unit = indicator.unit.strip() in PERCENT_UNITS
    if number.percent and not percent_unit:
        found.append(
            columns.problem(
                row.row,
                name,
                _(
                    "%(value)s%% is a percentage, but %(indicator)s is counted in %(unit)s; "
                    "write the figure in %(unit)s."
                )
                % {
                    "value": _plain(number.value),
                    "indicator": indicator.name,
                    "unit": indicator.unit or "—",
                },
            )
        )
    if number.value < 0 and indicator.kind in NON_NEGATIVE_KINDS:
        found.append(
            columns.problem(
                row.row,
                name,
                _("%(value)s is negative; %(indicator)s cannot fall below zero.")
                % {"value": _plain(number.value), "indicator": indicator.name},
            )
        )
    if indicator.kind == IndicatorKind.SHARE and percent_unit and number.value > 100:
        found.append(
            columns.problem(
                row.row,
                name,
                _("%(value)s%% is more than the whole; a share is at most 100%%.")
                % {"value": _plain(number.value)},
            )
        )
    return found


def _review_indicators(
    review: Review, content: _PlanContent, columns: SheetColumns, rows: list[IndicatorRow]
) -> None:
    seen: dict[int, int] = {}
    for row in rows:
        if not row.key and not row.name:
            continue  # reported by parse
        indicator = _resolve_indicator(content, columns, row)
        if isinstance(indicator, Problem):
            review.problems.append(indicator)
            continue
        if indicator.pk in seen:
            review.problems.append(
                columns.problem(
                    row.row,
                    "key" if row.key else "name",
                    _("This row is the same indicator as row %(row)s; keep one of them.")
                    % {"row": seen[indicator.pk]},
                )
            )
            continue
        seen[indicator.pk] = row.row
        problems = [
            p
            for name in ("baseline_value", "target_value")
            for p in _value_problems(columns, row, indicator, name)
        ]
        review.problems += problems
        if not problems:
            _indicator_change(review, columns, row, indicator)
        _indicator_notices(review, content, columns, row, indicator)
    missing = len(content.indicators) - len(seen)
    if missing > 0 and rows:
        review.notices.append(
            Problem(
                _(
                    "%(count)s indicators of the plan are not in this sheet; they were left "
                    "as they are."
                )
                % {"count": missing},
                columns.sheet,
            )
        )


def _indicator_change(
    review: Review, columns: SheetColumns, row: IndicatorRow, indicator: Indicator
) -> None:
    wanted: dict[str, Any] = {}
    shown: dict[str, tuple[str, str]] = {}
    for name in ("baseline_value", "target_value"):
        if name in row.unreadable:
            continue
        number = getattr(row, name)
        value = number.value if number is not None else None
        if value != getattr(indicator, name):
            wanted[name] = value
            shown[name] = (_plain(getattr(indicator, name)), _plain(value))
    for name in ("baseline_year", "target_year"):
        if name not in row.unreadable and getattr(row, name) != getattr(indicator, name):
            wanted[name] = getattr(row, name)
            before = getattr(indicator, name)
            shown[name] = (str(before) if before else "", str(wanted[name] or ""))
    if "comparator" not in row.unreadable and row.comparator != indicator.comparator:
        wanted["comparator"] = row.comparator
        symbols = layout.COMPARATOR_SYMBOLS
        shown["comparator"] = (
            symbols.get(indicator.comparator, ""),
            symbols.get(row.comparator, ""),
        )
        # The direction follows a comparator that states one.
        if row.comparator in (">=", ">"):
            wanted["direction"] = Direction.HIGHER
        elif row.comparator == "<=":
            wanted["direction"] = Direction.LOWER
    if not wanted:
        return
    review.fields.append(FieldsUpdate(indicator, wanted))
    headers = {c.field: c.zh for c in columns.columns}
    for name, (before, after) in shown.items():
        review.changes.append(
            Change(columns.sheet, row.row, indicator.name, headers[name], before, after)
        )


def _indicator_notices(
    review: Review,
    content: _PlanContent,
    columns: SheetColumns,
    row: IndicatorRow,
    indicator: Indicator,
) -> None:
    not_imported = _("It is not imported: %(what)s")
    if columns.has("name") and row.name and not _same_text(row.name, indicator.name):
        review.notices.append(
            columns.problem(
                row.row,
                "name",
                not_imported % {"what": _("indicator names come from the plan document.")},
            )
        )
    if columns.has("unit") and row.unit and not _same_text(row.unit, indicator.unit):
        review.notices.append(
            columns.problem(
                row.row,
                "unit",
                not_imported % {"what": _("units of measure come from the plan document.")},
            )
        )
    task = content.tasks_by_id.get(indicator.task_id) if indicator.task_id else None
    leads = (
        sorted(
            r.unit.name_zh for r in task.responsibilities.all() if r.role == ResponsibilityRole.LEAD
        )
        if task
        else []
    )
    typed = sorted(_squeeze(name) for name in split_units(row.lead))
    expected = [leads, review.new_leads.get(task.pk, leads) if task else leads]
    if columns.has("lead") and all(typed != sorted(map(_squeeze, e)) for e in expected):
        review.notices.append(
            columns.problem(
                row.row,
                "lead",
                not_imported
                % {
                    "what": _(
                        "an indicator is led by its task's lead units; change them on the "
                        "sheet 任务分解表."
                    )
                },
            )
        )
