"""``actionplan breakdown export|import``: the task breakdown table (任务分解表)
as an .xlsx workbook, out to the office and back in once filled in.

Thin: the work is in ``actionplan.plans.breakdown``. Bad input is printed as
a table of problems (sheet, row, column) with exit status 2, never a
traceback; nothing is written unless the whole file is good.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from actionplan.plans.breakdown import Change, Problem
    from actionplan.plans.models import Plan

# Wide enough that a message stays on one line when the output is a file or a pipe.
PIPE_WIDTH = 240


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "breakdown",
        help="export a plan's task breakdown table (.xlsx) or import it back once filled in",
        description=(
            "The task breakdown table (任务分解表): one row per task and measure with its lead "
            "and cooperating units and deadline, and a sheet of indicators with their baselines "
            "and targets."
        ),
    )
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    export = actions.add_parser("export", help="write the plan's breakdown table as .xlsx")
    export.add_argument("plan", metavar="PLAN", help="the plan's code")
    export.add_argument(
        "--out",
        metavar="FILE",
        type=Path,
        help="where to write it (default: PLAN-breakdown.xlsx; - for standard output)",
    )
    export.set_defaults(run=run_export)
    imported = actions.add_parser(
        "import",
        help="import a filled-in breakdown table; nothing is written unless all of it is good",
    )
    imported.add_argument("plan", metavar="PLAN", help="the plan's code")
    imported.add_argument("file", metavar="FILE", type=Path, help="the .xlsx workbook")
    imported.add_argument(
        "--dry-run", action="store_true", help="check the file and show what would change"
    )
    imported.set_defaults(run=run_import)


def _plan(command: str, code: str) -> Plan | int:
    """The plan, or the exit status of a refusal."""
    from django.db import DatabaseError

    from actionplan.cli.django_cmds import fail
    from actionplan.plans.models import Plan

    try:
        plan = Plan.objects.filter(code=code).first()
        known = [] if plan else list(Plan.objects.values_list("code", flat=True)[:20])
    except DatabaseError as exc:
        return fail(command, f"the database is not ready ({_one_line(exc)})")
    if plan is None:
        return fail(command, f"no plan {code!r}; plans: {', '.join(known) or 'none yet'}")
    return plan


def run_export(args: argparse.Namespace) -> int:
    from actionplan.cli.django_cmds import SetupFailed, fail, setup_django

    command = "breakdown export"
    try:
        setup_django()
    except SetupFailed as exc:
        return fail(command, str(exc))
    from actionplan.plans.breakdown import export_breakdown, export_filename

    plan = _plan(command, args.plan)
    if isinstance(plan, int):
        return plan
    out: Path = args.out or Path(export_filename(plan))
    to_stdout = str(out) == "-"
    if to_stdout and sys.stdout.isatty():
        return fail(command, "not writing a workbook to a terminal; redirect it or pass --out FILE")
    try:
        data = export_breakdown(None, plan)
        if to_stdout:
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            out.write_bytes(data)
    except OSError as exc:
        return fail(command, f"{out}: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 — one line, never a traceback
        return fail(command, f"the export failed ({type(exc).__name__}: {_one_line(exc)})")
    if not to_stdout:
        print(f"Wrote {out}: the task breakdown table of {plan.code}.")  # noqa: T201
    return 0


def run_import(args: argparse.Namespace) -> int:
    from actionplan.cli.django_cmds import SetupFailed, fail, setup_django

    command = "breakdown import"
    path: Path = args.file
    name = path.name or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        return fail(command, f"{path}: {exc.strerror or exc}")
    try:
        setup_django()
    except SetupFailed as exc:
        return fail(command, str(exc))
    from django.utils import translation
    from rich.console import Console

    from actionplan.plans.breakdown import import_breakdown

    plan = _plan(command, args.plan)
    if isinstance(plan, int):
        return plan
    console = Console(soft_wrap=True)
    if not console.is_terminal:
        console.width = PIPE_WIDTH
    # The command line speaks English, like the other commands.
    with translation.override("en"):
        try:
            result = import_breakdown(None, plan, data, filename=name, dry_run=args.dry_run)
        except Exception as exc:  # noqa: BLE001 — one line, never a traceback
            return fail(
                command,
                f"{name}: the import failed and nothing was changed "
                f"({type(exc).__name__}: {_one_line(exc)})",
            )
    if result.problems:
        show_problems(console, result.problems, f"{name}: problems")
        if result.notices:
            show_problems(console, result.notices, "Notes")
        count = len(result.problems)
        return fail(
            command, f"{name}: {count} problem{'s' if count != 1 else ''}; nothing was imported"
        )
    if result.changes:
        show_changes(console, result.changes, name)
    if result.notices:
        show_problems(console, result.notices, "Notes")
    if not result.changes:
        console.print(f"No changes: plan {plan.code} already says what {name} says.")
    elif result.dry_run:
        console.print(f"Dry run: {len(result.changes)} changes found; nothing was written.")
    else:
        console.print(f"Imported {name} into plan {plan.code}: {len(result.changes)} changes.")
    return 0


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__


def show_problems(console: Console, problems: list[Problem], title: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table("sheet", "row", "column", "problem", title=escape(title), title_justify="left")
    for problem in problems:
        table.add_row(
            escape(problem.sheet_label),
            problem.row_label,
            escape(problem.column_label),
            escape(problem.message),
        )
    console.print(table)


def show_changes(console: Console, changes: list[Change], name: str) -> None:
    from rich.markup import escape
    from rich.table import Table

    table = Table(
        "sheet",
        "row",
        "item",
        "column",
        "before",
        "after",
        title=escape(name),
        title_justify="left",
    )
    for change in changes:
        table.add_row(
            escape(change.sheet),
            str(change.row),
            escape(change.item),
            escape(change.field),
            escape(change.before) or "—",
            escape(change.after) or "—",
        )
    console.print(table)
