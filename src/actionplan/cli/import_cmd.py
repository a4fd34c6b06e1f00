"""``actionplan import FILE``: preview what a plan document (or a PlanDraft
JSON) will create or change, confirm, and apply it in one transaction."""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.console import Console

    from actionplan.plans.services.importing import ImportPreview

CODE = re.compile(r"[a-z0-9][a-z0-9_-]{0,79}")
KIND_LABELS = {
    "sections": "sections",
    "tasks": "tasks",
    "measures": "measures",
    "indicators": "indicators (targets)",
    "milestones": "milestones",
}
LIST_LIMIT = 40


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import a plan document (.txt, .docx) or a PlanDraft (.json) into the database",
        description=(
            "Show what the file will create (or, for a plan already imported, what moved, "
            "what is new and what is gone), ask to confirm, and apply it in one transaction. "
            "A failed import changes nothing."
        ),
    )
    parser.add_argument("file", type=Path, help="the plan document or PlanDraft JSON")
    parser.add_argument(
        "--plan",
        metavar="CODE",
        help="the plan to create or revise (default: from the file name)",
    )
    parser.add_argument("--yes", action="store_true", help="apply without asking")
    parser.add_argument("--dry-run", action="store_true", help="show what would change and stop")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from actionplan.cli.django_cmds import SetupFailed, fail, setup_django

    path: Path = args.file
    name = path.name or str(path)
    if args.plan is not None and not CODE.fullmatch(args.plan):
        return fail("import", f"--plan {args.plan!r}: use lowercase letters, digits and hyphens")
    try:
        setup_django()
    except SetupFailed as exc:
        return fail("import", str(exc))

    from django.db import DatabaseError
    from rich.console import Console
    from rich.prompt import Confirm

    from actionplan.plans.services.importing import apply_import, preview_import
    from actionplan.plans.sources import ImportFailed, read_source

    console = Console(soft_wrap=True)
    try:
        preview = preview_import(read_source(path), code=args.plan)
    except ImportFailed as exc:
        return fail("import", f"{name}: {exc}")
    except DatabaseError as exc:
        return fail("import", f"{name}: the database is not ready ({_one_line(exc)})")

    show_preview(console, preview)
    if preview.unchanged:
        console.print(
            f"Unchanged: plan {preview.code} version {preview.base_version} "
            "already holds this document. Nothing to do."
        )
        return 0
    if args.dry_run:
        console.print("Dry run: nothing was written.")
        return 0
    if not args.yes:
        if not sys.stdin.isatty():
            return fail("import", f"{name}: not applied; confirm on a terminal or pass --yes")
        try:
            confirmed = Confirm.ask("Apply this import?", console=console, default=False)
        except (KeyboardInterrupt, EOFError):
            confirmed = False
        if not confirmed:
            console.print("\nNothing was imported.")
            return 1

    try:
        version = apply_import(preview)
    except ImportFailed as exc:
        return fail("import", f"{name}: {exc}")
    except Exception as exc:  # noqa: BLE001 — the promise is one line, never a traceback
        return fail(
            "import",
            f"{name}: the import failed and nothing was changed "
            f"({type(exc).__name__}: {_one_line(exc)})",
        )
    console.print(f"Imported {name} as plan {version.plan.code}, version {version.number}.")
    return 0


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    return text[:300] or type(exc).__name__


def show_preview(console: Console, preview: ImportPreview) -> None:
    from rich.markup import escape
    from rich.table import Table

    title = escape(preview.source.draft.title)
    if preview.is_new_plan:
        console.print(f"New plan [bold]{preview.code}[/]: {title} (version 1)")
    else:
        console.print(
            f"Plan [bold]{preview.code}[/]: {title} "
            f"(version {preview.base_version} → {preview.next_version})"
        )
    table = Table(
        "", "new", "moved", "changed", "gone", "kept", title=escape(preview.source.filename)
    )
    for kind, label in KIND_LABELS.items():
        change = preview.changes[kind]
        table.add_row(
            label,
            str(len(change.new)),
            str(len(change.moved)),
            str(len(change.changed)),
            str(len(change.gone)),
            str(change.kept),
        )
    console.print(table)
    if preview.unchanged:
        return
    tasks = preview.changes["tasks"]
    lines = [f"  moved  {m['from']} → {m['to']}  {m['title']}" for m in tasks.moved]
    if not preview.is_new_plan:
        lines += [f"  new    {t['number']}  {t['title']}" for t in tasks.new]
    lines += [f"  gone   {t['number']}  {t['title']}" for t in tasks.gone]
    if lines:
        console.print("Tasks:")
        _print_lines(console, lines)
    indicators = preview.changes["indicators"]
    lines = [f"  new      {t['title']} ({t['number']})" for t in indicators.new]
    lines += [f"  changed  {t['title']}" for t in indicators.changed]
    lines += [f"  gone     {t['title']} ({t['number']})" for t in indicators.gone]
    if lines:
        console.print("Indicators:")
        _print_lines(console, lines)
    if preview.skipped:
        console.print(
            f"Skipped {len(preview.skipped)} measure(s) outside any task: "
            + ", ".join(preview.skipped[:10]),
            markup=False,
        )


def _print_lines(console: Console, lines: list[str]) -> None:
    for line in lines[:LIST_LIMIT]:
        console.print(line, markup=False, highlight=False)
    if len(lines) > LIST_LIMIT:
        console.print(f"  … and {len(lines) - LIST_LIMIT} more")
