"""Score ``extract_plan`` on the held-out documents in ``bench/holdout/docs``.

Run: ``.venv/bin/python -m bench.holdout.score [--verbose]``.

Matching is the one of ``tests/extract/test_corpus.py`` (copied here so the
benchmark does not import the test suite): an extracted target matches an
expected one when the values are equal within a relative tolerance of 1e-6,
the units are equal, the years are equal and the indicators overlap (one
normalised phrase contains the other, or they share at least 60 % of the
shorter one's characters); pairs are found by a maximum one-to-one matching.
Field agreement is the share of matched pairs whose comparator, kind and
aspirational flag all agree.
"""

from __future__ import annotations

import argparse
import math
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from actionplan.extract import extract_plan
from bench.holdout.expected import HOLDOUT, CorpusDocument, Expected

DOCS_DIR = Path(__file__).resolve().parent / "docs"
INDICATOR_OVERLAP = 0.6


def _normalise_indicator(phrase: str) -> str:
    return "".join(
        ch.lower()
        for ch in unicodedata.normalize("NFKC", phrase)
        if not ch.isspace() and not unicodedata.category(ch).startswith(("P", "S"))
    )


def indicators_overlap(a: str, b: str) -> bool:
    na, nb = _normalise_indicator(a), _normalise_indicator(b)
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    shorter, longer = (na, nb) if len(na) <= len(nb) else (nb, na)
    shared = sum((Counter(shorter) & Counter(longer)).values())
    return shared >= INDICATOR_OVERLAP * len(shorter)


def targets_match(expected: Expected, extracted: Any) -> bool:
    return (
        math.isclose(float(extracted.value), expected.value, rel_tol=1e-6, abs_tol=1e-9)
        and extracted.unit.strip() == expected.unit.strip()
        and extracted.year == expected.year
        and indicators_overlap(expected.indicator, extracted.indicator)
    )


def match_targets(expected: Sequence[Expected], extracted: Sequence[Any]) -> list[tuple[int, int]]:
    """Maximum one-to-one matching (Kuhn's augmenting paths), as (expected, extracted).

    The same matching as the test corpus's, except that each expected target tries
    the candidates whose comparator, kind and aspiration agree first: the number of
    pairs (precision, recall) is unchanged, but two restatements of one target (a
    goal list and an indicator table) are not paired crosswise.
    """
    candidates = [
        sorted(
            (j for j, target in enumerate(extracted) if targets_match(wanted, target)),
            key=lambda j, wanted=wanted: _fields(extracted[j]) != _expected_fields(wanted),
        )
        for wanted in expected
    ]
    owner: dict[int, int] = {}

    def assign(i: int, seen: set[int]) -> bool:
        for j in candidates[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or assign(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(expected)):
        assign(i, set())
    return sorted((i, j) for j, i in owner.items())


@dataclass(frozen=True)
class DocumentScore:
    document: CorpusDocument
    text: str
    extracted: tuple[Any, ...]
    pairs: tuple[tuple[Expected, Any], ...]
    missing: tuple[Expected, ...]
    unexpected: tuple[Any, ...]

    @property
    def precision(self) -> float:
        return len(self.pairs) / len(self.extracted) if self.extracted else 1.0

    @property
    def recall(self) -> float:
        return len(self.pairs) / len(self.document.targets) if self.document.targets else 1.0

    @property
    def disagreements(self) -> list[tuple[Expected, Any]]:
        return [(e, t) for e, t in self.pairs if _fields(t) != _expected_fields(e)]


def _fields(t: Any) -> tuple[str, str, bool]:
    return (t.comparator, t.kind, bool(t.aspirational))


def _expected_fields(e: Expected) -> tuple[str, str, bool]:
    return (e.comparator, e.kind, e.aspirational)


def score_document(document: CorpusDocument, docs_dir: Path = DOCS_DIR) -> DocumentScore:
    text = (docs_dir / document.filename).read_text(encoding="utf-8")
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


def _describe_expected(e: Expected) -> str:
    flag = " aspirational" if e.aspirational else ""
    return f"{e.indicator} {e.comparator} {e.value:g} {e.unit} ({e.year}, {e.kind}{flag})"


def _describe_extracted(t: Any, text: str) -> str:
    flag = " aspirational" if t.aspirational else ""
    start, end = t.span
    quote = text[start:end].replace("\n", " ")
    if len(quote) > 80:
        quote = quote[:77] + "..."
    return (
        f"{t.indicator} {t.comparator} {float(t.value):g} {t.unit} ({t.year}, {t.kind}{flag})"
        f"  <- {quote!r}"
    )


def _ratio(numerator: int, denominator: int) -> float:
    return numerator / denominator if denominator else 1.0


def run(
    prefix: str,
    documents: Sequence[CorpusDocument],
    docs_dir: Path,
    description: str,
    argv: Sequence[str] | None = None,
) -> None:
    """Score every document of a held-out set and print ``prefix_…`` lines."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--verbose", action="store_true", help="list missing and unexpected")
    args = parser.parse_args(argv)

    scores = [score_document(document, docs_dir) for document in documents]
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
    print(f"{prefix}_documents: {len(scores)} documents")
    print(f"{prefix}_expected_targets: {expected} targets")
    print(f"{prefix}_extracted_targets: {extracted} targets")
    print(f"{prefix}_precision: {_ratio(matched, extracted):.3f} ratio")
    print(f"{prefix}_recall: {_ratio(matched, expected):.3f} ratio")
    print(f"{prefix}_field_agreement: {_ratio(agreeing, matched):.3f} ratio")


def main(argv: Sequence[str] | None = None) -> None:
    run("holdout", HOLDOUT, DOCS_DIR, __doc__.splitlines()[0], argv)


if __name__ == "__main__":
    main()
