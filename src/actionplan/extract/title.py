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
_FIVE_YEAR_RE: Final = re.compile(r"十[一二三四五六]个?五")
_MAX_TITLE: Final = 120
# A plan word at the end of a line, maybe followed by its bracketed period.
_PLAN_END_RE: Final = re.compile(
    r"(?:计划|方案|规划|纲要|意见|办法|要点|通知|决定|(?i:plan|strategy|programme|framework))"
    r"(?:\([^()]*\)?)?\Z"
)
_NOT_TITLE_RE: Final = re.compile(
    r"\A\(.*\)\Z"  # an annotation: (征求意见稿), (2015年9月15日), (此件公开发布)
    r"|\A\d{4}年\d{1,2}月\d{1,2}日\Z"  # a date
    r"|〔\d{4}〕\d+号\Z|\[\d{4}\]\d+号\Z"  # a document number
    r"|\A.{0,20}(?:人民政府|办公厅|委员会|办公室|政府|厅|局)\Z"  # a signature
)
# "2019年政府工作报告", and a year glued to the words of a Chinese headline
# before its colon: "《政府工作报告》解读2017:十件实事".
_ANNUAL_RE: Final = re.compile(
    rf"(?<![到至\d])(?P<year>{_YEAR})年(?!\d)|(?<=[\u4e00-\u9fff》”])(?P<glued>{_YEAR}):"
)
# Page furniture that may precede a title: "top", "bot", "EN".
_FURNITURE_RE: Final = re.compile(r"[A-Za-z]{1,4}")


def _title_like(line: str) -> bool:
    return (
        len(line) <= _MAX_TITLE
        and not line.endswith(("。", ":", ";", ","))
        and not (line.endswith(".") and len(line) > 40)
        and not _NOT_TITLE_RE.search(line)
    )


def read_title(text: str, first_heading: int) -> tuple[str, Period | None]:
    """The title and period of the cleaned ``text`` whose first heading is at
    ``first_heading``.

    The title is the last line before the first heading that names a plan,
    so a notice that wraps a plan ("关于印发…方案的通知") yields the plan's own
    title; a line just before it that does not end a title itself is joined
    to it ("2019年《政府工作报告》确定的主要目标任务" + "责任分解方案"), and a
    line just after it that only gives the period is appended.
    """
    preamble = text[:first_heading]
    lines = [line.strip() for line in preamble.split("\n")]
    lines = [line for line in lines if line]
    title = ""
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not _title_like(line) or not _PLAN_WORD_RE.search(line):
            continue
        title = line
        previous = lines[index - 1] if index > 0 else ""
        if previous and _title_like(previous) and not _PLAN_END_RE.search(previous):
            title = _join(previous, title)
        following = lines[index + 1] if index + 1 < len(lines) else ""
        if following and _PERIOD_ONLY_RE.fullmatch(following) and not _RANGE_RE.search(title):
            # A subtitle that only gives the period, maybe with a bracket lost.
            title = f"{title}({following.strip('()')})"
        break
    if not title:
        title = next(
            (line for line in lines if _title_like(line) and not _FURNITURE_RE.fullmatch(line)), ""
        )
    head = "\n".join(line for line in lines if _title_like(line))
    return title, _period(title, head)


def _join(first: str, second: str) -> str:
    if first[-1:].isascii() and second[:1].isascii():
        return f"{first} {second}"
    return first + second


def _period(title: str, preamble: str) -> Period | None:
    """The plan's period: a range or a five-year plan in the title, a single
    year in the title (an annual plan; the latest when it names several),
    else a range or a five-year plan in a title-like line before the first
    heading (a subtitle, a cover line)."""
    found = _range(title)
    if found:
        return found
    # A title that reports one year and sets the next ("2024年…预计可实现全年
    # 预期目标,2025年计划增长5.0%—5.5%"; "2022年…执行情况及2023年计划草案") is
    # the plan of its latest year.
    years = [int(m.group("year") or m.group("glued")) for m in _ANNUAL_RE.finditer(title)]
    if years:
        year = max(years)
        return Period(year, year)
    return _range(preamble)


def _range(source: str) -> Period | None:
    match = _RANGE_RE.search(source)
    if match:
        start = int(match.group("start"))
        end_text = match.group("end")
        end = int(end_text) if len(end_text) == 4 else start // 100 * 100 + int(end_text)
        if start <= end <= start + 50:
            return Period(start, end)
    plan = _FIVE_YEAR_RE.search(source)
    name = plan.group().replace("个", "") if plan else ""
    if name in FIVE_YEAR_PLANS:
        end = FIVE_YEAR_PLANS[name]
        return Period(end - 4, end)
    return None
