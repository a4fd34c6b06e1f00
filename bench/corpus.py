"""Large inputs for the benchmarks, built from real plan text.

The embedded Guangzhou plan is repeated with its figures, years and task
numbers varied from copy to copy, so the extractor sees new text each time
(different numbers, a continuing outline) rather than the same bytes again.
"""

from __future__ import annotations

import re
from pathlib import Path

from actionplan.extract import seed_text

_FIGURE_RE = re.compile(r"(?<![\d.])(\d{1,4})(?=[万亿条%个])")
_TASK_RE = re.compile(r"(?m)^(\d{1,3})\. ")


def _vary(text: str, copy: int) -> str:
    """One copy of the plan with its figures and task numbers shifted."""
    text = _FIGURE_RE.sub(lambda m: str(int(m.group(1)) + copy % 97), text)
    return _TASK_RE.sub(lambda m: f"{int(m.group(1)) + 20 * copy}. ", text)


def plan_text(min_bytes: int) -> str:
    """Real plan text of at least ``min_bytes`` UTF-8 bytes."""
    seed = seed_text()
    parts: list[str] = []
    size = 0
    copy = 0
    while size < min_bytes:
        part = _vary(seed, copy)
        parts.append(part)
        size += len(part.encode("utf-8"))
        copy += 1
    return "\n".join(parts)


CORPUS_DIR = Path(__file__).resolve().parent.parent / "tests" / "extract" / "corpus"


def corpus_text(min_bytes: int) -> str:
    """The test corpus's real documents, one after another and repeated to at
    least ``min_bytes`` UTF-8 bytes ("" when the corpus is not there)."""
    documents = [path.read_text(encoding="utf-8") for path in sorted(CORPUS_DIR.glob("*.txt"))]
    if not documents:
        return ""
    parts: list[str] = []
    size = 0
    while size < min_bytes:
        for document in documents:
            parts.append(document)
            size += len(document.encode("utf-8"))
    return "\n".join(parts)
