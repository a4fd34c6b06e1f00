"""Score ``extract_plan`` on the fixture corpus of real plan documents.

Each document in ``tests/extract/corpus/`` has its targets written by hand in
``corpus_expected.py``. For every document the test runs ``extract_plan(text)``
and pairs extracted targets with expected ones one-to-one (a maximum bipartite
matching). An extracted target and an expected one *match* when all of these
hold:

- value: equal within a relative tolerance of 1e-6;
- unit: equal strings after NFKC normalisation and removing spaces (so
  full-width and half-width brackets and percent signs are one unit);
- year: equal (``None`` only matches ``None``);
- indicator: the two phrases overlap. Both are normalised by removing
  whitespace and punctuation and lower-casing; they overlap when one contains
  the other, or when they share at least 60 % of the characters of the shorter
  one (counted as a multiset intersection).

Unmatched expected targets are *missing* (they cost recall), unmatched
extracted ones are *unexpected* (they cost precision). The tests:

- per document: precision and recall of at least 0.8 each, a floor so that
  one bad document shows up on its own (a document with no expected target
  passes only when nothing is extracted from it);
- corpus: micro-averaged precision and recall of at least 0.95;
- fields: over matched pairs, comparator, kind and aspirational flag agree in
  at least 95 % of the pairs;
- spans: for every extracted target, ``text[start:end]`` contains the target's
  number as written (a numeral in the span whose value, times a magnitude of
  1, 10, 100, 千, 万, 亿, 万亿 or million/billion, equals the absolute value).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import pytest
from corpus_expected import CORPUS, CorpusDocument, Expected

CORPUS_DIR = Path(__file__).parent / "corpus"

PER_DOCUMENT_FLOOR = 0.8
CORPUS_THRESHOLD = 0.95
FIELD_AGREEMENT_THRESHOLD = 0.95
INDICATOR_OVERLAP = 0.6


class ExtractedTarget(Protocol):
    """The part of ``actionplan.extract.draft.Target`` the scoring reads."""

    indicator: str
    value: float
    unit: str
    year: int | None
    comparator: str
    aspirational: bool
    kind: str
    span: tuple[int, int]


Extractor = Callable[[str], Any]


@dataclass(frozen=True)
class DocumentScore:
    document: CorpusDocument
    text: str
    extracted: tuple[ExtractedTarget, ...]
    pairs: tuple[tuple[Expected, ExtractedTarget], ...]
    missing: tuple[Expected, ...]
    unexpected: tuple[ExtractedTarget, ...]

    @property
    def precision(self) -> float:
        if not self.extracted:
            return 1.0
        return len(self.pairs) / len(self.extracted)

    @property
    def recall(self) -> float:
        if not self.document.targets:
            return 1.0
        return len(self.pairs) / len(self.document.targets)

    def report(self) -> str:
        lines = [
            f"{self.document.filename}: precision {self.precision:.2f} "
            f"({len(self.pairs)}/{len(self.extracted)}), recall {self.recall:.2f} "
            f"({len(self.pairs)}/{len(self.document.targets)})"
        ]
        if self.missing:
            lines.append("  missing (expected, not extracted):")
            lines.extend(f"    - {_describe_expected(e)}" for e in self.missing)
        if self.unexpected:
            lines.append("  unexpected (extracted, not expected):")
            lines.extend(f"    + {_describe_extracted(t, self.text)}" for t in self.unexpected)
        return "\n".join(lines)


# --- matching --------------------------------------------------------------


def _normalise_indicator(phrase: str) -> str:
    return "".join(
        ch.lower()
        for ch in unicodedata.normalize("NFKC", phrase)
        if not ch.isspace() and not unicodedata.category(ch).startswith(("P", "S"))
    )


def indicators_overlap(a: str, b: str) -> bool:
    """True when one normalised phrase contains the other, or when they share
    at least 60 % of the shorter one's characters."""
    na, nb = _normalise_indicator(a), _normalise_indicator(b)
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    shorter, longer = (na, nb) if len(na) <= len(nb) else (nb, na)
    shared = sum((Counter(shorter) & Counter(longer)).values())
    return shared >= INDICATOR_OVERLAP * len(shorter)


def _normalise_unit(unit: str) -> str:
    """Units compare after NFKC: "条（段）" and "条(段)", "％" and "%" are one unit."""
    return unicodedata.normalize("NFKC", unit).replace(" ", "")


def targets_match(expected: Expected, extracted: ExtractedTarget) -> bool:
    return (
        math.isclose(float(extracted.value), expected.value, rel_tol=1e-6, abs_tol=1e-9)
        and _normalise_unit(extracted.unit) == _normalise_unit(expected.unit)
        and extracted.year == expected.year
        and indicators_overlap(expected.indicator, extracted.indicator)
    )


def _fields_agree(expected: Expected, extracted: ExtractedTarget) -> bool:
    return (extracted.comparator, extracted.kind, bool(extracted.aspirational)) == (
        expected.comparator,
        expected.kind,
        expected.aspirational,
    )


def match_targets(
    expected: Sequence[Expected], extracted: Sequence[ExtractedTarget]
) -> list[tuple[int, int]]:
    """A maximum one-to-one matching (Kuhn's augmenting paths) between expected
    and extracted targets, as (expected index, extracted index) pairs."""
    # Among extracted targets that match, those that also agree on comparator,
    # kind and aspiration are tried first, so that a target restated with other
    # words (a table row and a sentence) pairs with its own statement.
    candidates = [
        sorted(
            (j for j, target in enumerate(extracted) if targets_match(wanted, target)),
            key=lambda j: not _fields_agree(wanted, extracted[j]),
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


def score_document(document: CorpusDocument, extract: Extractor) -> DocumentScore:
    text = read_document(document)
    extracted = tuple(extract(text).targets)
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


# --- numbers in spans ------------------------------------------------------

_MAGNITUDES = (1.0, 10.0, 100.0, 1e3, 1e4, 1e6, 1e8, 1e9, 1e12)
_ARABIC = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?")
_CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}
_CHINESE_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千]+")


def _chinese_numeral_value(numeral: str) -> float | None:
    total, digit = 0, None
    for ch in numeral:
        if ch in _CHINESE_DIGITS:
            digit = _CHINESE_DIGITS[ch]
        elif ch in _CHINESE_UNITS:
            total += (1 if digit is None else digit) * _CHINESE_UNITS[ch]
            digit = None
        else:
            return None
    return float(total + (digit or 0))


def numbers_in(passage: str) -> list[float]:
    normalised = unicodedata.normalize("NFKC", passage)
    found = [float(m.group().replace(",", "")) for m in _ARABIC.finditer(normalised)]
    for m in _CHINESE_NUMERAL.finditer(normalised):
        value = _chinese_numeral_value(m.group())
        if value is not None:
            found.append(value)
    return found


def span_quotes_value(passage: str, value: float) -> bool:
    wanted = abs(value)
    return any(
        math.isclose(number * magnitude, wanted, rel_tol=1e-6, abs_tol=1e-9)
        for number in numbers_in(passage)
        for magnitude in _MAGNITUDES
    )


# --- helpers ---------------------------------------------------------------


def read_document(document: CorpusDocument) -> str:
    return (CORPUS_DIR / document.filename).read_text(encoding="utf-8")


def _describe_expected(e: Expected) -> str:
    flag = " aspirational" if e.aspirational else ""
    return f"{e.indicator} {e.comparator} {e.value:g} {e.unit} ({e.year}, {e.kind}{flag})"


def _describe_extracted(t: ExtractedTarget, text: str) -> str:
    flag = " aspirational" if t.aspirational else ""
    start, end = t.span
    return (
        f"{t.indicator} {t.comparator} {float(t.value):g} {t.unit} ({t.year}, {t.kind}{flag})"
        f"  <- {text[start:end]!r}"
    )


def _document_id(document: CorpusDocument) -> str:
    return document.slug


# --- fixtures --------------------------------------------------------------


@pytest.fixture(scope="module")
def extract() -> Extractor:
    """``actionplan.extract.extract_plan``, imported here so that a missing
    extractor fails these tests with a clear message instead of breaking
    collection."""
    problem = ""
    try:
        from actionplan.extract import extract_plan
    except ImportError as error:
        problem = str(error)
    if problem:
        pytest.fail(
            f"actionplan.extract.extract_plan is not importable ({problem}); "
            "the corpus tests need the extractor",
            pytrace=False,
        )
    return extract_plan  # type: ignore[no-any-return]


@pytest.fixture(scope="module")
def scores(extract: Extractor) -> dict[str, DocumentScore]:
    return {document.slug: score_document(document, extract) for document in CORPUS}


# --- the corpus itself -----------------------------------------------------


def test_corpus_has_enough_real_documents_in_both_languages() -> None:
    files = {path.name for path in CORPUS_DIR.glob("*.txt")}
    listed = {document.filename for document in CORPUS}
    assert listed == files, "every corpus file needs expectations, and every expectation a file"
    assert len(CORPUS) >= 8
    assert sum(d.language == "zh" for d in CORPUS) >= 6
    assert sum(d.language == "en" for d in CORPUS) >= 2
    assert any(not d.targets for d in CORPUS), "one document must have no numeric target"


def test_every_corpus_file_is_listed_in_sources() -> None:
    sources = (CORPUS_DIR / "SOURCES.md").read_text(encoding="utf-8")
    for document in CORPUS:
        assert document.filename in sources, f"{document.filename} missing from SOURCES.md"


@pytest.mark.parametrize("document", CORPUS, ids=_document_id)
def test_expected_numbers_appear_in_the_document_text(document: CorpusDocument) -> None:
    text = read_document(document)
    for expected in document.targets:
        assert span_quotes_value(text, expected.value), (
            f"{document.filename}: {expected.value:g} {expected.unit} is not in the text"
        )


# --- scoring the extractor -------------------------------------------------


@pytest.mark.parametrize("document", CORPUS, ids=_document_id)
def test_extractor_finds_each_documents_targets_without_inventing_others(
    document: CorpusDocument, scores: dict[str, DocumentScore]
) -> None:
    score = scores[document.slug]
    assert score.recall >= PER_DOCUMENT_FLOOR and score.precision >= PER_DOCUMENT_FLOOR, (
        score.report()
    )


def test_extractor_reaches_corpus_precision_and_recall(
    scores: dict[str, DocumentScore],
) -> None:
    matched = sum(len(s.pairs) for s in scores.values())
    extracted = sum(len(s.extracted) for s in scores.values())
    expected = sum(len(s.document.targets) for s in scores.values())
    precision = matched / extracted if extracted else 1.0
    recall = matched / expected if expected else 1.0
    report = "\n".join(s.report() for s in scores.values() if s.missing or s.unexpected)
    assert precision >= CORPUS_THRESHOLD and recall >= CORPUS_THRESHOLD, (
        f"corpus precision {precision:.3f} ({matched}/{extracted}), "
        f"recall {recall:.3f} ({matched}/{expected})\n{report}"
    )


def test_matched_targets_agree_on_comparator_kind_and_aspiration(
    scores: dict[str, DocumentScore],
) -> None:
    pairs = [(s.document, e, t) for s in scores.values() for e, t in s.pairs]
    if not pairs:
        pytest.fail("no extracted target matched an expected one", pytrace=False)
    disagreements = [
        f"{doc.filename}: expected {_describe_expected(e)}, got {t.comparator} {t.kind}"
        f"{' aspirational' if t.aspirational else ''}"
        for doc, e, t in pairs
        if (t.comparator, t.kind, bool(t.aspirational)) != (e.comparator, e.kind, e.aspirational)
    ]
    agreement = 1 - len(disagreements) / len(pairs)
    assert agreement >= FIELD_AGREEMENT_THRESHOLD, (
        f"fields agree in {agreement:.3f} of {len(pairs)} matched pairs:\n"
        + "\n".join(disagreements)
    )


@pytest.mark.parametrize("document", CORPUS, ids=_document_id)
def test_extracted_target_spans_quote_their_number(
    document: CorpusDocument, scores: dict[str, DocumentScore]
) -> None:
    score = scores[document.slug]
    bad = []
    for target in score.extracted:
        start, end = target.span
        if not (0 <= start <= end <= len(score.text)) or not span_quotes_value(
            score.text[start:end], float(target.value)
        ):
            bad.append(_describe_extracted(target, score.text))
    assert not bad, f"{document.filename}: spans that do not quote the number:\n" + "\n".join(bad)
