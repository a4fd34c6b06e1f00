"""The outline: numbered headings and items, goal bullets and proposed measures.

Numbering styles recognised at the start of a line (of the cleaned text, so
full-width brackets and dots are already half-width):

=========  ===================================  ====
style      examples                             rank
=========  ===================================  ====
chapter    第一章 第二部分                        0
article    第一节                                5
roman      I. II.                                8
cn         一、 二、 (also 一.)                   10
label      Goal 1, Objective 2, Priority 3:      25
pcn        (一) (二)                             20
arabic     1. 1、 2.                             30
dotted     1.1 2.3.1                             31+
paren      (1) (2)                               40
rparen     1) 2)                                 45
circled    ① ②                                   50
letter     (a) a)                                60
rletter    (i) i) (roman, lower case)            70
bullet     —— (goal bullets)                     90
=========  ===================================  ====

A style already open continues at its level (a sibling); a new style nests
under the styles of lower rank that are open. So documents that skip a level
("一、" then "1.") still nest correctly.

Kinds are given after the tree is built: the numbering style that carries
most items with body text is the *task* style; styles above it are *parts*
(the outermost) and *sections*, styles below it are *measures*; "——"
bullets, and task-style items under a 目标 heading, are *goals*. Inside a
task, every sentence after the title sentence becomes a proposed measure.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Final

from actionplan.extract.clean import CJK
from actionplan.extract.draft import NodeKind
from actionplan.extract.sentences import split_sentences

_CN_NUM: Final = "一二三四五六七八九十百零〇"
_ROMAN_UPPER: Final = r"(?:X{0,3})(?:IX|IV|V?I{0,3})"

_HEADING_RE: Final = re.compile(
    r"(?:#{1,6} +)?(?:"  # a Markdown heading mark may come first
    rf"(?P<chapter>第[{_CN_NUM}\d]+(?:章|篇|部分|编))[ :]*"
    rf"|(?P<article>第[{_CN_NUM}\d]+节)[ :]*"
    rf"|(?P<cn>[{_CN_NUM}]{{1,3}})(?:、|\.(?!\d)|,(?=[{CJK}]))[ ]*"
    rf"|\((?P<pcn>[{_CN_NUM}]{{1,3}})\)[、. ]*"
    rf"|(?P<dotted>\d{{1,2}}(?:\.\d{{1,2}}){{1,3}})\.?(?:[ ]+|(?=[{CJK}]))(?![万亿千百十%倍])"
    rf"|(?P<arabic>\d{{1,3}})(?:、|\.(?!\d))[ ]*"
    rf"|\((?P<paren>\d{{1,3}})\)[、. ]*"
    rf"|(?P<rparen>\d{{1,3}})\)[ ]*"
    rf"|(?P<circled>[\u2460-\u2473\u3251-\u325f])[ ]*"
    r"|(?P<roman>(?=[IVX])" + _ROMAN_UPPER + r")\.[ ]+"
    r"|\((?P<pletter>[a-z])\)[ ]*"
    r"|(?P<rletter>[a-z])\)[ ]*"
    r"|\((?P<proman>(?:i{1,3}|iv|vi{0,3}|ix|x))\)[ ]*"
    r"|(?P<label>(?:Chapter|Part|Section|Goal|Objective|Priority|Theme|Pillar|Outcome|Ambition|"
    r"Mission|Aim))[ ]+(?P<label_number>\d{1,2}|[IVX]{1,4}|[A-Z])\b[.:]?[ ]*"
    # Goal bullets: "——" (or one dash before Chinese text); "— 3 —" is a page number.
    r"|(?P<bullet>\u2014{2,}|-{2,}|\u2014(?=[\u4e00-\u9fff]))[ ]*(?=[^\u2014\- \d])"
    r")"
)

_RANKS: Final[dict[str, int]] = {
    "chapter": 0,
    "article": 5,
    "roman": 8,
    "cn": 10,
    "pcn": 20,
    "label": 25,
    "arabic": 30,
    "dotted": 31,  # + depth
    "paren": 40,
    "rparen": 45,
    "circled": 50,
    "pletter": 60,
    "rletter": 65,
    "proman": 70,
    "bullet": 90,
}
_SENTENCE_ENDS: Final = "。.!?;”"
# A title sentence ends at the first of these (or at the end of the line).
_TITLE_END_RE: Final = re.compile(r"[。!?;:]|\.(?=[ \n]|\Z)")
# Headings of parts whose numbered items are goals, not tasks.
_GOAL_HEADING_RE: Final = re.compile(
    r"目标|指标|(?i:\bgoals?\b|\btargets?\b|\bambitions?\b|\bobjectives?\b)"
)
_NOT_GOAL_HEADING_RE: Final = re.compile(r"任务|措施|举措|行动|工作|actions?\b", re.IGNORECASE)
# Headings whose items are never tasks (guiding ideas, principles, safeguards).
_FRAME_HEADING_RE: Final = re.compile(r"指导思想|基本原则|总体要求|总体思路|工作原则")
# Headings of a review of the past: what the plan starts from, not what it sets
# out to do ("(一)发展基础", "一、发展新阶段新起点", "“十四五”时期主要成就",
# "二、面临形势", "主要目标完成情况", "Progress to date"). They name a state
# (a noun phrase ending the title); a title that opens with a verb of action
# ("夯实发展基础", "抢抓发展机遇") is a task, and a title with a comma is a task
# sentence, not a section name.
_BACKGROUND_TAIL: Final = (
    r"(?:发展|现实|工作|产业|规划|良好)?基础|基础条件|(?:发展|基本|总体)?现状|基本情况|"
    r"(?:发展|工作|主要|取得的|显著)?(?:成效|成就|成绩)|(?:发展|工作)?回顾|(?:编制|规划|发展)?背景|"
    r"(?:发展|面临的?|当前|国内外)?形势|发展环境|机遇|挑战|(?:主要)?进展|(?:发展)?历程|"
    r"(?:存在的|面临的|主要)问题|短板|不足|新起点|新阶段|(?:完成|实现|执行|进展)情况"
)
_BACKGROUND_HEADING_RE: Final = re.compile(
    rf"(?:{_BACKGROUND_TAIL})(?:(?:与|和|及|、)(?:{_BACKGROUND_TAIL}|[^,;。]{{1,6}}(?:{_BACKGROUND_TAIL})))?\Z"
    r"|(?i:\A(?:(?:the\s+)?background|(?:the\s+)?context|our\s+progress|progress(?:\s+(?:to\s+date|so\s+far))?|"
    r"(?:our\s+)?achievements|where\s+we\s+are(?:\s+now)?|(?:the\s+)?current\s+(?:situation|state|context)|"
    r"the\s+story\s+so\s+far|what\s+we\s+have\s+(?:achieved|done)(?:\s+so\s+far)?)\Z)"
)
_ACTION_START_RE: Final = re.compile(
    r"\A(?:夯实|筑牢|抢抓|抓住|把握|加强|强化|推进|推动|促进|完善|健全|提升|巩固|补齐|破解|解决|化解|"
    r"应对|认清|直面|打牢|厚植|构建|建立|优化|深化|拓展|坚持|落实|实施|加快|做好|抓好|用好)"
)


@dataclass(slots=True, eq=False)
class Heading:
    """An outline node while it is built, in cleaned-text offsets."""

    style: str
    rank: int
    number: str
    start: int  # where the number starts
    title_start: int
    title_end: int
    end: int  # end of the node's own text
    title: str = ""
    kind: NodeKind = "section"
    parent: Heading | None = None
    children: list[Heading] = field(default_factory=list)
    has_body: bool = False
    is_item: bool = False  # body text or a full sentence, not a bare heading
    path: str = ""

    def walk(self) -> Iterator[Heading]:
        yield self
        for child in self.children:
            yield from child.walk()

    def ancestors(self) -> Iterator[Heading]:
        node = self.parent
        while node is not None:
            yield node
            node = node.parent


@dataclass(slots=True)
class Line:
    """A non-empty line of the cleaned text and the node it belongs to."""

    start: int
    end: int
    node: Heading | None


@dataclass(slots=True)
class Outline:
    roots: list[Heading]
    lines: list[Line]
    first_heading: int  # offset of the first heading (len(text) when none)
    line_starts: list[int] = field(default_factory=list)
    measure_starts: dict[int, list[int]] = field(default_factory=dict)

    def nodes(self) -> Iterator[Heading]:
        for root in self.roots:
            yield from root.walk()

    def node_at(self, position: int) -> Heading | None:
        """The deepest node holding ``position``: the node of its line, or
        the proposed measure (sentence) of that node that holds it."""
        index = bisect_right(self.line_starts, position) - 1
        if index < 0:
            return None
        node = self.lines[index].node
        if node is None or not node.children or node.children[0].style != "sentence":
            return node
        starts = self.measure_starts.get(id(node))
        if starts is None:  # computed once per task, not once per sentence
            starts = [child.start for child in node.children if child.style == "sentence"]
            self.measure_starts[id(node)] = starts
        found = bisect_right(starts, position) - 1
        if found >= 0 and position < node.children[found].end:
            return node.children[found]
        return node


def _style_and_number(match: re.Match[str]) -> tuple[str, str]:
    style = match.lastgroup or ""
    if style == "label_number":
        style = "label"
    value = match.group(style) if style != "label" else ""
    if style == "pcn":
        return style, f"({value})"
    if style in ("paren", "pletter", "proman"):
        return style, f"({value})"
    if style == "label":
        label = match.group("label")
        return f"label:{label}", f"{label} {match.group('label_number')}"
    if style == "dotted":
        return f"dotted{value.count('.')}", value
    return style, value


def _rank(style: str) -> int:
    if style.startswith("dotted"):
        return _RANKS["dotted"] + int(style[6:])
    if style.startswith("label"):
        return _RANKS["label"]
    return _RANKS[style]


_LINE_RE: Final = re.compile(r"[^\n]+")


def build_outline(text: str) -> Outline:
    """Read the numbered structure of the cleaned ``text``."""
    roots: list[Heading] = []
    lines: list[Line] = []
    stack: list[Heading] = []
    bullet_open = False  # a goal bullet takes one paragraph only
    first_heading = len(text)
    goal_counts: dict[int, int] = {}
    for line_match in _LINE_RE.finditer(text):
        start, end = line_match.span()
        match = _HEADING_RE.match(text, start, end)
        if match is None or match.end() >= end:
            # Body text: it belongs to the innermost open node.
            if bullet_open:
                stack.pop()
                bullet_open = False
            if stack:
                node = stack[-1]
                node.has_body = node.is_item = True
                if not node.children:
                    node.end = end
            lines.append(Line(start, end, stack[-1] if stack else None))
            continue
        style, number = _style_and_number(match)
        rank = _rank(style)
        if bullet_open:
            stack.pop()
            bullet_open = False
        open_styles = [item.style for item in stack]
        if style in open_styles:
            del stack[open_styles.index(style) :]
        else:
            while stack and stack[-1].rank >= rank:
                stack.pop()
        parent = stack[-1] if stack else None
        if style == "bullet":
            key = id(parent)
            goal_counts[key] = goal_counts.get(key, 0) + 1
            number = f"——{goal_counts[key]}"
        title_start = match.end()
        title_match = _TITLE_END_RE.search(text, title_start, end)
        title_end = title_match.start() if title_match else end
        node = Heading(
            style=style,
            rank=rank,
            number=number,
            start=start,
            title_start=title_start,
            title_end=title_end,
            end=end,
            title=text[title_start:title_end].strip(" :"),
            parent=parent,
            has_body=title_match is not None and title_match.end() < end,
            is_item=text[end - 1] in _SENTENCE_ENDS
            or (title_match is not None and title_match.end() < end),
        )
        (parent.children if parent else roots).append(node)
        stack.append(node)
        bullet_open = style == "bullet"
        first_heading = min(first_heading, start)
        lines.append(Line(start, end, node))
    outline = Outline(roots, lines, first_heading, [line.start for line in lines])
    _assign_kinds(outline)
    _add_measures(text, outline)
    _assign_paths(outline.roots, "")
    return outline


def _assign_kinds(outline: Outline) -> None:
    """Kinds by depth: the tasks are at the deepest depth whose nodes are
    mostly *items* (body text or a full sentence, not bare headings) and
    that holds at least half as many items as the richest depth. Above it
    are parts (depth 1) and sections, below it measures."""
    depths: dict[int, int] = {}
    items: dict[int, int] = {}
    nodes_at: dict[int, int] = {}
    for root in outline.roots:
        _measure_depths(root, 1, depths, items, nodes_at)
    if not items:
        for node in outline.nodes():
            node.kind = "goal"
        return
    # The deepest depth that is mostly items and holds at least half as many
    # items as the richest depth: a few "(1)" sub-items do not make tasks.
    most = max(items.values())
    candidates = [
        depth
        for depth, count in items.items()
        if count * 2 >= most and count * 2 >= nodes_at[depth]
    ]
    task_depth = max(candidates) if candidates else max(items, key=lambda d: (items[d], d))
    for node in outline.nodes():
        depth = depths[id(node)]
        if node.style == "bullet":
            under_task = any(a.kind == "task" for a in node.ancestors())
            parent = node.parent
            under_goals = parent is not None and _is_goal_heading(parent.title)
            node.kind = "measure" if under_task and not under_goals else "goal"
        elif depth == task_depth and node.children and _is_goal_heading(node.title):
            node.kind = "section"  # "一、发展目标" holding its goals
        elif depth == task_depth:
            node.kind = _task_or_goal(node)
        elif depth > task_depth:
            node.kind = "measure"
        elif depth == 1:
            node.kind = "part"
        else:
            node.kind = "section"


def _measure_depths(
    node: Heading,
    depth: int,
    depths: dict[int, int],
    items: dict[int, int],
    nodes_at: dict[int, int],
) -> None:
    depths[id(node)] = depth
    if node.style != "bullet":
        items[depth] = items.get(depth, 0) + int(node.is_item)
        nodes_at[depth] = nodes_at.get(depth, 0) + 1
    for child in node.children:
        _measure_depths(child, depth + 1, depths, items, nodes_at)


def _is_goal_heading(title: str) -> bool:
    return bool(_GOAL_HEADING_RE.search(title)) and not _NOT_GOAL_HEADING_RE.search(title)


def is_background_heading(title: str) -> bool:
    """Whether a heading names a review of the past (发展基础, 现状与形势…)."""
    title = title.strip(" :.。")
    if not title or len(title) > 24 or "," in title or _ACTION_START_RE.match(title):
        return False
    return bool(_BACKGROUND_HEADING_RE.search(title))


def _task_or_goal(node: Heading) -> NodeKind:
    for ancestor in node.ancestors():
        if _FRAME_HEADING_RE.search(ancestor.title):
            return "section"
        heading = ancestor.title
        if _GOAL_HEADING_RE.search(heading) and not _NOT_GOAL_HEADING_RE.search(heading):
            return "goal"
    return "task"


def _add_measures(text: str, outline: Outline) -> None:
    """Every sentence of a task after its title sentence is a proposed measure."""
    for task in [node for node in outline.nodes() if node.kind == "task"]:
        sentences = list(split_sentences(text, task.title_start, task.end))
        measures = [
            Heading(
                style="sentence",
                rank=_RANKS["bullet"] + 1,
                number=f"{task.number.strip('()')}.{index}",
                start=start,
                title_start=start,
                title_end=end,
                end=end,
                title=text[start:end].rstrip("。.;!? "),
                kind="measure",
                parent=task,
                has_body=True,
            )
            for index, (start, end) in enumerate(sentences[1:], start=1)
        ]
        task.children[:0] = measures


def _assign_paths(nodes: list[Heading], prefix: str) -> None:
    seen: dict[str, int] = {}
    for node in nodes:
        number = node.number
        seen[number] = seen.get(number, 0) + 1
        if seen[number] > 1:  # a repeated number in one list keeps paths unique
            number = f"{number}#{seen[number]}"
        node.path = f"{prefix}/{number}" if prefix else number
        _assign_paths(node.children, node.path)


def title_sentence_end(text: str, node: Heading) -> int:
    """Where the node's title sentence ends (its first sentence)."""
    for _start, end in split_sentences(text, node.title_start, node.end):
        return end
    return node.title_end
