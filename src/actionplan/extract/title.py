"""The plan's title and period.

The title is read from the lines before the first heading: the first short
line that names a plan (计划, 方案, 规划, strategy, plan…), joined with a line
that only gives its period, as in the seed's "广州建设国际交往中心三年行动计划"
followed by "2018-2020年)". The period is the year range in the title
("(2018-2020年)" → 2018..2020), even when a bracket is missing; failing
that, a five-year plan name ("十四五" → 2021..2025) or a range stated near the
top of the document.
"""

from __future__ import annotations

import re
from typing import Final

from actionplan.extract.draft import Period
from actionplan.extract.years import FIVE_YEAR_PLANS

_PLAN_WORD_RE: Final = re.compile(
    r"计划|方案|规划|纲要|意见|行动|战略|措施|办法|要点|"
    r"(?i:\bplan\b|\bstrategy\b|\bprogramme\b|\bprogram\b|\bframework\b|\broadmap\b|\bagenda\b)"
)
_YEAR: Final = r"(?:19[5-9]\d|20\d\d)"
_RANGE_RE: Final = re.compile(
    rf"(?P<start>{_YEAR}) ?年? ?(?:[-—–~至到]+| to | - ) ?(?P<end>{_YEAR}|\d\d)(?![\d])"
)
_PERIOD_ONLY_RE: Final = re.compile(rf"\(?{_RANGE_RE.pattern} ?年?\)?")
_FIVE_YEAR_RE: Final = re.compile(r"十[一二三四五六]五")
_MAX_TITLE: Final = 120
_HEAD_WINDOW: Final = 3000  # characters searched for a period when the title has none


def read_title(text: str, first_heading: int) -> tuple[str, Period | None]:
    """The title and period of the cleaned ``text`` whose first heading is at
    ``first_heading``."""
    lines = [line.strip() for line in text[:first_heading].split("\n")]
    lines = [line for line in lines if line]
    title = ""
    for index, line in enumerate(lines):
        if len(line) > _MAX_TITLE or (line.endswith(("。", ".")) and len(line) > 40):
            continue
        if _PLAN_WORD_RE.search(line):
            title = line
            following = lines[index + 1] if index + 1 < len(lines) else ""
            if following and _PERIOD_ONLY_RE.fullmatch(following) and not _RANGE_RE.search(line):
                # A subtitle that only gives the period, maybe with a bracket lost.
                title = f"{line}({following.strip('()')})"
            break
    if not title and lines and len(lines[0]) <= _MAX_TITLE:
        title = lines[0]
    return title, _period(title, text[: max(first_heading, _HEAD_WINDOW)][:_HEAD_WINDOW])


def _period(title: str, head: str) -> Period | None:
    for source in (title, head):
        match = _RANGE_RE.search(source)
        if match:
            start = int(match.group("start"))
            end_text = match.group("end")
            end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
            if start <= end <= start + 50:
                return Period(start, end)
        plan = _FIVE_YEAR_RE.search(source)
        if plan and plan.group() in FIVE_YEAR_PLANS:
            end = FIVE_YEAR_PLANS[plan.group()]
            return Period(end - 4, end)
    return None
