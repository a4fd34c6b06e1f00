"""The engine bench's synthetic portfolio, written into the configured
PostgreSQL database as one plan, fast enough for ``make bench``.

``load_portfolio(factor)`` takes the arrays of
``bench.engine.synthetic_portfolio(factor)`` (the same deterministic data the
engine bench evaluates: indicator ``i`` belongs to task ``portfolio.task[i]``;
its baseline, target, comparator, direction and flags come from
``portfolio.indicators``; every observation is an approved official figure)
and writes:

- one plan (``bench``, 2021–2027: the engine's 2020 baselines are the year
  before it begins) and one version;
- sections (100 at ``SCALE`` 1, one level), tasks spread evenly over them;
- units (500 at ``SCALE`` 1) and their responsibilities: each task one lead
  unit and 0–2 cooperating units;
- indicators and observations;
- a quarterly reporting schedule over 2025–2026 (periods from
  ``progress.services.periods.period_bounds``) and, for the periods due
  before ``today``, the reports of most units: most on time, some late, some
  partly, a few none — and one unit never reports on the latest due period,
  so the dashboard's "units that have not reported" list is never empty;
- one leader (``LEADER_USERNAME`` / ``LEADER_PASSWORD``).

The big tables (tasks, responsibilities, indicators, observations, reports)
go in with PostgreSQL ``COPY`` through psycopg 3, their foreign keys and
plain indexes dropped for the load and created again before the commit
(each key checked once, by one join); the small ones with the ORM. Tables
and columns are read from the models' ``_meta``; a column this module does
not fill gets its field's Python default (``recorded_at``, ``version``, JSON
fields, blank text), and a NOT NULL column without one stops the load
naming it. No history rows are written for the copied rows.
"""

from __future__ import annotations

import datetime
import itertools
import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
import numpy.typing as npt

from bench.engine import SEED, synthetic_portfolio

TASKS = 10_000
SECTIONS = 100
UNITS = 500
PLAN_CODE = "bench"
FIRST_YEAR, LAST_YEAR = 2021, 2027
REPORTING_YEARS = (2025, 2026)
DUE_DAYS = 10
LEADER_USERNAME = "bench-leader"
LEADER_PASSWORD = "bench-leader-password"  # noqa: S105 — a throwaway benchmark database
CHUNK_ROWS = 200_000
UNITS_OF_MEASURE = ("万吨", "%", "个", "亿元", "万人次")
# What a unit does for a due period: all on time, all late, part, nothing.
REPORTING_ODDS = (0.86, 0.06, 0.04, 0.04)
ESCALATING = 0.0005  # share of reports referring a problem to the leading group
SITE_OFFSET = "+08"  # submissions at 10:00 in the site's time zone (Asia/Shanghai)


@dataclass(frozen=True)
class BenchPlan:
    plan: Any  # actionplan.plans.models.Plan
    username: str
    password: str
    sections: int
    tasks: int
    units: int
    responsibilities: int
    indicators: int
    observations: int
    periods: int
    reports: int


# --- COPY ---------------------------------------------------------------------------


def _text(value: object) -> str:
    """A value in COPY's text format."""
    if value is None:
        return r"\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    if isinstance(value, datetime.date):  # datetimes too
        return value.isoformat()
    if isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, int | float | Decimal):
        return str(value)
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace("\t", "\\t")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
    )


def _defaults(model: Any, given: set[str]) -> dict[str, str]:
    """column → COPY text of the Python default, for the concrete columns
    not in ``given`` (the auto primary key is left to the database)."""
    filled = {}
    for field in model._meta.concrete_fields:
        if field.column in given or (field.primary_key and field.auto_created):
            continue
        default = field.get_default()
        if default is None and not field.null:
            raise ValueError(
                f"{model._meta.label}.{field.name} is NOT NULL and has no default: "
                "bench/postgres_portfolio.py must fill it"
            )
        filled[field.column] = _text(default)
    return filled


def copy_rows(model: Any, columns: dict[str, Sequence[str]]) -> int:
    """COPY rows into ``model``'s table. ``columns`` maps field names (or
    attnames) to equally long sequences of values already in COPY text
    format; every other column gets its field's default. The row count."""
    from django.db import connection

    meta = model._meta
    names = [meta.get_field(name).column for name in columns]
    constants = _defaults(model, set(names))
    quote = connection.ops.quote_name
    table_columns = ", ".join(quote(c) for c in [*names, *constants])
    sql = f"COPY {quote(meta.db_table)} ({table_columns}) FROM STDIN"
    suffix = "".join("\t" + text for text in constants.values()) + "\n"
    lengths = {len(values) for values in columns.values()}
    if len(lengths) != 1:
        raise ValueError(f"columns of unequal length for {meta.label}: {sorted(lengths)}")
    (n,) = lengths
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for chunk in _chunks(columns.values(), n, suffix):
            copy.write(chunk)
    return n


def _chunks(columns: Iterable[Sequence[str]], n: int, suffix: str) -> Iterator[str]:
    rows = zip(*columns, strict=True)
    for _start in range(0, n, CHUNK_ROWS):
        block = itertools.islice(rows, CHUNK_ROWS)
        yield "".join("\t".join(row) + suffix for row in block)


def _reserve_ids(model: Any, n: int) -> npt.NDArray[np.int64]:
    """``n`` fresh primary keys above the table's largest (the sequence is
    moved past them by ``_reset_sequences``)."""
    from django.db import connection

    quote = connection.ops.quote_name
    table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX({pk}), 0) FROM {table}")  # noqa: S608 — names from _meta
        (largest,) = cursor.fetchone()
    return np.arange(largest + 1, largest + 1 + n, dtype=np.int64)


def _reset_sequences(models: Sequence[Any]) -> None:
    from django.core.management.color import no_style
    from django.db import connection

    with connection.cursor() as cursor:
        for statement in connection.ops.sequence_reset_sql(no_style(), list(models)):
            cursor.execute(statement)


def _strings(values: npt.NDArray[Any]) -> list[str]:
    return [str(v) for v in values.tolist()]


def _nullable(values: npt.NDArray[np.float64], fmt: str = "{:.6f}") -> list[str]:
    return [r"\N" if v != v else fmt.format(v) for v in values.tolist()]


def _days(ordinals: npt.NDArray[np.int64]) -> list[str]:
    """Date ordinals as ISO dates, through a lookup table of the days spanned."""
    low = int(ordinals.min())
    table = np.array(
        [datetime.date.fromordinal(d).isoformat() for d in range(low, int(ordinals.max()) + 1)]
    )
    result: list[str] = table[ordinals - low].tolist()
    return result


@contextmanager
def _keys_and_indexes_afterwards(models: Sequence[Any]) -> Iterator[None]:
    """Drop the foreign keys and the plain indexes of the tables of
    ``models`` and create them again, from their own definitions
    (``pg_get_constraintdef``, ``pg_get_indexdef``), on leaving: as
    ``pg_restore`` does. A key added to full tables is checked by one join
    instead of a deferred trigger per row at commit, and an index is built
    once instead of row by row. Indexes behind constraints (primary keys)
    stay."""
    from django.db import connection

    tables = [model._meta.db_table for model in models]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(%s::regclass[]) "
            "ORDER BY conrelid, conname",
            [tables],
        )
        keys = cursor.fetchall()
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index i "
            "WHERE indrelid = ANY(%s::regclass[]) "
            "AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) "
            "ORDER BY indexrelid",
            [tables],
        )
        indexes = cursor.fetchall()
        for table, name, _definition in keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
        for name, _definition in indexes:
            cursor.execute(f"DROP INDEX {name}")
    yield
    with connection.cursor() as cursor:
        for _name, definition in indexes:
            cursor.execute(definition)
        for table, name, definition in keys:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")


# --- The portfolio ------------------------------------------------------------------


def load_portfolio(factor: float, today: datetime.date | None = None) -> BenchPlan:
    """Write the synthetic portfolio at ``factor`` into the configured
    (PostgreSQL) database in one transaction; reports for the periods due
    before ``today`` (default: the site's today)."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from actionplan.engine import COMPARATOR_SYMBOLS, QUALIFIER_NAMES, Comparator
    from actionplan.plans.models import (
        Indicator,
        Observation,
        Plan,
        PlanVersion,
        Responsibility,
        ReviewState,
        Role,
        Section,
        SectionKind,
        SourceQuality,
        Task,
        Unit,
    )
    from actionplan.plans.services.roles import grant_role
    from actionplan.progress.models import Frequency, Period, Report, Schedule
    from actionplan.progress.services.periods import period_bounds

    today = today or timezone.localdate()
    portfolio = synthetic_portfolio(factor)
    rng = np.random.default_rng(SEED + 1)
    n_tasks = max(1, round(TASKS * factor))
    n_sections = max(1, min(n_tasks, round(SECTIONS * factor)))
    n_units = max(10, round(UNITS * factor))
    ind = portfolio.indicators
    obs = portfolio.observations

    copied = [Task, Responsibility, Indicator, Observation, Report]
    with transaction.atomic(), _keys_and_indexes_afterwards(copied):
        plan = Plan.objects.create(
            code=PLAN_CODE,
            title="基准测试行动计划(合成数据)",
            title_en="Benchmark action plan (synthetic data)",
            issuer="bench",
            period_start=FIRST_YEAR,
            period_end=LAST_YEAR,
            note="Synthetic portfolio of bench/engine.py, for benchmarks only.",
        )
        version = PlanVersion.objects.create(
            plan=plan, number=1, filename="bench", checksum="0" * 64, source_text="", draft={}
        )

        # Sections and tasks: section s, then its tasks, in document order.
        section_of_task = np.arange(n_tasks) * n_sections // n_tasks
        tasks_before = np.searchsorted(section_of_task, np.arange(n_sections))
        sections = Section.objects.bulk_create(
            Section(
                plan=plan,
                introduced_in=version,
                kind=SectionKind.SECTION,
                number=str(s + 1),
                path=str(s + 1),
                level=1,
                title=f"第{s + 1}部分 重点领域{s + 1}",
                position=int(tasks_before[s]) + s,
            )
            for s in range(n_sections)
        )
        section_ids = np.array([s.pk for s in sections], dtype=np.int64)
        task_ids = _reserve_ids(Task, n_tasks)
        numbers = _strings(np.arange(1, n_tasks + 1))
        copy_rows(
            Task,
            {
                "id": _strings(task_ids),
                "plan": [str(plan.pk)] * n_tasks,
                "introduced_in": [str(version.pk)] * n_tasks,
                "section": _strings(section_ids[section_of_task]),
                "number": numbers,
                "path": [
                    f"{s + 1}.{t}" for s, t in zip(section_of_task.tolist(), numbers, strict=True)
                ],
                "title": [f"重点任务{t}" for t in numbers],
                "position": _strings(np.arange(n_tasks) + section_of_task + 1),
            },
        )

        units = Unit.objects.bulk_create(
            Unit(name_zh=f"基准单位{u + 1:03d}", name_en=f"Bench unit {u + 1}")
            for u in range(n_units)
        )
        unit_ids = np.array([u.pk for u in units], dtype=np.int64)
        # Each task: a lead unit and 0–2 other units cooperating.
        cooperating = rng.integers(0, 3, n_tasks)
        on_task: list[tuple[int, int, str]] = []  # (task row, unit row, role)
        for t in range(n_tasks):
            chosen = rng.choice(n_units, 1 + int(cooperating[t]), replace=False).tolist()
            on_task.append((t, chosen[0], "lead"))
            on_task.extend((t, u, "cooperating") for u in chosen[1:])
        copy_rows(
            Responsibility,
            {
                "unit": [str(unit_ids[u]) for _t, u, _r in on_task],
                "role": [r for _t, _u, r in on_task],
                "task": [str(task_ids[t]) for t, _u, _r in on_task],
                "illustrative": ["t"] * len(on_task),
            },
        )

        n = ind.size
        indicator_ids = _reserve_ids(Indicator, n)
        symbol = {code: text for text, code in COMPARATOR_SYMBOLS.items()}
        has_target = ind.comparator != Comparator.NONE
        has_baseline = np.isfinite(ind.baseline_value)
        copy_rows(
            Indicator,
            {
                "id": _strings(indicator_ids),
                "plan": [str(plan.pk)] * n,
                "introduced_in": [str(version.pk)] * n,
                "task": _strings(task_ids[portfolio.task]),
                "code": [f"b{i + 1:06d}" for i in range(n)],
                "name": [f"合成指标{i + 1}" for i in range(n)],
                "unit": [UNITS_OF_MEASURE[i % len(UNITS_OF_MEASURE)] for i in range(n)],
                "direction": ["lower" if d < 0 else "higher" for d in ind.direction.tolist()],
                "baseline_value": _nullable(ind.baseline_value),
                "baseline_year": [
                    str(y) if b else r"\N"
                    for y, b in zip(ind.baseline_year.tolist(), has_baseline.tolist(), strict=True)
                ],
                "target_value": _nullable(np.where(has_target, ind.target_value, np.nan)),
                "target_year": [
                    str(y) if t else r"\N"
                    for y, t in zip(ind.target_year.tolist(), has_target.tolist(), strict=True)
                ],
                "comparator": [symbol[Comparator(c)] for c in ind.comparator.tolist()],
                "aspirational": ["t" if a else "f" for a in ind.aspirational.tolist()],
                "binding": ["t" if b else "f" for b in ind.binding.tolist()],
            },
        )

        m = obs.size
        qualifier = {code: text for text, code in QUALIFIER_NAMES.items()}
        copy_rows(
            Observation,
            {
                "indicator": _strings(indicator_ids[obs.indicator]),
                "value": [f"{v:.6f}" for v in obs.value.tolist()],
                "period_start": _days(obs.start),
                "period_end": _days(obs.end),
                "qualifier": [qualifier[q] for q in obs.qualifier.tolist()],
                "source_quality": [SourceQuality.OFFICIAL.value] * m,
                "state": [ReviewState.APPROVED.value] * m,
            },
        )
        _reset_sequences([Task, Indicator])

        Schedule.objects.create(plan=plan, frequency=Frequency.QUARTER, due_days=DUE_DAYS)
        periods = Period.objects.bulk_create(
            Period(plan=plan, start=start, end=end, due=end + datetime.timedelta(days=DUE_DAYS))
            for start, end in period_bounds(*REPORTING_YEARS, Frequency.QUARTER)
        )
        reports = _reports(periods, on_task, task_ids, unit_ids, today, rng)
        copy_rows(Report, reports)

        leader = get_user_model().objects.create_user(
            username=LEADER_USERNAME, password=LEADER_PASSWORD, first_name="基准领导"
        )
        grant_role(None, leader, Role.LEADER)

    return BenchPlan(
        plan=plan,
        username=LEADER_USERNAME,
        password=LEADER_PASSWORD,
        sections=n_sections,
        tasks=n_tasks,
        units=n_units,
        responsibilities=len(on_task),
        indicators=n,
        observations=m,
        periods=len(periods),
        reports=len(reports["task"]),
    )


def _reports(
    periods: Sequence[Any],
    on_task: Sequence[tuple[int, int, str]],
    task_ids: npt.NDArray[np.int64],
    unit_ids: npt.NDArray[np.int64],
    today: datetime.date,
    rng: np.random.Generator,
) -> dict[str, list[str]]:
    """The report columns: per period due before ``today`` and per unit,
    all its tasks reported on time, all late, about half, or none; the
    latest due period's reports wait for review, earlier ones are approved.
    Now and then a report refers a problem to the leading group."""
    tasks_of_unit: dict[int, list[int]] = {}
    for t, u, _role in on_task:
        tasks_of_unit.setdefault(u, []).append(t)
    units = sorted(tasks_of_unit)
    due = [p for p in periods if p.due < today]
    row_period: list[int] = []  # index into ``due``
    row_unit: list[int] = []
    row_task: list[int] = []
    row_late: list[bool] = []
    for number in range(len(due)):
        behaviours = rng.choice(len(REPORTING_ODDS), size=len(units), p=REPORTING_ODDS)
        if number == len(due) - 1:
            behaviours[-1] = 3  # one unit is always silent on the latest due period
        for u, behaviour in zip(units, behaviours.tolist(), strict=True):
            tasks = tasks_of_unit[u]
            if behaviour == 2:
                tasks = tasks[: len(tasks) // 2]
            elif behaviour == 3:
                tasks = []
            row_period.extend([number] * len(tasks))
            row_unit.extend([u] * len(tasks))
            row_task.extend(tasks)
            row_late.extend([behaviour == 1] * len(tasks))
    n = len(row_task)
    number = np.array(row_period, dtype=np.int64)
    latest = number == len(due) - 1
    late = np.array(row_late, dtype=np.bool_)
    escalate = rng.random(n) < ESCALATING
    percent = np.minimum(100, 10 * (number + 1) + rng.integers(0, 10, n))

    def moment(period: Any, days: int) -> str:
        return f"{(period.end + datetime.timedelta(days=days)).isoformat()} 10:00:00{SITE_OFFSET}"

    on_time = [moment(p, 5) for p in due]
    after_due = [moment(p, DUE_DAYS + 7) for p in due]
    reviewed = [moment(p, 7) for p in due]
    reviewed_late = [moment(p, DUE_DAYS + 9) for p in due]
    return {
        "period": [str(due[k].pk) for k in row_period],
        "unit": _strings(unit_ids[np.array(row_unit, dtype=np.int64)]) if n else [],
        "task": _strings(task_ids[np.array(row_task, dtype=np.int64)]) if n else [],
        "status": [
            "stalled" if e else "done" if p == 100 else "in_progress"
            for e, p in zip(escalate.tolist(), percent.tolist(), strict=True)
        ],
        "percent_complete": _strings(percent),
        "done": [f"第{t + 1}项任务本期工作推进。(合成数据)" for t in row_task],
        "problems": ["需协调多个部门,报请领导小组研究。" if e else "" for e in escalate.tolist()],
        "escalate": ["t" if e else "f" for e in escalate.tolist()],
        "state": ["submitted" if x else "approved" for x in latest.tolist()],
        "submitted_at": [
            after_due[k] if x else on_time[k]
            for k, x in zip(row_period, late.tolist(), strict=True)
        ],
        "reviewed_at": [
            r"\N" if last else reviewed_late[k] if x else reviewed[k]
            for k, x, last in zip(row_period, late.tolist(), latest.tolist(), strict=True)
        ],
    }
