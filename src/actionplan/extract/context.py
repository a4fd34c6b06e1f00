"""What a sentence's targets need to know about where the sentence stands."""

from __future__ import annotations

from dataclasses import dataclass, field

from actionplan.extract.draft import Comparator, TargetKind


@dataclass(frozen=True, slots=True)
class SentenceContext:
    """A sentence of the cleaned text and the facts that govern its figures.

    ``carried_year`` is a deadline set by a lead-in ("到2025年，主要目标是：")
    or a heading ("（二）2020年目标") above the sentence; ``default_year`` is the
    plan's end year, used when nothing nearer gives one; ``reference_year``
    is the first year of the plan: a bare year before it marks a past fact.
    ``in_goals`` says the sentence sits under a goal or a 目标/指标 heading,
    where a bare figure is a target even without a year. ``background`` says
    it sits under a heading that reviews the past (发展基础, 现状与形势…),
    where only a figure with an explicit deadline of its own is a target.
    ``label`` is the subject of the row label above the sentence in a list or
    table of targets ("Carbon neutral operations", "Reduce fossil fuels 50%"),
    for a figure whose own words name no subject.
    """

    start: int
    end: int
    node: str
    carried_year: int | None
    default_year: int | None
    reference_year: int | None
    in_goals: bool
    background: bool = False
    label: str = ""


@dataclass(slots=True)
class FoundTarget:
    """A target in cleaned-text offsets, before spans are mapped back."""

    indicator: str
    value: float
    unit: str
    year: int | None
    comparator: Comparator
    aspirational: bool
    kind: TargetKind
    baseline_value: float | None
    baseline_year: int | None
    sentence_start: int
    sentence_end: int
    node: str
    quantity_start: int = 0
    quantity_end: int = 0


@dataclass(slots=True)
class FoundName:
    """A number that belongs to a name ("5G", "百城计划"), in cleaned offsets."""

    start: int
    end: int
    node: str


@dataclass(slots=True)
class SentenceReading:
    targets: list[FoundTarget] = field(default_factory=list)
    names: list[FoundName] = field(default_factory=list)
