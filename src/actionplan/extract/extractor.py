"""``extract_plan``: the text of a plan in, a ``PlanDraft`` out.

The stages, each in its own module: ``clean`` (furniture out, widths
normalised, offsets kept), ``outline`` (numbered structure, goals, measures),
``title`` (title and period), then, sentence by sentence, ``targets`` (or
``english`` for English sentences) and ``milestones``. Everything works on
the cleaned text; spans are mapped back to the original at the end.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from typing import Final

from actionplan.extract.clean import CleanText, clean
from actionplan.extract.context import FoundTarget, SentenceContext, SentenceReading
from actionplan.extract.draft import (
    Baseline,
    Milestone,
    NamedQuantity,
    OutlineNode,
    Period,
    PlanDraft,
    Target,
)
from actionplan.extract.english import read_english_sentence
from actionplan.extract.errors import ExtractError
from actionplan.extract.milestones import find_milestones
from actionplan.extract.outline import (
    Heading,
    Line,
    Outline,
    build_outline,
    is_background_heading,
)
from actionplan.extract.sentences import split_sentences
from actionplan.extract.tables import TableTarget, read_tables
from actionplan.extract.targets import kind_of, read_chinese_sentence
from actionplan.extract.title import read_title
from actionplan.extract.years import find_years, leading_deadline

# The longest text accepted, in characters: far above any real plan (the
# longest national plans are under 1 MB), low enough to answer in seconds.
MAX_TEXT_CHARS: Final = 32 * 1024 * 1024

_CJK_RE: Final = re.compile(r"[\u3400-\u9fff]")
_GOAL_HEADING_RE: Final = re.compile(
    r"目标|指标|(?i:\bgoals?\b|\btargets?\b|\bambitions?\b|\bobjectives?\b)"
)
_NOT_GOAL_HEADING_RE: Final = re.compile(r"任务|措施|举措|工作")


def extract_plan(text: str) -> PlanDraft:
    """Read the plan in ``text`` (the document's text, as given) into a draft.

    Raises ``ExtractError`` when the text is longer than ``MAX_TEXT_CHARS``.
    Text without any structure gives a valid draft with an empty outline.
    """
    if len(text) > MAX_TEXT_CHARS:
        raise ExtractError(
            f"the text is {len(text) / 1024 / 1024:.1f} M characters long; "
            f"the limit is {MAX_TEXT_CHARS // 1024 // 1024} M"
        )
    cleaned = clean(text)
    body = cleaned.text
    outline = build_outline(body)
    title, period = read_title(body, outline.first_heading)
    draft = PlanDraft(title=title, period=period)
    reference_year = period.start if period else _first_deadline(body)
    if period is None:
        # "2025年经济社会发展的主要预期目标是:" after a review of 2024: the
        # year whose goals the document sets is the plan's start.
        goal_year = _goals_year(body)
        if goal_year is not None and (reference_year is None or goal_year > reference_year):
            reference_year = goal_year
    default_year = period.end if period else None
    # An annual plan ("2025年…工作要点") dates every figure to its year.
    annual_year = period.end if period and period.start == period.end else None
    carried: dict[int, int] = {}  # id(node) → deadline carried by a lead-in
    headings = frozenset(
        line.start for line in outline.lines if line.node and line.node.start == line.start
    )
    table_lines, table_targets = read_tables(
        body,
        [(line.start, line.end) for line in outline.lines],
        default_year,
        headings,
        reference_year,
    )
    rows: dict[int, list[TableTarget]] = {}
    for row in table_targets:
        rows.setdefault(row.start, []).append(row)
    labels = _RowLabels()
    reviewing = False  # under a line that reviews a year ("■ 2024年成绩单")
    # "到2025年，农村人居环境进一步改善。" on a line of its own, then the goals on
    # the lines after it: the lead line's deadline carries to them (in its node).
    lead_year: int | None = None
    lead_node: Heading | None = None
    # "Our aim is:" / "We will:" / "Targets:": the list items under it commit.
    aim_list = False
    run_start = 0  # first target of the run of lines that gave targets
    skipped = _progress_cells(body, outline.lines)
    roles: dict[int, tuple[bool, bool]] = {}  # id(node) → (in goals, in background)
    for line in outline.lines:
        line_node = line.node
        labels.enter(line_node)
        if line.start in table_lines:
            for row in rows.get(line.start, []):
                row_node = outline.node_at(row.start)
                if _section_role(row_node, roles)[1] and not (
                    row.dated
                    and reference_year is not None
                    and row.year is not None
                    and row.year >= reference_year
                ):
                    # A table under a review of the past (发展基础, “十三五”回顾)
                    # reports results, unless a column dates a target of the plan.
                    continue
                draft.targets.append(_table_target(cleaned, row, row_node))
            continue
        if skipped.get(line.start) == []:
            continue  # a cell of a progress column: a report, not a target
        line_start = line.start
        if line_node is not None and line.start == line_node.start:
            _carry_heading_year(body, line_node, carried)
            line_start = line_node.title_start  # the number is not part of a sentence
            lead_year = None
        if lead_node is not line_node:
            lead_year = None
        opening = (
            leading_deadline(body, line_start, line.end, reference_year)
            if _YEAR_NEAR_START_RE.match(body, line_start, line.end)
            else None
        )
        if opening is not None:
            lead_year = None  # a line with its own deadline starts a new passage
        if aim_list and not _LIST_ITEM_RE.match(body, line_start, line.end):
            aim_list = False
        paragraph_year: int | None = None
        line_first = len(draft.targets)
        review_line = _year_line_reviews(body, line_start, line.end, reference_year)
        if review_line is not None:
            reviewing = review_line
        for start, end in _line_sentences(body, line_start, line.end, skipped.get(line.start)):
            node = outline.node_at(start)
            in_goals, background = _section_role(node, roles)
            background = background or reviewing
            context = SentenceContext(
                start=start,
                end=end,
                node=node.path if node else "",
                carried_year=paragraph_year
                or lead_year
                or _carried_year(node, carried)
                or annual_year,
                default_year=default_year,
                reference_year=reference_year,
                in_goals=in_goals or aim_list,
                background=background,
                label=labels.label,
            )
            # "到2030年，…。单位…下降65%以上；…": a paragraph's lead deadline
            # governs its later sentences.
            paragraph_year = leading_deadline(body, start, end, reference_year) or paragraph_year
            reading = _read_sentence(body, context)
            if not reading.targets:
                _carry_lead_in(body, start, end, line_node, carried, paragraph_year)
                if (start, end) == (line_start, line.end):
                    _carry_year_heading_line(body, start, end, line_node, carried, reference_year)
            first_new = len(draft.targets)
            _add_reading(draft, cleaned, reading)
            labels.read(body, start, end, line_start, line.end, draft.targets, first_new)
            for milestone in find_milestones(body, start, end):
                draft.milestones.append(
                    Milestone(
                        title=milestone.title,
                        year=milestone.year,
                        sentence=body[start:end],
                        span=cleaned.span_to_original(start, end),
                        node=context.node,
                    )
                )
        if len(draft.targets) == line_first:
            line_text = body[line_start : line.end]
            deadline = opening if opening is not None else _aim_deadline(body, line_start, line.end)
            if (
                deadline is not None
                and not _CJK_RE.search(line_text)
                and _ACHIEVE_THESE_RE.search(line_text)
            ):
                # "The aim is to achieve these objectives by the end of 2022.": the
                # deadline of the objectives listed just before it.
                for at in range(run_start, len(draft.targets)):
                    if draft.targets[at].year is None:
                        draft.targets[at] = replace(draft.targets[at], year=deadline)
            elif deadline is not None and (reference_year is None or deadline >= reference_year):
                lead_year, lead_node = deadline, line_node
            if line_text.rstrip().endswith(":") and _AIM_LEAD_RE.search(line_text):
                aim_list = True
            run_start = len(draft.targets)
    draft.outline = [_to_node(body, cleaned, root, 1) for root in outline.roots]
    return draft


_LABEL_LINE_RE: Final = re.compile(r"[A-Z][^.:;!?\n]*[^.:;!?\s]")
_LABEL_WORDS: Final = 8
_LABEL_VERB_RE: Final = re.compile(
    r"\A(?:reduce|cut|lower|decrease|increase|raise|grow|boost|improve|expand|achieve|deliver)"
    r"\s+(?:the\s+|our\s+)?(?=\S)",
    re.IGNORECASE,
)


class _RowLabels:
    """Row labels of English lists and tables of targets.

    A line of its own (a heading's title, or body text) that is short (at
    most eight words), starts with a capital and ends without a full stop or
    colon is a label: "Carbon neutral operations", or a goal stated in brief,
    "Reduce fossil fuels 50%". The lines after it in the same outline node
    that state a figure without naming a subject, in a short row ("60%
    reduction from 2010 levels by 2020"), take the label's subject: its text
    without a leading verb, or the indicator of the goal it states. A goal
    stated in a label without a year takes the year of the figure that
    restates it on the next line ("Reduce fossil fuels 50%" / "50% reduction
    from 2010 levels by 2030")."""

    def __init__(self) -> None:
        self.node: Heading | None = None
        self.label = ""
        self.headline: int | None = None  # index in the draft's targets

    def enter(self, node: Heading | None) -> None:
        if node is not self.node:
            self.node, self.label, self.headline = node, "", None

    def read(
        self,
        body: str,
        start: int,
        end: int,
        line_start: int,
        line_end: int,
        targets: list[Target],
        first_new: int,
    ) -> None:
        new = targets[first_new:]
        if self.headline is not None and new:
            headline = targets[self.headline]
            restated = new[0]
            if (restated.value, restated.unit) == (headline.value, headline.unit) and restated.year:
                targets[self.headline] = replace(headline, year=restated.year)
            self.headline = None
        if _CJK_RE.search(body, start, end) or (start, end) != (line_start, line_end):
            return
        if not _LABEL_LINE_RE.fullmatch(body, start, end):
            return
        if len(body[start:end].split()) > _LABEL_WORDS:
            return
        if new:
            self.label = new[0].indicator
            if len(new) == 1 and new[0].year is None:
                self.headline = first_new
        else:
            self.label = _LABEL_VERB_RE.sub("", body[start:end])  # "Reduce emissions" → emissions


# A year within the first characters of a line: the only lines that may open
# with a deadline ("到2025年", "力争到2030年", "By 2030").
_YEAR_NEAR_START_RE: Final = re.compile(r"[^\n\d]{0,4}(?:19|20)\d\d")
# An item of a list: a bullet, or a line that goes on in lower case ("to recycle…").
_LIST_ITEM_RE: Final = re.compile(r"\s*(?:[•·▪◦‣●○■□◆\-–—*]|\d{1,2}[.)] |[a-z])")
# A lead-in of a list of aims: "Our aim is:", "We will:", "Targets:", "…are to:".
_AIM_LEAD_RE: Final = re.compile(
    r"(?i:\b(?:aims?|objectives?|targets?|goals?|ambitions?|we will|are to|is to)\b)"
)
# "The aim is to achieve these objectives by the end of 2022."
_ACHIEVE_THESE_RE: Final = re.compile(
    r"(?i:\b(?:achieve|meet|reach|deliver)\s+(?:these|those|the|all|our)\s+"
    r"(?:objectives|targets|aims|goals|ambitions)\b)"
)
# An English sentence of aim with its deadline: "…plans to make the area smoke
# free by 2030", "Council aims to be “smoke free” by 2030".
_AIM_WORD_RE: Final = re.compile(
    r"(?i:\b(?:aims?|aiming|plans? to|objectives?|targets?|goals?|ambitions?|commit\w*)\b)"
)


def _aim_deadline(body: str, start: int, end: int) -> int | None:
    """The deadline of an English line of aim without a figure of its own."""
    if _CJK_RE.search(body, start, end) or not _AIM_WORD_RE.search(body, start, end):
        return None
    years = {m.year for m in find_years(body, start, end) if m.role == "deadline"}
    return years.pop() if len(years) == 1 else None


# Column names of a task table; the progress column reports, it sets no target.
_COLUMN_NAME_RE: Final = re.compile(
    r"序号|项目内容|项目名称|项目|任务|任务内容|工作任务|目标|目标任务|年度目标|工作目标|"
    r"当前进度|进度|进展|进展情况|完成情况|完成进度|进展比例|牵头单位|责任单位|配合单位|"
    r"备注|时限|完成时限|(?i:no\.?|task|target|progress|status|lead|notes?)"
)
_PROGRESS_COLUMN_RE: Final = re.compile(
    r"当前进度|进度|进展|进展情况|完成情况|完成进度|进展比例|(?i:progress|status)"
)
_ROW_NUMBER_RE: Final = re.compile(r"\d{1,3}")


def _progress_cells(body: str, lines: list[Line]) -> dict[int, list[tuple[int, int]]]:
    """The parts of the lines of a task table that are read, when the table has
    a progress column ("| 序号 | 任务 | 目标 | 进展 |"; or one cell per line,
    序号 / 项目内容 / 当前进度 / 牵头单位…): line start → the cells to read, the
    progress cell and the row number left out (an empty list: skip the line)."""
    found: dict[int, list[tuple[int, int]]] = {}
    index = 0
    while index < len(lines):
        line = lines[index]
        text = body[line.start : line.end]
        if text.count("|") >= 3:
            cells = _pipe_cells(body, line.start, line.end)
            names = [body[a:b].strip() for a, b in cells]
            progress = [i for i, n in enumerate(names) if _PROGRESS_COLUMN_RE.fullmatch(n)]
            if progress and all(_COLUMN_NAME_RE.fullmatch(n) for n in names if n):
                index += 1
                while (
                    index < len(lines)
                    and body.count("|", lines[index].start, lines[index].end) >= 3
                ):
                    row_cells = _pipe_cells(body, lines[index].start, lines[index].end)
                    found[lines[index].start] = [
                        (a, b)
                        for i, (a, b) in enumerate(row_cells)
                        if i not in progress and not _ROW_NUMBER_RE.fullmatch(body[a:b].strip())
                    ]
                    index += 1
                continue
        width = 0
        while index + width < len(lines) and _COLUMN_NAME_RE.fullmatch(
            body[lines[index + width].start : lines[index + width].end].strip()
        ):
            width += 1
        header = [body[ln.start : ln.end].strip() for ln in lines[index : index + width]]
        progress = [i for i, n in enumerate(header) if _PROGRESS_COLUMN_RE.fullmatch(n)]
        if width >= 3 and header[0] == "序号" and progress:
            row = index + width
            while row + width <= len(lines) and _ROW_NUMBER_RE.fullmatch(
                body[lines[row].start : lines[row].end].strip()
            ):
                found[lines[row].start] = []
                for column in progress:
                    found[lines[row + column].start] = []
                row += width
            index = row
            continue
        index += 1
    return found


def _pipe_cells(body: str, start: int, end: int) -> list[tuple[int, int]]:
    cells: list[tuple[int, int]] = []
    position = start
    while position < end:
        bar = body.find("|", position, end)
        stop = end if bar < 0 else bar
        if body[position:stop].strip():
            cells.append((position, stop))
        position = stop + 1
    return cells


def _line_sentences(
    body: str, start: int, end: int, parts: list[tuple[int, int]] | None
) -> Iterator[tuple[int, int]]:
    if parts is None:
        yield from split_sentences(body, start, end)
        return
    for part_start, part_end in parts:
        a = part_start + len(body[part_start:part_end]) - len(body[part_start:part_end].lstrip())
        b = part_start + len(body[part_start:part_end].rstrip())
        if a < b:
            yield from split_sentences(body, a, b)


def _read_sentence(body: str, context: SentenceContext) -> SentenceReading:
    if _CJK_RE.search(body, context.start, context.end):
        return read_chinese_sentence(body, context)
    return read_english_sentence(body, context)


def _first_deadline(body: str) -> int | None:
    """Without a stated period, the earliest deadline stands for the plan's
    start when telling past facts from targets."""
    years = [
        m.year
        for m in find_years(body, 0, len(body))
        if m.role == "deadline" and not body.startswith(_AS_OF, m.start)
    ]
    return min(years) if years else None


# "截至2016年底,全国已…": the date of a status, not a deadline of the plan.
_AS_OF: Final = ("截至", "截止")


def _carry_heading_year(body: str, node: Heading, carried: dict[int, int]) -> None:
    """A heading that states a deadline ("（二）2020年目标") governs its items."""
    for mention in find_years(body, node.title_start, node.title_end):
        if mention.role in ("deadline", "bare"):
            carried[id(node)] = mention.year
            return


_DOCUMENT: Final = 0  # key of a lead-in outside any node
# A line that holds only a label and a deadline ("近期目标:到2025年,"): a lead-in
# whose year governs the items under it.
_DEADLINE_LEAD_RE: Final = re.compile(
    r"(?:[^,:;。]{0,12}:)?(?:力争|争取)?(?:到|至|在)?(?:19|20)\d\d年(?:底|末|前)?[,:]?\s*"
)


def _carry_lead_in(
    body: str,
    start: int,
    end: int,
    node: Heading | None,
    carried: dict[int, int],
    paragraph_year: int | None,
) -> None:
    """A lead-in such as "到2025年，主要目标是：" governs the items that follow
    it in its node (or, before the first heading, in the whole document); so
    does "具体目标是：" after a paragraph that opened with "到2020年，"."""
    sentence = body[start:end]
    if not sentence.rstrip().endswith(":") and not _DEADLINE_LEAD_RE.fullmatch(sentence):
        return
    key = id(node) if node is not None else _DOCUMENT
    for mention in find_years(body, start, end):
        if mention.role in ("deadline", "bare"):
            carried[key] = mention.year
            return
    if paragraph_year is not None:
        carried[key] = paragraph_year


# A line of its own that names the goals or work of a year, without a number
# of the outline: "2023年经济社会发展主要目标", "2024年重点工作安排".
_YEAR_HEADING_LINE_RE: Final = re.compile(
    r"[^,;:。!?\d]{0,12}(?:19|20)\d\d年度?[^,;:。!?\d]{0,20}"
    r"(?:目标|指标|目标任务|计划|任务|安排|要点|重点工作)[:]?"
)
_REVIEW_LINE_RE: Final = re.compile(r"回顾|完成情况|执行情况|成效|成绩")


def _carry_year_heading_line(
    body: str,
    start: int,
    end: int,
    node: Heading | None,
    carried: dict[int, int],
    reference_year: int | None,
) -> None:
    """A line that heads what follows with a year and a goal word, like a
    numbered heading ("（二）2020年目标"), dates the lines under it in its node."""
    if not _YEAR_HEADING_LINE_RE.fullmatch(body, start, end) or _REVIEW_LINE_RE.search(
        body, start, end
    ):
        return
    for mention in find_years(body, start, end):
        if mention.role in ("deadline", "bare"):
            if reference_year is None or mention.year >= reference_year:
                carried[id(node) if node is not None else _DOCUMENT] = mention.year
            return


# The goals of a year named by a lead-in or a line of its own:
# "2025年经济社会发展的主要预期目标是:", "■ 2025年经济社会发展的主要预期目标".
_GOALS_YEAR_RE: Final = re.compile(
    r"((?:19|20)\d\d)年度?[^,;:。!?\d\n]{0,16}(?:主要预期目标|预期目标|主要目标)(?:是|为)?[:\n]"
)
# A line of its own that reviews a year: "■ 2024年成绩单", "2024年工作回顾".
_YEAR_REVIEW_LINE_RE: Final = re.compile(
    r"[^,;:。!?\d]{0,12}(?:19|20)\d\d年度?[^,;:。!?\d]{0,20}"
    r"(?:成绩单|回顾|完成情况|执行情况|主要成绩|工作成效)[:]?"
)


def _goals_year(body: str) -> int | None:
    """The year whose goals a document without a stated period sets, when a
    lead-in or line names them ("2025年经济社会发展的主要预期目标是:")."""
    years = [int(m.group(1)) for m in _GOALS_YEAR_RE.finditer(body + "\n")]
    return max(years) if years else None


def _year_line_reviews(body: str, start: int, end: int, reference_year: int | None) -> bool | None:
    """True for a line of its own that reviews a year before the plan's start
    ("■ 2024年成绩单" in a plan for 2025); False for a line that names the
    goals or work of a year not before the start; None otherwise."""
    if _YEAR_REVIEW_LINE_RE.fullmatch(body, start, end) or _YEAR_HEADING_LINE_RE.fullmatch(
        body, start, end
    ):
        for mention in find_years(body, start, end):
            if mention.role in ("deadline", "bare"):
                return reference_year is not None and mention.year < reference_year
    return None


def _carried_year(node: Heading | None, carried: dict[int, int]) -> int | None:
    while node is not None:
        year = carried.get(id(node))
        if year is not None:
            return year
        node = node.parent
    return carried.get(_DOCUMENT)


def _section_role(node: Heading | None, roles: dict[int, tuple[bool, bool]]) -> tuple[bool, bool]:
    """(in goals, in background) for a sentence of ``node``, from the nearest
    heading that says either: a goal bullet or a 目标 / 指标 / goals heading
    (not one of 任务 / 措施), or a heading that names a review of the past
    (发展基础, 现状与形势, 主要目标完成情况, Progress to date). Proposed
    measures (sentences) and goal bullets are not read as background.
    ``roles`` keeps the answer for every node met (id(node) → role), so each
    heading is looked at once."""
    if node is None:
        return False, False
    role = roles.get(id(node))
    if role is not None:
        return role
    if node.style not in ("sentence", "bullet") and is_background_heading(node.title):
        role = (False, True)
    elif node.kind == "goal" or (
        _GOAL_HEADING_RE.search(node.title) and not _NOT_GOAL_HEADING_RE.search(node.title)
    ):
        role = (True, False)
    else:
        role = _section_role(node.parent, roles)
    roles[id(node)] = role
    return role


def _add_reading(draft: PlanDraft, cleaned: CleanText, reading: SentenceReading) -> None:
    for found in reading.targets:
        draft.targets.append(_to_target(cleaned, found))
    for name in reading.names:
        draft.named_quantities.append(
            NamedQuantity(
                text=cleaned.text[name.start : name.end],
                span=cleaned.span_to_original(name.start, name.end),
                node=name.node,
            )
        )


def _to_target(cleaned: CleanText, found: FoundTarget) -> Target:
    baseline = None
    if found.baseline_value is not None and found.baseline_year is not None:
        baseline = Baseline(found.baseline_value, found.baseline_year)
    return Target(
        indicator=found.indicator,
        value=found.value,
        unit=found.unit,
        year=found.year,
        comparator=found.comparator,
        aspirational=found.aspirational,
        kind=found.kind,
        baseline=baseline,
        sentence=cleaned.text[found.sentence_start : found.sentence_end],
        span=cleaned.span_to_original(found.sentence_start, found.sentence_end),
        node=found.node,
    )


def _table_target(cleaned: CleanText, row: TableTarget, node: Heading | None) -> Target:
    baseline = None
    if row.baseline_value is not None and row.baseline_year is not None:
        baseline = Baseline(row.baseline_value, row.baseline_year)
    return Target(
        indicator=row.indicator,
        value=row.value,
        unit=row.unit,
        year=row.year,
        comparator=row.comparator,
        aspirational=False,
        kind=kind_of(row.indicator, row.unit),
        baseline=baseline,
        sentence=cleaned.text[row.start : row.end],
        span=cleaned.span_to_original(row.start, row.end),
        node=node.path if node else "",
    )


def _to_node(body: str, cleaned: CleanText, heading: Heading, level: int) -> OutlineNode:
    return OutlineNode(
        number=heading.number,
        level=level,
        kind=heading.kind,
        title=heading.title,
        text=body[heading.start : heading.end],
        span=cleaned.span_to_original(heading.start, heading.end),
        path=heading.path,
        children=[_to_node(body, cleaned, child, level + 1) for child in heading.children],
    )


__all__ = ["MAX_TEXT_CHARS", "Outline", "Period", "extract_plan"]
