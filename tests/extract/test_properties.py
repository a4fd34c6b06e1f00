"""Properties over arbitrary text: no error but ExtractError, spans inside
the text and well ordered."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from actionplan.extract import ExtractError, OutlineNode, PlanDraft, extract_plan
from actionplan.extract.clean import clean

# Plan-like material mixed with anything: the rules see numbers, years,
# numbering and furniture often, not only random code points.
FRAGMENTS = [
    "一、",
    "(一)",
    "（二）",
    "1.",
    "1、",
    "(1)",
    "①",
    "——",
    "到2020年,",
    "2020年",
    "达到",
    "力争",
    "新增",
    "下降",
    "由2017年的",
    "提高到",
    "1000万人次",
    "6.5亿吨",
    "23%",
    "百分之五",
    "以上",
    "左右",
    "。",
    ",",
    "、",
    "：",
    "\n",
    "\r\n",
    "\u00a0",
    "\u3000",
    "当前位置:",
    "扫一扫在手机打开当前页",
    "http://x.cn/a",
    "“",
    "”",
    "《",
    "》",
    "by 2030",
    "50 per cent",
    "1,000 new homes",
    "£2 million",
    "(a)",
    "1.1 ",
    "第二章",
]
plan_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=8)), max_size=60).map(
    "".join
)


def _spans(draft: PlanDraft) -> list[tuple[int, int]]:
    spans = [t.span for t in draft.targets] + [m.span for m in draft.milestones]
    spans += [q.span for q in draft.named_quantities]
    spans += [node.span for node in draft.nodes()]
    return spans


def _check(text: str) -> PlanDraft | None:
    try:
        draft = extract_plan(text)
    except ExtractError:
        return None
    for start, end in _spans(draft):
        assert 0 <= start <= end <= len(text)
    return draft


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=300))
def test_arbitrary_text_raises_nothing_but_extract_error_and_spans_lie_inside(text: str) -> None:
    _check(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plan_text)
def test_plan_like_text_gives_spans_inside_the_text_and_in_order(text: str) -> None:
    draft = _check(text)
    if draft is None:
        return

    def check_children(node: OutlineNode) -> None:
        previous = node.span[0]
        for child in node.children:
            assert child.span[0] >= previous
            assert child.span[0] >= node.span[0]
            assert child.level == node.level + 1
            previous = child.span[0]
            check_children(child)

    previous_root = 0
    for root in draft.outline:
        assert root.span[0] >= previous_root
        previous_root = root.span[0]
        check_children(root)
    starts = [t.span[0] for t in draft.targets]
    assert starts == sorted(starts)
    for target in draft.targets:
        start, end = target.span
        assert clean(text[start:end]).text == target.sentence


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=200))
def test_cleaning_maps_every_offset_inside_the_original(text: str) -> None:
    cleaned = clean(text)
    previous = -1
    for position in range(len(cleaned.text)):
        index = cleaned.to_original(position)
        assert previous < index < len(text)
        previous = index
