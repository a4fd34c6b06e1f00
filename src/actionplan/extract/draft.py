"""The PlanDraft: what the extractor reads out of a plan document.

The JSON form (``PlanDraft.to_dict``) is a published interface, described by
``schema/plan-draft-1.schema.json`` and identified by ``SCHEMA_ID``. Later
stages (the database import, other tools) read it, so change it only by
publishing a new schema id.

Every span is a half-open ``(start, end)`` pair of character offsets into the
text the user gave (before cleaning), so ``text[start:end]`` is the quoted
passage.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal

SCHEMA_ID = "actionplan.plan-draft/1"
SCHEMA_FILE = "plan-draft-1.schema.json"


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of ``PlanDraft.to_dict()``, shipped as
    package data in ``actionplan/extract/schema/``."""
    text = resources.files("actionplan.extract").joinpath("schema", SCHEMA_FILE).read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


NodeKind = Literal["part", "section", "goal", "task", "measure"]
Comparator = Literal[">=", "<=", "=", "~"]
TargetKind = Literal["level", "increment", "share", "growth_rate"]
Span = tuple[int, int]

NODE_KINDS: tuple[NodeKind, ...] = ("part", "section", "goal", "task", "measure")
COMPARATORS: tuple[Comparator, ...] = (">=", "<=", "=", "~")
TARGET_KINDS: tuple[TargetKind, ...] = ("level", "increment", "share", "growth_rate")


@dataclass(frozen=True, slots=True)
class Period:
    start: int
    end: int


@dataclass(slots=True)
class OutlineNode:
    """One numbered item of the document's outline.

    ``number`` is the item's own number as written, normalised to half-width
    (``"一"``, ``"(一)"``, ``"1"``, ``"(1)"``, ``"①"``, ``"a"``); goal bullets
    and proposed measures, which carry no number in the text, get a generated
    one (``"——1"``, ``"18.2"``). ``path`` joins the numbers from the root with
    ``"/"`` and is unique within a draft: targets and milestones refer to
    their node by it.
    """

    number: str
    level: int
    kind: NodeKind
    title: str
    text: str
    span: Span
    path: str = ""
    children: list[OutlineNode] = field(default_factory=list)

    def walk(self) -> Iterator[OutlineNode]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Baseline:
    value: float
    year: int


@dataclass(frozen=True, slots=True)
class Target:
    """A quantitative target: ``indicator`` should be ``comparator`` ``value``
    ``unit`` by ``year``. ``value`` is in base units (1.15万亿元 → 1.15e12 元);
    ``unit`` is the unit as written, without its magnitude."""

    indicator: str
    value: float
    unit: str
    year: int | None
    comparator: Comparator
    aspirational: bool
    kind: TargetKind
    baseline: Baseline | None
    sentence: str
    span: Span
    node: str


@dataclass(frozen=True, slots=True)
class Milestone:
    """A dated deliverable, such as hosting a named conference in a year."""

    title: str
    year: int
    sentence: str
    span: Span
    node: str


@dataclass(frozen=True, slots=True)
class NamedQuantity:
    """A number that is part of a name, not a target ("5G", "百城计划")."""

    text: str
    span: Span
    node: str


@dataclass(slots=True)
class PlanDraft:
    title: str
    period: Period | None
    outline: list[OutlineNode] = field(default_factory=list)
    targets: list[Target] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    named_quantities: list[NamedQuantity] = field(default_factory=list)

    def nodes(self) -> Iterator[OutlineNode]:
        """Every node of the outline, depth first."""
        for root in self.outline:
            yield from root.walk()

    def nodes_of_kind(self, kind: NodeKind) -> list[OutlineNode]:
        return [node for node in self.nodes() if node.kind == kind]

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA_ID,
            "title": self.title,
            "period": (
                {"start": self.period.start, "end": self.period.end} if self.period else None
            ),
            "outline": [_node_to_dict(node) for node in self.outline],
            "targets": [_target_to_dict(target) for target in self.targets],
            "milestones": [
                {
                    "title": m.title,
                    "year": m.year,
                    "sentence": m.sentence,
                    "span": list(m.span),
                    "node": m.node,
                }
                for m in self.milestones
            ],
            "named_quantities": [
                {"text": q.text, "span": list(q.span), "node": q.node}
                for q in self.named_quantities
            ],
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> PlanDraft:
        """Rebuild a draft from its JSON form (no validation beyond types;
        validate against the JSON Schema first when the input is untrusted)."""
        if data.get("schema") != SCHEMA_ID:
            raise ValueError(f"not a {SCHEMA_ID} document (schema: {data.get('schema')!r})")
        period = data.get("period")
        return cls(
            title=str(data.get("title", "")),
            period=Period(int(period["start"]), int(period["end"])) if period else None,
            outline=[_node_from_dict(node) for node in data.get("outline", [])],
            targets=[_target_from_dict(target) for target in data.get("targets", [])],
            milestones=[
                Milestone(
                    title=str(m["title"]),
                    year=int(m["year"]),
                    sentence=str(m["sentence"]),
                    span=_span(m["span"]),
                    node=str(m["node"]),
                )
                for m in data.get("milestones", [])
            ],
            named_quantities=[
                NamedQuantity(text=str(q["text"]), span=_span(q["span"]), node=str(q["node"]))
                for q in data.get("named_quantities", [])
            ],
        )


def _span(value: Any) -> Span:
    start, end = value
    return (int(start), int(end))


def _node_to_dict(node: OutlineNode) -> dict[str, Any]:
    return {
        "number": node.number,
        "level": node.level,
        "kind": node.kind,
        "title": node.title,
        "text": node.text,
        "span": list(node.span),
        "path": node.path,
        "children": [_node_to_dict(child) for child in node.children],
    }


def _node_from_dict(data: Mapping[str, Any]) -> OutlineNode:
    kind = str(data["kind"])
    if kind not in NODE_KINDS:
        raise ValueError(f"unknown node kind {kind!r}")
    return OutlineNode(
        number=str(data["number"]),
        level=int(data["level"]),
        kind=kind,
        title=str(data["title"]),
        text=str(data["text"]),
        span=_span(data["span"]),
        path=str(data.get("path", "")),
        children=[_node_from_dict(child) for child in data.get("children", [])],
    )


def _target_to_dict(target: Target) -> dict[str, Any]:
    return {
        "indicator": target.indicator,
        "value": target.value,
        "unit": target.unit,
        "year": target.year,
        "comparator": target.comparator,
        "aspirational": target.aspirational,
        "kind": target.kind,
        "baseline": (
            {"value": target.baseline.value, "year": target.baseline.year}
            if target.baseline
            else None
        ),
        "sentence": target.sentence,
        "span": list(target.span),
        "node": target.node,
    }


def _target_from_dict(data: Mapping[str, Any]) -> Target:
    comparator = str(data["comparator"])
    kind = str(data["kind"])
    if comparator not in COMPARATORS:
        raise ValueError(f"unknown comparator {comparator!r}")
    if kind not in TARGET_KINDS:
        raise ValueError(f"unknown target kind {kind!r}")
    baseline = data.get("baseline")
    year = data.get("year")
    return Target(
        indicator=str(data["indicator"]),
        value=float(data["value"]),
        unit=str(data["unit"]),
        year=int(year) if year is not None else None,
        comparator=comparator,
        aspirational=bool(data["aspirational"]),
        kind=kind,
        baseline=Baseline(float(baseline["value"]), int(baseline["year"])) if baseline else None,
        sentence=str(data["sentence"]),
        span=_span(data["span"]),
        node=str(data["node"]),
    )
