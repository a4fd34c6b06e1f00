"""Rendering a ``PlanDraft``: JSON (the published shape), YAML, a terminal table."""

from __future__ import annotations

import io
import json
from typing import Final, Literal

import yaml
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from actionplan.extract.draft import OutlineNode, PlanDraft, Target

Format = Literal["json", "yaml", "table"]
FORMATS: Final[tuple[Format, ...]] = ("json", "yaml", "table")

_KIND_STYLES: Final[dict[str, str]] = {
    "part": "bold",
    "section": "bold cyan",
    "goal": "green",
    "task": "",
    "measure": "dim",
}


def render(
    draft: PlanDraft, output_format: Format, *, color: bool = False, width: int = 120
) -> str:
    """The draft as text in ``output_format``."""
    if output_format == "json":
        return render_json(draft)
    if output_format == "yaml":
        return render_yaml(draft)
    return render_table(draft, color=color, width=width)


def render_json(draft: PlanDraft) -> str:
    return json.dumps(draft.to_dict(), ensure_ascii=False, indent=2) + "\n"


def render_yaml(draft: PlanDraft) -> str:
    return yaml.safe_dump(draft.to_dict(), allow_unicode=True, sort_keys=False, width=100)


def render_table(draft: PlanDraft, *, color: bool = False, width: int = 120) -> str:
    """A readable view: the outline as a tree (measures counted, not listed),
    then the targets and the milestones as tables."""
    buffer = io.StringIO()
    console = Console(
        file=buffer, width=width, force_terminal=color, no_color=not color, highlight=False
    )
    period = f" ({draft.period.start}–{draft.period.end})" if draft.period else ""
    console.print(f"[bold]{_escape(draft.title) or '(untitled)'}[/bold]{period}")
    tree = Tree("outline", guide_style="dim")
    for node in draft.outline:
        _add_node(tree, node)
    console.print(tree)
    console.print(_targets_table(draft.targets))
    if draft.milestones:
        milestones = Table(title="Milestones", title_justify="left")
        milestones.add_column("year", justify="right")
        milestones.add_column("milestone")
        milestones.add_column("node")
        for milestone in draft.milestones:
            milestones.add_row(str(milestone.year), _escape(milestone.title), milestone.node)
        console.print(milestones)
    return buffer.getvalue()


def _add_node(parent: Tree, node: OutlineNode) -> None:
    measures = [child for child in node.children if child.kind == "measure" and not child.children]
    label = f"{_escape(node.number)} {_escape(node.title)}"
    style = _KIND_STYLES.get(node.kind, "")
    suffix = f"  [dim]{node.kind}"
    if measures:
        suffix += f", {len(measures)} measures"
    suffix += "[/dim]"
    branch = parent.add(f"[{style}]{label}[/{style}]{suffix}" if style else f"{label}{suffix}")
    for child in node.children:
        if child in measures:
            continue
        _add_node(branch, child)


def _targets_table(targets: list[Target]) -> Table:
    table = Table(title=f"Targets ({len(targets)})", title_justify="left")
    for column in ("indicator", "target", "year", "kind", "node"):
        table.add_column(column, justify="right" if column in ("target", "year") else "left")
    for target in targets:
        comparator = {">=": "≥", "<=": "≤", "=": "", "~": "≈"}[target.comparator]
        figure = f"{comparator}{format_value(target.value)} {_escape(target.unit)}".strip()
        if target.aspirational:
            figure += " (strive)"
        kind: str = target.kind
        if target.baseline:
            kind += f", from {format_value(target.baseline.value)} ({target.baseline.year})"
        table.add_row(
            _escape(target.indicator),
            figure,
            str(target.year) if target.year is not None else "—",
            kind,
            target.node,
        )
    return table


def format_value(value: float) -> str:
    """1e7 → "10,000,000"; 24.1 → "24.1"; −13.5 → "-13.5"."""
    if value == int(value) and abs(value) < 1e18:
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def _escape(text: str) -> str:
    # rich reads "[...]" as markup; document text may contain brackets.
    return text.replace("[", "\\[")
