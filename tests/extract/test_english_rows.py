"""English lists and tables of targets: row labels, reference phrases, goals
stated in brief, and rates named after their figure (rulings 21, 35, 36)."""

from __future__ import annotations

from actionplan.extract import Target, extract_plan


def described(text: str) -> list[tuple[str, float, int | None, str]]:
    return [(t.indicator, t.value, t.year, t.kind) for t in extract_plan(text).targets]


TABLE = (
    "(1) Targets and benchmarks.\n"
    "Target (in GHGs)\n"
    "Carbon neutral operations\n"
    "60% reduction from 2010 levels by 2020\n"
    "Annual: 15% reduction per year\n"
    "Reduce fossil fuels 50%\n"
    "50% reduction from 2010 levels by 2030.\n"
    "By 2025: 38% reduction from 2010\n"
)


def test_rows_take_the_subject_of_their_label() -> None:
    assert described(TABLE) == [
        ("Carbon neutral operations", -60, 2020, "growth_rate"),
        ("Carbon neutral operations", -15, None, "growth_rate"),
        ("fossil fuels", -50, 2030, "growth_rate"),
        ("fossil fuels", -50, 2030, "growth_rate"),
        ("fossil fuels", -38, 2025, "growth_rate"),
    ]


def test_a_reference_phrase_is_no_subject() -> None:
    found = described("We will deliver a 40% reduction from 2005 levels by 2030.")
    assert found == []  # no subject in the sentence and no row label above it


def test_a_goal_stated_in_brief_takes_the_year_of_its_restatement() -> None:
    text = "Targets\nReduce landfill waste 30%\nA 30% reduction in landfill waste by 2028.\n"
    assert [(t.value, t.year) for t in extract_plan(text).targets] == [(-30, 2028), (-30, 2028)]


def test_a_label_is_no_subject_for_a_long_sentence_or_from_a_heading() -> None:
    text = (
        "1. Regulate waste exports\n"
        "Our $190 million Recycling Modernisation Fund will transform our waste and "
        "recycling industries.\n"
    )
    assert extract_plan(text).targets == []


def test_a_rate_named_after_its_figure_is_a_level_and_a_population_a_share() -> None:
    text = (
        "3. Recover 80% of all waste by 2030\n"
        "This is an 80% average resource recovery rate from all waste streams.\n"
    )
    found: list[Target] = extract_plan(text).targets
    assert [(t.value, t.year, t.kind) for t in found] == [(80, 2030, "share"), (80, 2030, "level")]
    assert "recovery rate" in found[1].indicator


def test_a_change_from_a_starting_figure_to_a_target() -> None:
    text = (
        "Net Zero Strategy 2022-2030\nOur commitments\n"
        "Recycling rates will rise from 38% in 2020 to 55% by 2030.\n"
        "We will reduce car journeys from 60% to 45% of all trips by 2030.\n"
    )
    found = extract_plan(text).targets
    assert [(t.indicator, t.value, t.comparator, t.kind) for t in found] == [
        ("Recycling rates", 55, ">=", "level"),
        ("car journeys", 45, "<=", "share"),
    ]
    baselines = [t.baseline for t in found]
    assert baselines[0] is not None and (baselines[0].value, baselines[0].year) == (38, 2020)
    assert baselines[1] is not None and (baselines[1].value, baselines[1].year) == (60, 2021)


def test_a_count_raised_to_a_number_counts_what_the_subject_names() -> None:
    text = "We aim to double the number of electric vehicle charging points to 400 by 2027."
    (target,) = extract_plan(text).targets
    assert (target.value, target.unit, target.year, target.aspirational) == (
        400,
        "electric vehicle charging points",
        2027,
        True,
    )


def test_counts_of_the_plans_own_parts_are_not_targets() -> None:
    text = "There are 6 overarching principles in this plan that will drive action by 2030."
    assert extract_plan(text).targets == []


def test_a_fall_below_a_reference_year() -> None:
    found = extract_plan(
        "The City will reduce greenhouse gas emissions 45% below 2010 levels by 2030."
    )
    assert [(t.indicator, t.value, t.year, t.kind) for t in found.targets] == [
        ("greenhouse gas emissions", -45, 2030, "growth_rate")
    ]


def test_compound_nouns_with_ing_and_units_per_person() -> None:
    (stations,) = extract_plan("Install 500 public EV charging stations by 2028.").targets
    assert (stations.unit, stations.kind) == ("public EV charging stations", "increment")
    (water,) = extract_plan(
        "Reduce water consumption to 100 litres per person per day by 2030."
    ).targets
    assert (water.indicator, water.unit, water.comparator) == (
        "water consumption",
        "litres per person per day",
        "<=",
    )


def test_a_sentence_that_opens_with_a_past_year_is_a_report() -> None:
    text = "Water Strategy 2024-2030\nIn 2019, residents used 140 litres per person per day.\n"
    assert extract_plan(text).targets == []


def test_a_short_heading_is_the_label_of_the_rows_under_it() -> None:
    text = (
        "Climate Plan 2024-2030\n"
        "Goal 1: Reduce greenhouse gas emissions\n"
        "- 50% reduction by 2030\n"
        "Goal 2: Renewable electricity\n"
        "- 100% by 2035\n"
    )
    assert described(text) == [
        ("greenhouse gas emissions", -50, 2030, "growth_rate"),
        ("Renewable electricity", 100, 2035, "level"),
    ]


def test_a_measured_quantity_of_something_and_no_label_for_a_report() -> None:
    (energy,) = extract_plan("Generate 1 GW of renewable energy by 2030.").targets
    assert (energy.indicator, energy.value, energy.unit) == ("renewable energy", 1, "GW")
    text = (
        "Waste Plan 2024-2030\n2. Reduce waste by 2030\nAustralia generated 2.94 tonnes of waste.\n"
    )
    assert extract_plan(text).targets == []
