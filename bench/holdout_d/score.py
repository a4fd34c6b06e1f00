"""Score ``extract_plan`` on the fourth held-out set in ``bench/holdout_d/docs``.

Run: ``.venv/bin/python -m bench.holdout_d.score [--verbose]``.

The matching is imported from ``bench.holdout.score`` (itself the matching of
``tests/extract/test_corpus.py``): an extracted target matches an expected one
when the values are equal within a relative tolerance of 1e-6, the units are
equal, the years are equal and the indicators overlap; pairs are found by a
maximum one-to-one matching that prefers pairs whose fields agree. Field
agreement is the share of matched pairs whose comparator, kind and aspirational
flag all agree.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from actionplan.extract import extract_plan
from bench.holdout.expected import CorpusDocument
from bench.holdout.score import (
    DocumentScore,
    _describe_expected,
    _describe_extracted,
    _ratio,
    match_targets,
)
from bench.holdout_d.expected import HOLDOUT_D

DOCS_DIR = Path(__file__).resolve().parent / "docs"


def score_document(document: CorpusDocument) -> DocumentScore:
    text = (DOCS_DIR / document.filename).read_text(encoding="utf-8")
    extracted = tuple(extract_plan(text).targets)
    pairs_idx = match_targets(document.targets, extracted)
    matched_expected = {i for i, _ in pairs_idx}
    matched_extracted = {j for _, j in pairs_idx}
    return DocumentScore(
        document=document,
        text=text,
        extracted=extracted,
        pairs=tuple((document.targets[i], extracted[j]) for i, j in pairs_idx),
        missing=tuple(e for i, e in enumerate(document.targets) if i not in matched_expected),
        unexpected=tuple(t for j, t in enumerate(extracted) if j not in matched_extracted),
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list missing and unexpected")
    args = parser.parse_args(argv)

    scores = [score_document(document) for document in HOLDOUT_D]
    for s in scores:
        agree = len(s.pairs) - len(s.disagreements)
        print(
            f"{s.document.slug}: precision {s.precision:.2f} "
            f"({len(s.pairs)}/{len(s.extracted)}), recall {s.recall:.2f} "
            f"({len(s.pairs)}/{len(s.document.targets)}), fields {agree}/{len(s.pairs)}"
        )
        if args.verbose:
            for e in s.missing:
                print(f"    - missing: {_describe_expected(e)}")
            for t in s.unexpected:
                print(f"    + unexpected: {_describe_extracted(t, s.text)}")
            for e, t in s.disagreements:
                print(
                    f"    ~ fields: expected {_describe_expected(e)}, got {t.comparator} "
                    f"{t.kind}{' aspirational' if t.aspirational else ''}"
                )

    matched = sum(len(s.pairs) for s in scores)
    extracted = sum(len(s.extracted) for s in scores)
    expected = sum(len(s.document.targets) for s in scores)
    agreeing = matched - sum(len(s.disagreements) for s in scores)
    print(f"holdout_d_documents: {len(scores)} documents")
    print(f"holdout_d_expected_targets: {expected} targets")
    print(f"holdout_d_extracted_targets: {extracted} targets")
    print(f"holdout_d_precision: {_ratio(matched, extracted):.3f} ratio")
    print(f"holdout_d_recall: {_ratio(matched, expected):.3f} ratio")
    print(f"holdout_d_field_agreement: {_ratio(agreeing, matched):.3f} ratio")


if __name__ == "__main__":
    main()
