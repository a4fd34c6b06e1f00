"""Sentences and clauses of the cleaned text.

A sentence ends after 。！？ (or ! ? after cleaning), after ". " in English
text, at the end of a line, and where the text was visibly damaged: a year
glued to the end of a Chinese sentence, as in "…走在全国港口前列2020年,新增…"
(the "。到" was lost), starts a new sentence at the year.

A clause is a stretch of a sentence between commas, semicolons and colons
(after cleaning, "，；：" are ",;:"), the unit a target is read from.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Final

from actionplan.extract.clean import CJK

# Characters after which a year cannot start a new sentence: they are the
# year's own lead-in (到2020年, 至2020年, 在2020年, 于2020年, 的2020年…).
_YEAR_LEADS: Final = "到至在于从由自以比较前的和与及或、至今截止为(“《〈【第"

_SENTENCE_END_RE: Final = re.compile(
    # Every break starts at one of these characters: the lookahead lets the scan
    # skip the others at once.
    r"(?=[。!?！？.\n12])(?:"
    r"[。!?！？]+[”’」』)]*"  # Chinese (and cleaned) sentence ends, with closing quotes
    # An English full stop before a space, not after an initial or a common abbreviation.
    r"|\.(?=[ \n]|\Z)(?<!\b[A-Z]\.)(?<!e\.g\.)(?<!i\.e\.)(?<!etc\.)(?<!\bNo\.)"
    r"(?<!\bno\.)(?<!\bvs\.)(?<!\bMr\.)(?<!\bMs\.)(?<!\bDr\.)(?<!\bSt\.)"
    r"|\n+"
    rf"|(?<=[{CJK}])(?<![{_YEAR_LEADS}])(?=(?:19|20)\d\d年[,:])"
    r")"
)
_CLAUSE_END_RE: Final = re.compile(r"[,;:]+")
_SPACE: Final = " \n"


def split_sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The sentences of ``text[start:end]`` as spans, without surrounding spaces."""
    position = start
    for match in _SENTENCE_END_RE.finditer(text, start, end):
        found = match.group()
        if not found or found[0] == "\n":  # a damaged-year break or a line end
            yield from _trimmed(text, position, match.start())
            position = match.end()
        else:
            yield from _trimmed(text, position, match.end())
            position = match.end()
    yield from _trimmed(text, position, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    while start < end and text[start] in _SPACE:
        start += 1
    while end > start and text[end - 1] in _SPACE:
        end -= 1
    if end > start:
        yield start, end


def split_clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The clauses of the sentence ``text[start:end]``, punctuation excluded.

    A comma between digits ("10,000") is a thousands separator, not a clause end.
    """
    position = start
    for match in _CLAUSE_END_RE.finditer(text, start, end):
        if match.group() == "," and _is_thousands_comma(text, match.start()):
            continue
        if (
            match.group() == ":"
            and text[match.start() - 1 : match.start()].isdigit()
            and (text[match.end() : match.end() + 1].isdigit())
        ):
            continue  # a ratio: "之比达到2.3:1以上"
        if match.start() > position:
            yield position, match.start()
        position = match.end()
    if end > position:
        yield position, end


def _is_thousands_comma(text: str, index: int) -> bool:
    before = text[index - 1] if index > 0 else ""
    after = text[index + 1 : index + 5]
    return before.isdigit() and len(after) >= 3 and after[:3].isdigit() and not after[3:4].isdigit()
