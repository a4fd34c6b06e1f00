"""English numbering: 1. / 1.1 / (a) / a), nested by first appearance."""

from __future__ import annotations

from actionplan.extract import PlanDraft, extract_plan

STRATEGY = """Greenfield Climate Strategy 2020-2030

1. Introduction
This strategy sets out how the city will reach net zero.

2. Our priorities
2.1 Homes
(a) Retrofit 500 council homes by 2023.
(b) Reduce energy use in council homes by 20% by 2030.
2.2 Transport
a) Increase the share of journeys made by bike to 15% by 2030.
b) Install 200 charging points by 2024.

3. Delivery
The council will publish progress each year.
"""


def _draft() -> PlanDraft:
    return extract_plan(STRATEGY)


def test_it_nests_numbered_dotted_and_lettered_items() -> None:
    draft = _draft()
    shape = [(node.path, node.level) for node in draft.nodes() if node.kind != "measure"]
    assert shape == [
        ("1", 1),
        ("2", 1),
        ("2/2.1", 2),
        ("2/2.1/(a)", 3),
        ("2/2.1/(b)", 3),
        ("2/2.2", 2),
        ("2/2.2/a", 3),
        ("2/2.2/b", 3),
        ("3", 1),
    ]


def test_the_deepest_level_of_full_sentences_holds_the_tasks() -> None:
    draft = _draft()
    kinds = {node.path: node.kind for node in draft.nodes()}
    assert kinds["1"] == "part"
    assert kinds["2/2.1"] == "section"
    assert kinds["2/2.1/(a)"] == "task"
    assert kinds["2/2.2/b"] == "task"


def test_english_titles_are_the_lead_phrase() -> None:
    draft = _draft()
    titles = {node.path: node.title for node in draft.nodes()}
    assert titles["1"] == "Introduction"
    assert titles["2/2.1"] == "Homes"
    assert titles["2/2.2/b"] == "Install 200 charging points by 2024"


def test_the_title_and_period_come_from_the_first_line() -> None:
    draft = _draft()
    assert draft.title == "Greenfield Climate Strategy 2020-2030"
    assert draft.period is not None
    assert (draft.period.start, draft.period.end) == (2020, 2030)


def test_english_targets_take_the_deadline_after_their_figure() -> None:
    draft = _draft()
    found = [(t.indicator, t.value, t.unit, t.year, t.kind, t.node) for t in draft.targets]
    assert found == [
        ("council homes", 500, "council homes", 2023, "increment", "2/2.1/(a)"),
        ("energy use in council homes", -20, "%", 2030, "growth_rate", "2/2.1/(b)"),
        ("share of journeys made by bike", 15, "%", 2030, "share", "2/2.2/a"),
        ("charging points", 200, "charging points", 2024, "increment", "2/2.2/b"),
    ]


def test_markdown_heading_marks_and_goal_labels_are_read() -> None:
    text = "# Plan\n## 1. Housing\n### 1.1 Supply\nWe will deliver 300 new homes by 2026.\n"
    draft = extract_plan(text)
    assert [node.path for node in draft.nodes() if node.kind != "measure"] == ["1", "1/1.1"]
    (target,) = draft.targets
    assert (target.indicator, target.value, target.unit, target.kind, target.year) == (
        "new homes",
        300,
        "homes",
        "increment",
        2026,
    )


def test_roman_and_label_numbering() -> None:
    text = (
        "I. Vision\nText here.\nII. Goals\nGoal 1: Clean air\n"
        "Cut NO2 levels by 30% by 2030.\nGoal 2: Green space\nPlant 10,000 trees by 2028.\n"
    )
    draft = extract_plan(text)
    paths = [node.path for node in draft.nodes() if node.kind != "measure"]
    assert paths == ["I", "II", "II/Goal 1", "II/Goal 2"]


def test_page_numbers_between_dashes_are_not_goal_bullets() -> None:
    text = "一、发展目标\n——经济实力增强。\n— 3 —\n——创新能力提升。\n二、重点任务\n"
    draft = extract_plan(text)
    goals = [node.title for node in draft.nodes() if node.kind == "goal"]
    assert goals == ["经济实力增强", "创新能力提升"]
