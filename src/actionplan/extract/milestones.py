"""Milestones: dated deliverables of the plan.

Two forms are read:

* a year glued to the name of an event, one item of a list: "办好2018年世界航线
  发展大会、2019年世界港口大会、2020年世界大都市协会世界大会" → three
  milestones (世界航线发展大会 2018, …);
* a deadline followed at once by a verb of completion and its object, in a
  clause without figures: "2019年底前建成南沙港铁路", "到2020年,建成国际
  航运中心" → 建成南沙港铁路 (2019).

* the deadline after its subject: "南沙港铁路于2019年底前建成";
* in English, an action that opens its sentence and is due by a year:
  "Draft legislation by 2024 that will enable…" → Draft legislation (2024).

A figure with a deadline is a target, not a milestone; a year inside a name
("面向2035年的规划", "《2018城市形象…》") is neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_YEAR: Final = r"(?:19[5-9]\d|20\d\d)"
_EVENT_WORDS: Final = (
    "大会|会议|论坛|峰会|博览会|交易会|展览会|展会|运动会|锦标赛|世界杯|年会|联赛|公开赛|"
    "巡回赛|总决赛|赛事|马拉松|艺术节|电影节|文化节|音乐节|旅游节|美食节|世博会|奥运会|亚运会|"
    "大运会|全运会|世锦赛|洽谈会|推介会|研讨会|大赛|庆典|盛会"
)
_EVENT_RE: Final = re.compile(
    rf"(?<![\d\-—~至到])(?P<year>{_YEAR})年(?!底|末|前|以前|之前|起|以来|的|度|,|:)"
    rf"(?P<name>[^,;:。、“”《》()\n]{{0,40}}(?:{_EVENT_WORDS}))"
    r"(?=[、,;。:等和及与)]|\Z)"
)
_COMPLETION_VERBS: Final = (
    "建成|完成|开通|投入使用|投入运营|投运|投产|竣工|落成|"
    "举办|召开|出台|制定|印发|上线|启用|通车|开工"
)
_DEADLINE_RE: Final = re.compile(
    rf"(?:到|至|于|在)?(?P<year>{_YEAR})年(?:年底|年末|底|末)?(?:前|以前|之前)?,?"
    rf"(?:全面|基本|如期|率先|全部)?(?P<title>(?:{_COMPLETION_VERBS})[^,;:。\n]{{2,40}})"
)
# "南沙港铁路于2019年底前建成": the deadline after the subject.
_DONE_BY_RE: Final = re.compile(
    rf"(?P<subject>[^,;:。\n]{{2,30}}?)(?:于|在)(?P<year>{_YEAR})年(?:\d{{1,2}}月)?(?:底|末)?"
    rf"(?:前|以前)?(?:全面|基本|如期)?(?P<verb>{_COMPLETION_VERBS}|上线运行|建成投用)"
)
# English actions: "Draft legislation by 2024 that will…", "T7 Complete the study by 2023."
_ENGLISH_RE: Final = re.compile(
    r"(?:[A-Z]{1,3}\d{1,3}\s+)?(?P<title>(?:Complete|Develop|Draft|Establish|Implement|Launch|"
    r"Open|Publish|Adopt|Deliver|Introduce|Build|Update|Amend|Conduct|Create|Assess|Analyze|"
    r"Analyse|Train|Expand|Begin|Install|Finish|Produce|Review|Set up|Start)\b[^.;:]{2,120}?)"
    rf" by (?:the end of )?(?P<year>{_YEAR})\b"
)
_ANY_YEAR_RE: Final = re.compile(_YEAR)
_DONE_BY_YEAR_RE: Final = re.compile(rf"[于在]{_YEAR}年")
_FIGURE_RE: Final = re.compile(r"\d|[一二三四五六七八九十两百千万亿]+[个家项条座所亿万]")


@dataclass(frozen=True, slots=True)
class FoundMilestone:
    title: str
    year: int
    start: int  # of the milestone's own words, in the cleaned text
    end: int


def find_milestones(text: str, start: int, end: int) -> list[FoundMilestone]:
    """The milestones of the sentence ``text[start:end]``."""
    found: list[FoundMilestone] = []
    if _ANY_YEAR_RE.search(text, start, end) is None:  # every form needs a year
        return found
    for match in _EVENT_RE.finditer(text, start, end):
        found.append(FoundMilestone(match.group("name"), int(match.group("year")), *match.span()))
    for match in _DEADLINE_RE.finditer(text, start, end):
        title = match.group("title")
        if _FIGURE_RE.search(title):  # a figure makes it a target
            continue
        if any(item.start <= match.start() < item.end for item in found):
            continue
        # The deadline must lead its clause: "…,2019年底前建成X", not "在2019年…".
        before = text[max(start, match.start() - 1) : match.start()]
        if before and before not in ",;:。":
            continue
        found.append(FoundMilestone(title, int(match.group("year")), *match.span()))
    # "…于2019年底前建成": only a sentence with 于 / 在 before a year has one.
    done_by = _DONE_BY_YEAR_RE.search(text, start, end) is not None
    for match in _DONE_BY_RE.finditer(text, start, end) if done_by else ():
        title = match.group("subject").strip() + match.group("verb")
        if _FIGURE_RE.search(title) or any(
            item.start <= match.start() < item.end for item in found
        ):
            continue
        found.append(FoundMilestone(title, int(match.group("year")), *match.span()))
    english = _ENGLISH_RE.match(text, start, end)
    if english and not found:
        title = english.group("title").strip()
        if not _FIGURE_RE.search(title):
            found.append(FoundMilestone(title, int(english.group("year")), *english.span()))
    found.sort(key=lambda item: item.start)
    return found
