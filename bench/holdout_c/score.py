"""Score ``extract_plan`` on the third held-out set in ``bench/holdout_c/docs``.

Run: ``.venv/bin/python -m bench.holdout_c.score [--verbose]``.

The matching is imported from ``bench.holdout.score`` (itself the matching of
``tests/extract/test_corpus.py``): an extracted target matches an expected one
when the values are equal within a relative tolerance of 1e-6, the units are
equal, the years are equal and the indicators overlap; pairs are found by a
maximum one-to-one matching that prefers pairs whose fields agree. Field
agreement is the share of matched pairs whose comparator, kind and aspirational
flag all agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from bench.holdout.score import run
from bench.holdout_c.expected import HOLDOUT_C

DOCS_DIR = Path(__file__).resolve().parent / "docs"


def main(argv: Sequence[str] | None = None) -> None:
    run("holdout_c", HOLDOUT_C, DOCS_DIR, (__doc__ or "").splitlines()[0], argv)


if __name__ == "__main__":
    main()
