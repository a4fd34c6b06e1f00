"""``actionplan extract FILE [--format json|yaml|table] [--out PATH]``.

Reads a plan document (.txt in UTF-8 / UTF-8 with BOM / GB18030, or .docx)
and prints its PlanDraft. Without FILE it reads the embedded default plan.
Problems give one line on stderr, ``actionplan extract: <file>: <problem>``,
and exit code 2; never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from actionplan.extract import ExtractError, extract_plan, read_document
from actionplan.extract.render import FORMATS, Format, render
from actionplan.extract.seed import SEED_FILE, seed_bytes

EXIT_PROBLEM = 2


def register(subparsers: Any) -> None:
    parser: argparse.ArgumentParser = subparsers.add_parser(
        "extract",
        help="read a plan document into a draft plan (outline, targets, milestones)",
        description=(
            "Read a plan document (.txt or .docx) and print its draft plan: the outline, "
            "quantitative targets and milestones, each with the span of the text it came from."
        ),
    )
    parser.add_argument(
        "file",
        metavar="FILE",
        nargs="?",
        help="the plan document (.txt or .docx); default: the embedded Guangzhou plan",
    )
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="json",
        help="json (default; schema actionplan.plan-draft/1), yaml, or table (a terminal view)",
    )
    parser.add_argument("--out", metavar="PATH", help="write to PATH instead of standard output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    label = args.file or SEED_FILE
    output_format: Format = args.format
    try:
        text = read_document(args.file) if args.file else read_document(seed_bytes(), SEED_FILE)
        draft = extract_plan(text)
    except ExtractError as error:
        return _fail(label, str(error))
    color = args.out is None and output_format == "table" and sys.stdout.isatty()
    output = render(draft, output_format, color=color)
    if args.out is None:
        sys.stdout.write(output)
        return 0
    try:
        Path(args.out).write_text(output, encoding="utf-8")
    except OSError as error:
        return _fail(args.out, f"cannot write the output ({error.strerror})")
    return 0


def _fail(label: str, problem: str) -> int:
    sys.stderr.write(f"actionplan extract: {label}: {problem}\n")
    return EXIT_PROBLEM
