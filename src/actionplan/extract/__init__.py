"""actionplan.extract — the text of an action plan in, a ``PlanDraft`` out.

Pure Python: no Django, no database. The public API::

    extract_plan(text) -> PlanDraft        the text as given; spans index into it
    read_document(path_or_bytes) -> str    .txt (UTF-8, UTF-8 BOM, GB18030) or .docx
    extract_file(path) -> PlanDraft        read_document + extract_plan

Errors (all ``ExtractError``; ``UnreadableDocument`` for files that cannot be
read) carry a one-line message fit to show a user.
"""

from __future__ import annotations

import pathlib

from actionplan.extract.draft import (
    COMPARATORS,
    NODE_KINDS,
    SCHEMA_ID,
    TARGET_KINDS,
    Baseline,
    Comparator,
    Milestone,
    NamedQuantity,
    NodeKind,
    OutlineNode,
    Period,
    PlanDraft,
    Span,
    Target,
    TargetKind,
    json_schema,
)
from actionplan.extract.errors import ExtractError, UnreadableDocument
from actionplan.extract.extractor import MAX_TEXT_CHARS, extract_plan
from actionplan.extract.reader import MAX_DOCUMENT_BYTES, read_document
from actionplan.extract.seed import seed_text


def extract_file(path: str | pathlib.Path) -> PlanDraft:
    """Read the document at ``path`` and extract its plan. Spans index into
    the document's decoded text (for .docx: its paragraphs and table rows,
    one per line, as ``read_document`` returns them)."""
    return extract_plan(read_document(path))


__all__ = [
    "COMPARATORS",
    "MAX_DOCUMENT_BYTES",
    "MAX_TEXT_CHARS",
    "NODE_KINDS",
    "SCHEMA_ID",
    "TARGET_KINDS",
    "Baseline",
    "Comparator",
    "ExtractError",
    "Milestone",
    "NamedQuantity",
    "NodeKind",
    "OutlineNode",
    "Period",
    "PlanDraft",
    "Span",
    "Target",
    "TargetKind",
    "UnreadableDocument",
    "extract_file",
    "extract_plan",
    "json_schema",
    "read_document",
    "seed_text",
]
