"""Import a plan document: preview what it will change, then apply it.

The first import of a plan creates it; a later one (a revised document, or
the same document read by a better extractor) adds a ``PlanVersion`` and
brings the content up to date in place: surviving sections, tasks, measures,
indicators and milestones are updated (history keeps the before), new ones
are created, gone ones are retired, never deleted. What hangs on surviving
content (observations, responsibilities, milestone outcomes) therefore stays.

``apply_import`` runs in one transaction: whatever fails, the database is as
it was.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import CharField, Model, Value
from django.db.models.functions import Cast, Concat
from django.utils.text import slugify

from actionplan.extract.draft import Milestone as DraftMilestone
from actionplan.extract.draft import OutlineNode, PlanDraft, Target
from actionplan.plans import permissions
from actionplan.plans.matching import Item, Matching, match_items
from actionplan.plans.models import (
    Direction,
    Indicator,
    IndicatorOrigin,
    Measure,
    Milestone,
    Plan,
    PlanVersion,
    Section,
    Task,
)
from actionplan.plans.services.history import save_with_history
from actionplan.plans.sources import ImportFailed, SourceDocument

logger = logging.getLogger(__name__)

SECTION_KINDS = ("part", "section", "goal")
KINDS = ("sections", "tasks", "measures", "indicators", "milestones")
# Above this a value cannot be stored (24 digits, 6 after the point).
MAX_VALUE = Decimal(10) ** 18


def default_plan_code(source: SourceDocument) -> str:
    """The file name as a short name (``plan-2024.docx`` → ``plan-2024``). A
    name with nothing to keep (``行动计划.txt``) gets one from the checksum,
    so that two such files never become versions of one plan by accident."""
    return slugify(Path(source.filename).stem)[:80].strip("-") or f"plan-{source.checksum[:8]}"


class DraftIndex:
    """The draft's outline, with each node's ancestors, by path."""

    def __init__(self, draft: PlanDraft) -> None:
        self.draft = draft
        self.order: list[OutlineNode] = []
        self.ancestors: dict[str, tuple[OutlineNode, ...]] = {}
        self.by_path: dict[str, OutlineNode] = {}
        for node, ancestors in self._walk(draft.outline, ()):
            self.order.append(node)
            self.ancestors[node.path] = ancestors
            self.by_path[node.path] = node

    def _walk(
        self, nodes: list[OutlineNode], ancestors: tuple[OutlineNode, ...]
    ) -> Iterator[tuple[OutlineNode, tuple[OutlineNode, ...]]]:
        for node in nodes:
            yield node, ancestors
            yield from self._walk(node.children, (*ancestors, node))

    def of_kind(self, *kinds: str) -> list[OutlineNode]:
        return [node for node in self.order if node.kind in kinds]

    def task_of(self, path: str) -> OutlineNode | None:
        """The task a node belongs to: itself, or its nearest task ancestor."""
        node = self.by_path[path]
        if node.kind == "task":
            return node
        return next((a for a in reversed(self.ancestors[path]) if a.kind == "task"), None)

    def section_above(self, path: str) -> OutlineNode | None:
        """The nearest section, part or goal above a node."""
        return next((a for a in reversed(self.ancestors[path]) if a.kind in SECTION_KINDS), None)

    def section_of(self, path: str) -> OutlineNode | None:
        node = self.by_path[path]
        return node if node.kind in SECTION_KINDS else self.section_above(path)

    def position(self, path: str) -> int:
        return self.order.index(self.by_path[path])


@dataclass
class KindChanges:
    """What an import does to one kind of content, for people to read."""

    new: list[dict[str, str]] = field(default_factory=list)
    moved: list[dict[str, str]] = field(default_factory=list)
    changed: list[dict[str, str]] = field(default_factory=list)
    gone: list[dict[str, str]] = field(default_factory=list)
    kept: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "new": self.new,
            "moved": self.moved,
            "changed": self.changed,
            "gone": self.gone,
            "kept": self.kept,
        }


@dataclass
class Diff:
    """The matching of the stored content with the draft, by kind."""

    sections: Matching[Section, OutlineNode]
    tasks: Matching[Task, OutlineNode]
    measures: Matching[Measure, OutlineNode]
    indicators: Matching[Indicator, Target]
    milestones: Matching[Milestone, DraftMilestone]
    skipped: list[str]


@dataclass
class ImportPreview:
    """What an import will do, before it does it."""

    source: SourceDocument
    code: str
    plan: Plan | None
    base_version: int | None
    unchanged: bool
    changes: dict[str, KindChanges]
    skipped: list[str]

    @property
    def is_new_plan(self) -> bool:
        return self.plan is None

    @property
    def next_version(self) -> int:
        return (self.base_version or 0) + 1

    def report(self) -> dict[str, Any]:
        return {
            "plan": self.code,
            "file": self.source.filename,
            "checksum": self.source.checksum,
            "new_plan": self.is_new_plan,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
            **{kind: self.changes[kind].as_dict() for kind in KINDS},
        }


def _measure_text(node: OutlineNode) -> str:
    return node.text or node.title


def _label(number: str, title: str) -> dict[str, str]:
    return {"number": number, "title": title}


def _diff(plan: Plan | None, index: DraftIndex) -> Diff:
    """Match what the plan holds now with what the draft brings."""
    draft = index.draft

    def current(model: type[Model], order: str = "position") -> list[Any]:
        if plan is None:
            return []
        manager: Any = model.objects  # type: ignore[attr-defined]
        return list(manager.current().filter(plan=plan).order_by(order, "id"))

    sections = match_items(
        [Item(s, s.number, s.title, s.text, s.kind) for s in current(Section)],
        [Item(n, n.number, n.title, n.text, n.kind) for n in index.of_kind(*SECTION_KINDS)],
    )
    tasks = match_items(
        [Item(t, t.number, t.title, t.text) for t in current(Task)],
        [Item(n, n.number, n.title, n.text) for n in index.of_kind("task")],
    )

    # Measures are matched within each surviving task; those of new tasks are
    # new, those of gone tasks are gone.
    old_measures: dict[int, list[Measure]] = defaultdict(list)
    for measure in current(Measure):
        old_measures[measure.task_id].append(measure)
    new_measures: dict[str, list[OutlineNode]] = defaultdict(list)
    skipped: list[str] = []
    for node in index.of_kind("measure"):
        task = index.task_of(node.path)
        if task is None:
            skipped.append(node.path)
        else:
            new_measures[task.path].append(node)
    measures: Matching[Measure, OutlineNode] = Matching()
    for old_task, new_task in tasks.pairs:
        matched = match_items(
            [Item(m, m.number, m.text) for m in old_measures.pop(old_task.ref.pk, [])],
            [Item(n, n.number, _measure_text(n)) for n in new_measures.pop(new_task.ref.path, [])],
        )
        measures.pairs += matched.pairs
        measures.new += matched.new
        measures.gone += matched.gone
    measures.new += [
        Item(n, n.number, _measure_text(n)) for ns in new_measures.values() for n in ns
    ]
    measures.gone += [Item(m, m.number, m.text) for ms in old_measures.values() for m in ms]

    # Indicators the office added are not the document's: never matched, never retired.
    old_indicators = [i for i in current(Indicator, "id") if i.origin == IndicatorOrigin.PLAN]
    indicators = match_items(
        [Item(i, "", i.name, i.sentence, i.unit) for i in old_indicators],
        [Item(t, "", t.indicator, t.sentence, t.unit) for t in draft.targets],
    )
    milestones = match_items(
        [Item(m, str(m.year or ""), m.title, m.sentence) for m in current(Milestone, "id")],
        [Item(m, str(m.year), m.title, m.sentence) for m in draft.milestones],
    )
    return Diff(sections, tasks, measures, indicators, milestones, skipped)


def _statement(target: Target) -> dict[str, Any]:
    """The target as the document states it, in a form JSON keeps exactly."""
    return {
        "value": str(_decimal(target.value)),
        "year": target.year,
        "comparator": target.comparator,
        "unit": target.unit,
        "kind": target.kind,
        "aspirational": target.aspirational,
        "baseline": (
            [str(_decimal(target.baseline.value)), target.baseline.year]
            if target.baseline
            else None
        ),
    }


def _target_fields(target: Target) -> dict[str, Any]:
    return {
        "unit": target.unit,
        "kind": target.kind,
        "target_value": _decimal(target.value),
        "target_year": target.year,
        "comparator": target.comparator,
        "aspirational": target.aspirational,
        "baseline_value": _decimal(target.baseline.value) if target.baseline else None,
        "baseline_year": target.baseline.year if target.baseline else None,
        "stated": _statement(target),
    }


def _target_change(indicator: Indicator, target: Target) -> str | None:
    """How the target moved, for the report; None when it did not. A target
    the document states as before does not move, whatever the office set."""
    if indicator.stated == _statement(target):
        return None
    before = (indicator.target_value, indicator.target_year, indicator.comparator, indicator.unit)
    after = (_decimal(target.value), target.year, target.comparator, target.unit)
    if before == after:
        return None
    return (
        f"{indicator.name}: {before[2]}{_plain(before[0])} {before[3]} ({before[1]}) → "
        f"{after[2]}{_plain(after[0])} {after[3]} ({after[1]})"
    )


def _plain(value: Decimal | None) -> str:
    """80000000.000000 → 80000000; 23.50 → 23.5."""
    if value is None:
        return "—"
    return format(value.normalize(), "f")


def _numbered_changes(matching: Matching[Any, OutlineNode]) -> KindChanges:
    """Sections and tasks: numbered, so they can move."""
    report = KindChanges(
        new=[_label(i.ref.number, i.ref.title) for i in matching.new],
        gone=[_label(i.ref.number, i.ref.title) for i in matching.gone],
    )
    for old, node in ((o.ref, n.ref) for o, n in matching.pairs):
        if old.number != node.number:
            report.moved.append({"from": old.number, "to": node.number, "title": node.title})
        elif old.title != node.title or old.text != node.text:
            report.changed.append(_label(node.number, node.title))
        else:
            report.kept += 1
    return report


def _measure_changes(matching: Matching[Measure, OutlineNode]) -> KindChanges:
    report = KindChanges(
        new=[_label(i.ref.number, _measure_text(i.ref)[:60]) for i in matching.new],
        gone=[_label(i.ref.number, i.ref.text[:60]) for i in matching.gone],
    )
    for measure, node in ((o.ref, n.ref) for o, n in matching.pairs):
        if measure.text != _measure_text(node):
            report.changed.append(_label(node.number, _measure_text(node)[:60]))
        else:
            report.kept += 1
    return report


def _indicator_changes(matching: Matching[Indicator, Target]) -> KindChanges:
    report = KindChanges(
        new=[_label(str(t.ref.year or ""), t.ref.indicator) for t in matching.new],
        gone=[_label(str(i.ref.target_year or ""), i.ref.name) for i in matching.gone],
    )
    for indicator, target in ((o.ref, n.ref) for o, n in matching.pairs):
        change = _target_change(indicator, target)
        if change is not None or indicator.name != target.indicator:
            report.changed.append(_label(str(target.year or ""), change or target.indicator))
        else:
            report.kept += 1
    return report


def _milestone_changes(matching: Matching[Milestone, DraftMilestone]) -> KindChanges:
    report = KindChanges(
        new=[_label(str(m.ref.year), m.ref.title) for m in matching.new],
        gone=[_label(str(m.ref.year or ""), m.ref.title) for m in matching.gone],
    )
    for milestone, drafted in ((o.ref, n.ref) for o, n in matching.pairs):
        if (milestone.title, milestone.year) != (drafted.title, drafted.year):
            report.changed.append(_label(str(drafted.year), drafted.title))
        else:
            report.kept += 1
    return report


def _changes(diff: Diff) -> dict[str, KindChanges]:
    return {
        "sections": _numbered_changes(diff.sections),
        "tasks": _numbered_changes(diff.tasks),
        "measures": _measure_changes(diff.measures),
        "indicators": _indicator_changes(diff.indicators),
        "milestones": _milestone_changes(diff.milestones),
    }


def _is_unchanged(plan: Plan | None, source: SourceDocument) -> bool:
    latest = plan.latest_version if plan is not None else None
    return (
        latest is not None
        and latest.checksum == source.checksum
        and latest.draft == source.draft.to_dict()
    )


def preview_import(source: SourceDocument, *, code: str | None = None) -> ImportPreview:
    """What importing ``source`` into the plan ``code`` (default: from the
    file name) would create, change and retire. Reads only."""
    code = code or default_plan_code(source)
    plan = Plan.objects.filter(code=code).first()
    latest = plan.latest_version if plan is not None else None
    index = DraftIndex(source.draft)
    diff = _diff(plan, index)
    return ImportPreview(
        source=source,
        code=code,
        plan=plan,
        base_version=latest.number if latest is not None else None,
        unchanged=_is_unchanged(plan, source),
        changes=_changes(diff),
        skipped=diff.skipped,
    )


def apply_import(preview: ImportPreview, user: Any | None = None) -> PlanVersion:
    """Apply a preview in one transaction and return the plan's version.

    Refuses (``ImportFailed``) when the plan has changed since the preview;
    returns the latest version untouched when the document is unchanged.
    """
    if user is not None and not permissions.can_edit_plan(user):
        raise PermissionDenied
    with transaction.atomic():
        plan = Plan.objects.select_for_update().filter(code=preview.code).first()
        latest = plan.latest_version if plan is not None else None
        if (latest.number if latest is not None else None) != preview.base_version:
            raise ImportFailed("the plan changed since the preview; run the import again")
        if preview.unchanged and latest is not None:
            return latest
        return _Applier(preview, plan, user).run()


class _Applier:
    """The writes of one import, in dependency order."""

    def __init__(self, preview: ImportPreview, plan: Plan | None, user: Any | None) -> None:
        self.preview = preview
        self.source = preview.source
        self.draft = preview.source.draft
        self.index = DraftIndex(self.draft)
        self.user = user
        self.plan_in = plan
        self.sections: dict[str, Section] = {}
        self.tasks: dict[str, Task] = {}

    def run(self) -> PlanVersion:
        plan = self._plan()
        diff = _diff(self.plan_in, self.index)
        number = self.preview.next_version
        self.version = PlanVersion.objects.create(
            plan=plan,
            number=number,
            filename=self.source.filename,
            checksum=self.source.checksum,
            source_text=self.source.text,
            draft=self.draft.to_dict(),
            imported_by=self.user if getattr(self.user, "is_authenticated", False) else None,
        )
        self.plan = plan
        self.reason = f"import of version {number} ({self.source.filename})"
        # Described before the writes, which update the matched objects in place.
        changes = _changes(diff)
        self._retire(diff)
        self._free_paths(diff)
        self._sections(diff.sections)
        self._tasks(diff.tasks)
        self._measures(diff.measures)
        self._indicators(diff.indicators)
        self._milestones(diff.milestones)
        report = {**self.preview.report(), "version": number}
        report.update({kind: change.as_dict() for kind, change in changes.items()})
        self.version.report = report
        self.version.save(update_fields=["report"])
        logger.info("imported %s as %s", self.source.filename, self.version)
        return self.version

    def _plan(self) -> Plan:
        title = self.draft.title or Path(self.source.filename).stem
        period = self.draft.period
        plan = self.plan_in or Plan(code=self.preview.code)
        changed = _assign(
            plan,
            title=title,
            period_start=period.start if period else None,
            period_end=period.end if period else None,
        )
        if changed or plan.pk is None:
            save_with_history(plan, self.user, "import")
        return plan

    def _save(self, obj: Model, fields: dict[str, Any]) -> None:
        if _assign(obj, **fields) or obj.pk is None:
            save_with_history(obj, self.user, self.reason)

    def _retire(self, diff: Diff) -> None:
        gone: list[list[Item[Any]]] = [
            diff.measures.gone,
            diff.indicators.gone,
            diff.milestones.gone,
            diff.tasks.gone,
            diff.sections.gone,
        ]
        for items in gone:
            for item in items:
                item.ref.retired_in = self.version
                save_with_history(item.ref, self.user, self.reason, ["retired_in"])

    def _free_paths(self, diff: Diff) -> None:
        """Current paths are unique: move surviving items whose path changes
        out of the way first, so that swaps and shifts do not collide."""
        for model, matching in (
            (Section, diff.sections),
            (Task, diff.tasks),
            (Measure, diff.measures),
        ):
            moving = [old.ref.pk for old, new in matching.pairs if old.ref.path != new.ref.path]
            if moving:
                # A transient value inside the transaction: no history for it.
                model.objects.filter(pk__in=moving).update(
                    path=Concat(Value("~"), Cast("id", CharField()))
                )

    def _content(self, span: tuple[int, int]) -> dict[str, Any]:
        return {"span_start": span[0], "span_end": span[1]}

    def _sections(self, matching: Matching[Section, OutlineNode]) -> None:
        kept = {new.ref.path: old.ref for old, new in matching.pairs}
        for position, node in enumerate(self.index.order):
            if node.kind not in SECTION_KINDS:
                continue
            parent = self.index.section_above(node.path)
            section = kept.get(node.path) or Section(plan=self.plan, introduced_in=self.version)
            self._save(
                section,
                {
                    "parent": self.sections[parent.path] if parent else None,
                    "kind": node.kind,
                    "number": node.number,
                    "path": node.path,
                    "level": node.level,
                    "title": node.title,
                    "text": node.text,
                    "position": position,
                    **self._content(node.span),
                },
            )
            self.sections[node.path] = section

    def _tasks(self, matching: Matching[Task, OutlineNode]) -> None:
        kept = {new.ref.path: old.ref for old, new in matching.pairs}
        for position, node in enumerate(self.index.order):
            if node.kind != "task":
                continue
            section = self.index.section_above(node.path)
            task = kept.get(node.path) or Task(plan=self.plan, introduced_in=self.version)
            self._save(
                task,
                {
                    "section": self.sections[section.path] if section else None,
                    "number": node.number,
                    "path": node.path,
                    "title": node.title,
                    "text": node.text,
                    "position": position,
                    **self._content(node.span),
                },
            )
            self.tasks[node.path] = task

    def _measures(self, matching: Matching[Measure, OutlineNode]) -> None:
        kept = {new.ref.path: old.ref for old, new in matching.pairs}
        for position, node in enumerate(self.index.order):
            if node.kind != "measure":
                continue
            task = self.index.task_of(node.path)
            if task is None:
                continue  # reported as skipped by the preview
            measure = kept.get(node.path) or Measure(plan=self.plan, introduced_in=self.version)
            self._save(
                measure,
                {
                    "task": self.tasks[task.path],
                    "number": node.number,
                    "path": node.path,
                    "text": _measure_text(node),
                    "position": position,
                    **self._content(node.span),
                },
            )

    def _place(self, path: str) -> dict[str, Any]:
        """The task (or, outside tasks, the section) a target or milestone is in."""
        task = self.index.task_of(path)
        if task is not None:
            return {"task": self.tasks[task.path], "section": None, "node_path": path}
        section = self.index.section_of(path)
        return {
            "task": None,
            "section": self.sections[section.path] if section else None,
            "node_path": path,
        }

    def _indicators(self, matching: Matching[Indicator, Target]) -> None:
        kept = {id(new.ref): old.ref for old, new in matching.pairs}
        for target in self.draft.targets:
            indicator = kept.get(id(target))
            fields: dict[str, Any] = {
                **self._place(target.node),
                "name": target.indicator,
                "sentence": target.sentence,
                **self._content(target.span),
            }
            if indicator is None:
                indicator = Indicator(
                    plan=self.plan,
                    introduced_in=self.version,
                    origin=IndicatorOrigin.PLAN,
                    direction=_direction(target),
                )
                fields.update(_target_fields(target))
            elif indicator.stated != _statement(target):
                fields.update(_target_fields(target))
                if indicator.comparator != target.comparator:
                    fields["direction"] = _direction(target)
            self._save(indicator, fields)

    def _milestones(self, matching: Matching[Milestone, DraftMilestone]) -> None:
        kept = {id(new.ref): old.ref for old, new in matching.pairs}
        for draft_milestone in self.draft.milestones:
            milestone = kept.get(id(draft_milestone)) or Milestone(
                plan=self.plan, introduced_in=self.version
            )
            place = self._place(draft_milestone.node)
            place.pop("section", None)
            self._save(
                milestone,
                {
                    **place,
                    "title": draft_milestone.title,
                    "year": draft_milestone.year,
                    "sentence": draft_milestone.sentence,
                    **self._content(draft_milestone.span),
                },
            )


def _assign(obj: Model, **fields: Any) -> bool:
    """Set the fields that differ; say whether any did."""
    changed = False
    for name, value in fields.items():
        field = obj._meta.get_field(name)
        if field.many_to_one:
            # Compare keys: reading an unset relation of a new object raises.
            before = getattr(obj, field.attname)  # type: ignore[union-attr]
            differs = before is None or value is None or before != value.pk
            differs = differs and not (before is None and value is None)
        else:
            differs = getattr(obj, name) != value
        if differs:
            setattr(obj, name, value)
            changed = True
    return changed


def _decimal(value: float) -> Decimal:
    # repr() gives the shortest text that reads back as the same float:
    # 80000000.0, 1150000000000.0, 23.5 — never 23.499999999.
    number = Decimal(repr(value))
    if not number.is_finite() or abs(number) >= MAX_VALUE:
        raise ImportFailed(f"the value {value!r} cannot be stored")
    return number


def _direction(target: Target) -> Direction:
    falls = target.value < 0 and target.kind in ("growth_rate", "increment")
    return Direction.LOWER if target.comparator == "<=" or falls else Direction.HIGHER
