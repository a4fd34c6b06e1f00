"""Reading what is to be imported: a plan document (.txt, .docx), read by the
extractor, or a PlanDraft already extracted (.json).

Everything that can go wrong with the input ends here as ``ImportFailed``
with a one-line message, before the database is touched.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from actionplan.extract import extract_plan, read_document
from actionplan.extract.draft import SCHEMA_ID, OutlineNode, PlanDraft
from actionplan.extract.errors import ExtractError

DOCUMENT_SUFFIXES = (".txt", ".docx")
DRAFT_SUFFIXES = (".json",)
MAX_DRAFT_BYTES = 50 * 1024 * 1024


class ImportFailed(Exception):
    """The import was refused or failed and changed nothing; ``str()`` is one
    line that names the problem."""


@dataclass(frozen=True)
class SourceDocument:
    """What one import brings: the file's name and checksum, the text the
    spans point into and the draft read from it."""

    filename: str
    checksum: str
    text: str
    draft: PlanDraft


def checksum(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_source(path: Path) -> SourceDocument:
    """Read a file to import; raises ``ImportFailed``."""
    if not path.exists():
        raise ImportFailed("no such file")
    if not path.is_file():
        raise ImportFailed("not a regular file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"cannot read the file: {exc.strerror}") from None
    return source_from_bytes(data, path.name)


def source_from_bytes(data: bytes, filename: str) -> SourceDocument:
    """Read a file's bytes, told apart by the file name's suffix."""
    suffix = Path(filename).suffix.lower()
    if suffix not in DOCUMENT_SUFFIXES + DRAFT_SUFFIXES:
        raise ImportFailed(
            f"cannot import a {suffix or 'suffix-less'} file: "
            "give a plan document (.txt, .docx) or a PlanDraft (.json)"
        )
    if not data.strip():
        raise ImportFailed("the file is empty")
    if suffix in DRAFT_SUFFIXES:
        return _from_json(data, filename)
    return _from_document(data, filename)


def _from_document(data: bytes, filename: str) -> SourceDocument:
    try:
        text = read_document(data, name=filename)
        draft = extract_plan(text)
    except ExtractError as exc:
        raise ImportFailed(str(exc)) from None
    _check_draft(draft)
    return SourceDocument(filename=filename, checksum=checksum(data), text=text, draft=draft)


def _schema() -> dict[str, Any] | None:
    schema = resources.files("actionplan.extract").joinpath("schema", "plan-draft-1.schema.json")
    if not schema.is_file():
        return None
    loaded: dict[str, Any] = json.loads(schema.read_text(encoding="utf-8"))
    return loaded


def _from_json(data: bytes, filename: str) -> SourceDocument:
    if len(data) > MAX_DRAFT_BYTES:
        raise ImportFailed(f"the draft is larger than {MAX_DRAFT_BYTES // (1024 * 1024)} MB")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailed("not a PlanDraft: the file is not UTF-8 text") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            f"invalid JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from None
    if not isinstance(document, dict):
        raise ImportFailed("not a PlanDraft: the JSON is not an object")
    if document.get("schema") != SCHEMA_ID:
        raise ImportFailed(
            f"not a PlanDraft: its schema is {document.get('schema')!r}, expected {SCHEMA_ID!r}"
        )
    schema = _schema()
    if schema is not None:
        _validate(document, schema)
    try:
        draft = PlanDraft.from_dict(document)
    except (KeyError, TypeError, ValueError) as exc:
        detail = f"missing field {exc}" if isinstance(exc, KeyError) else str(exc)
        raise ImportFailed(f"not a valid PlanDraft: {detail}") from None
    _check_draft(draft)
    return SourceDocument(filename=filename, checksum=checksum(data), text=text, draft=draft)


def _validate(document: dict[str, Any], schema: dict[str, Any]) -> None:
    import jsonschema

    validator_class = jsonschema.validators.validator_for(schema)
    error = jsonschema.exceptions.best_match(validator_class(schema).iter_errors(document))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "the top level"
        raise ImportFailed(
            f"the draft does not match the PlanDraft schema at {where}: {error.message}"
        )


def _check_draft(draft: PlanDraft) -> None:
    """What the database needs beyond the schema: something to import, and
    references that resolve."""
    _fill_paths(draft.outline, "")
    nodes = list(draft.nodes())
    if not nodes:
        raise ImportFailed(
            "no outline found: the text has no numbered headings or tasks, "
            "so there is nothing to import"
        )
    paths: set[str] = set()
    for node in nodes:
        if node.path in paths:
            raise ImportFailed(f"two outline items share the path {node.path!r}")
        paths.add(node.path)
    for target in draft.targets:
        if target.node not in paths:
            raise ImportFailed(
                f"the target {target.indicator!r} refers to {target.node!r}, "
                "which is not in the outline"
            )
    for milestone in draft.milestones:
        if milestone.node not in paths:
            raise ImportFailed(
                f"the milestone {milestone.title!r} refers to {milestone.node!r}, "
                "which is not in the outline"
            )


def _fill_paths(nodes: list[OutlineNode], parent: str) -> None:
    """Drafts from other tools may leave ``path`` out: derive it as the
    extractor does, from the numbers."""
    for node in nodes:
        if not node.path:
            node.path = f"{parent}/{node.number}" if parent else node.number
        _fill_paths(node.children, node.path)
