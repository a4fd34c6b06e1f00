"""Quantitative targets of English strategy text, one sentence at a time.

The same conventions as the Chinese reader, in English words: a figure with
a unit ("10,000 new homes", "50%", "£2 billion", "500 MW") is a target when
the sentence looks forward — a deadline ("by 2030", "by the end of 2025")
or a commitment word (will, aim, target, ambition, commit, plan to) — and
is not a past fact ("in 2019 there were…", "has risen", "since 2010").
"""

from __future__ import annotations

import re
from typing import Final

from actionplan.extract.context import FoundTarget, SentenceContext, SentenceReading
from actionplan.extract.draft import Comparator, TargetKind
from actionplan.extract.numbers import parse_number
from actionplan.extract.units import (
    CURRENCIES,
    ENGLISH_MAGNITUDES,
    ENGLISH_NON_UNITS,
    ENGLISH_QUANTITY_RE,
    ENGLISH_UNIT_QUALIFIERS,
)
from actionplan.extract.years import find_years

_FORWARD_RE: Final = re.compile(
    r"\b(?:will|shall|aim|aims|aiming|target|targets|ambition|commit|commits|committed|plan to|"
    r"plans to|goal|seek to|strive|deliver|achieve|ensure|by 20\d\d)\b",
    re.IGNORECASE,
)
_PAST_RE: Final = re.compile(
    r"\b(?:was|were|has been|have been|had|last year|since|currently|previously|in the past|"
    r"has risen|has fallen|has grown|rose|fell|grew|increased from)\b",
    re.IGNORECASE,
)
_ASPIRATION_RE: Final = re.compile(
    r"\b(?:aim|aims|aiming|aspire|aspiration|ambition|ambitious|strive|seek to|endeavour|"
    r"work towards|hope)\b",
    re.IGNORECASE,
)
_GE_RE: Final = re.compile(
    r"(?:at least|more than|over|above|exceed(?:ing)?|in excess of|minimum of|upwards of|"
    r"reach(?:ing)?|achieve|achieving|rise to|increase to|grow to)\s*\Z",
    re.IGNORECASE,
)
_LE_RE: Final = re.compile(
    r"(?:no more than|not more than|less than|fewer than|below|under|up to|maximum of|"
    r"within|at most|fall to|reduce to|reduced to|cut to|lower to|below)\s*\Z",
    re.IGNORECASE,
)
_APPROX_RE: Final = re.compile(r"(?:about|around|approximately|roughly|circa|c\.|some|nearly)\s*\Z")
_FALL_RE: Final = re.compile(
    r"\b(?:reduc\w*|cut\w*|lower\w*|decreas\w*|halv\w*|fall\w*|drop\w*|declin\w*)\b[^.;]*?\bby\s*\Z",
    re.IGNORECASE,
)
_RISE_RE: Final = re.compile(
    r"\b(?:increas\w*|rais\w*|grow\w*|boost\w*|improv\w*|expand\w*|double\w*|ris\w*)\b[^.;]*?\bby\s*\Z",
    re.IGNORECASE,
)
_SUBJECT_VERB_RE: Final = re.compile(
    r"\b(?:increase|increasing|raise|raising|grow|growing|boost|boosting|reduce|reducing|cut|"
    r"cutting|lower|lowering|decrease|decreasing|bring|bringing|improve|improving|halve|"
    r"halving|get|getting|take|taking|expand|expanding)\s+(?:the\s+|our\s+|its\s+)?(?P<subject>"
    r"[^,;:]+?)\s+(?:to|by)\s*\Z",
    re.IGNORECASE,
)
_SUBJECT_BEFORE_RE: Final = re.compile(
    r"(?P<subject>[A-Za-z][^,;:]*?)\s+(?:will|should|must|to)?\s*(?:reach|rise to|fall to|be|"
    r"exceed|increase to|grow to|of|at|is|stand at|total|equal)\s+"
    r"(?:at least |more than |over |about |around |approximately |no more than |below |under )?\Z",
    re.IGNORECASE,
)
_OF_AFTER_RE: Final = re.compile(r"\s*of\s+(?:the\s+|our\s+|all\s+)?(?P<what>[^,;:.()]{2,60})")
_SHARE_WORDS_RE: Final = re.compile(r"\b(?:share|proportion|percentage|per cent of|% of)\b", re.I)
_MEASURE_UNITS: Final = frozenset(
    {"mw", "gw", "kw", "mwh", "gwh", "twh", "kwh", "km", "miles", "hectares", "ha", "tonnes"}
    | {"tons", "t", "acres", "metres", "meters", "kg", "litres", "hours", "minutes", "days"}
    | {"weeks", "months", "mph", "sq", "square", "points"}
)
_INCREMENT_WORDS: Final = frozenset({"new", "additional", "extra", "more", "net", "further"})
_ARTICLE_RE: Final = re.compile(r"\A(?:the|our|its|their|a|an|all)\s+", re.IGNORECASE)


def read_english_sentence(text: str, context: SentenceContext) -> SentenceReading:
    reading = SentenceReading()
    start, end = context.start, context.end
    sentence = text[start:end]
    years = find_years(text, start, end)
    deadline = None
    for mention in years:
        if mention.role == "deadline" or (
            mention.role == "bare"
            and context.reference_year is not None
            and mention.year >= context.reference_year
            and text[mention.start : mention.start + 2].lower() == "in"
        ):
            deadline = mention.year
            break
    forward = (
        deadline is not None
        or context.carried_year is not None
        or context.in_goals
        or bool(_FORWARD_RE.search(sentence))
    )
    if not forward or (deadline is None and _PAST_RE.search(sentence)):
        return reading
    aspirational = bool(_ASPIRATION_RE.search(sentence))
    year_spans = [(m.year_start, m.year_start + 4) for m in years]
    for match in ENGLISH_QUANTITY_RE.finditer(text, start, end):
        number_start = match.start("number")
        if any(a <= number_start < b for a, b in year_spans):
            continue
        value = parse_number(match.group("number"))
        if value is None:
            continue
        currency = (match.group("currency") or "").strip()
        magnitude = (match.group("magnitude") or "").lower()
        unit_word = match.group("unit") or ""
        unit, unit_end, qualifiers = _unit(text, match, currency, unit_word, end)
        if not unit:
            continue
        if magnitude:
            value *= ENGLISH_MAGNITUDES.get(magnitude, 1.0)
        left = text[max(start, match.start() - 80) : match.start()]
        comparator = _comparator(left)
        kind: TargetKind = "level"
        if unit in ("%", "percentage points") and _FALL_RE.search(left):
            value, kind = -value, "growth_rate"
        elif unit in ("%", "percentage points") and _RISE_RE.search(left):
            kind = "growth_rate"
        elif _FALL_RE.search(left):
            value, kind = -value, "increment"
        elif _INCREMENT_WORDS & set(qualifiers):
            kind = "increment"
        indicator = _indicator(text, left, match, unit, unit_end, qualifiers, end)
        if not indicator:
            continue
        if kind == "level" and unit == "%" and _SHARE_WORDS_RE.search(indicator + " " + left):
            kind = "share"
        reading.targets.append(
            FoundTarget(
                indicator=indicator,
                value=value,
                unit=unit,
                year=deadline or context.carried_year or context.default_year,
                comparator=comparator,
                aspirational=aspirational,
                kind=kind,
                baseline_value=None,
                baseline_year=None,
                sentence_start=start,
                sentence_end=end,
                node=context.node,
                quantity_start=match.start(),
                quantity_end=unit_end,
            )
        )
    return reading


def _unit(
    text: str, match: re.Match[str], currency: str, unit_word: str, end: int
) -> tuple[str, int, list[str]]:
    """The unit, where it ends, and the qualifying words before it."""
    if currency:
        return (
            CURRENCIES.get(currency, currency),
            match.end("magnitude") if match.group("magnitude") else match.end("number"),
            [],
        )
    lowered = unit_word.lower()
    if lowered in ("%", "percent", "per cent", "percentcent") or lowered.startswith("per"):
        return "%", match.end("unit"), []
    if lowered.startswith("percentage point") or lowered == "pp":
        return "percentage points", match.end("unit"), []
    if not unit_word:
        return "", match.end(), []
    if lowered in ("gbp", "usd", "eur"):
        return unit_word.upper(), match.end("unit"), []
    qualifiers: list[str] = []
    position = match.start("unit")
    word = unit_word
    word_end = match.end("unit")
    # Skip qualifiers: "1,000 new affordable homes" → unit "homes".
    for _ in range(3):
        if word.lower() not in ENGLISH_UNIT_QUALIFIERS:
            break
        qualifiers.append(word.lower())
        following = re.compile(r" +([A-Za-z][A-Za-z-]*)").match(text, word_end, end)
        if following is None:
            return "", match.end(), []
        word, position, word_end = following.group(1), following.start(1), following.end(1)
    del position
    if word.lower() in ENGLISH_NON_UNITS or (len(word) < 2 and word not in ("t", "m")):
        return "", match.end(), []
    return word, word_end, qualifiers


def _comparator(left: str) -> Comparator:
    if _GE_RE.search(left):
        return ">="
    if _LE_RE.search(left):
        return "<="
    if _APPROX_RE.search(left):
        return "~"
    return "="


def _indicator(
    text: str,
    left: str,
    match: re.Match[str],
    unit: str,
    unit_end: int,
    qualifiers: list[str],
    end: int,
) -> str:
    counted = unit not in ("%", "percentage points") and unit.lower() not in _MEASURE_UNITS
    counted = counted and unit not in CURRENCIES.values()
    if counted:
        words = [*qualifiers, unit]
        return " ".join(words)
    of_match = _OF_AFTER_RE.match(text, unit_end, end)
    subject = _SUBJECT_VERB_RE.search(left)
    if subject:
        return _tidy(subject.group("subject"))
    before = _SUBJECT_BEFORE_RE.search(left)
    if before:
        return _tidy(before.group("subject"))
    if of_match:
        return _tidy(of_match.group("what"))
    return ""


def _tidy(phrase: str) -> str:
    phrase = phrase.strip(" ,;:")
    # Keep the last clause-like piece: "By 2030 we will increase the share…".
    phrase = re.split(r"\b(?:we|that|which|and|will|to)\b\s+", phrase)[-1]
    phrase = _ARTICLE_RE.sub("", phrase.strip())
    return phrase[:80]
