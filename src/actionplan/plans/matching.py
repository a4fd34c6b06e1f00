"""Which content of a re-imported document is the same as before.

Pure functions on small records, no database: the import service builds
``Item``s from the stored content and from the new draft, and learns which
survive (possibly renumbered or reworded), which are new and which are gone.
Two items are the same when their titles (or, failing that, their texts) are
similar enough by ``difflib``; an unchanged number lowers the bar.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from typing import Any, Generic, TypeVar

# Similar enough to be the same item; with the same number, reworded more freely.
THRESHOLD = 0.6
SAME_NUMBER_THRESHOLD = 0.4

T = TypeVar("T")
U = TypeVar("U")


@dataclass(frozen=True)
class Item(Generic[T]):
    """What matching looks at, and the thing it stands for (``ref``).

    Items match only within the same ``scope`` (a section kind, a unit of
    measure)."""

    ref: T
    number: str
    title: str
    text: str = ""
    scope: Hashable = None


@dataclass
class Matching(Generic[T, U]):
    pairs: list[tuple[Item[T], Item[U]]] = field(default_factory=list)
    new: list[Item[U]] = field(default_factory=list)
    gone: list[Item[T]] = field(default_factory=list)


def _ratio(a: str, b: str, floor: float) -> float:
    if not a or not b:
        return 0.0
    if a == b:
        return 1.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    # The cheap upper bounds first: most pairs are nothing alike.
    if matcher.real_quick_ratio() < floor or matcher.quick_ratio() < floor:
        return 0.0
    return matcher.ratio()


def similarity(old: Item[Any], new: Item[Any], floor: float = SAME_NUMBER_THRESHOLD) -> float:
    title = _ratio(old.title, new.title, floor)
    if title >= 0.95:
        return title
    return max(title, _ratio(old.text, new.text, floor))


def match_items(old: Sequence[Item[T]], new: Sequence[Item[U]]) -> Matching[T, U]:
    """Pair each old item with at most one new item, best pairs first."""
    result: Matching[T, U] = Matching()
    used_old: set[int] = set()
    used_new: set[int] = set()

    # Identical number and title: the common case of a light revision.
    exact = {(o.scope, o.number, o.title): i for i, o in enumerate(old)}
    for j, n in enumerate(new):
        i = exact.get((n.scope, n.number, n.title))
        if i is not None and i not in used_old:
            used_old.add(i)
            used_new.add(j)
            result.pairs.append((old[i], n))

    candidates: list[tuple[float, int, int]] = []
    for i, o in enumerate(old):
        if i in used_old:
            continue
        for j, n in enumerate(new):
            if j in used_new or o.scope != n.scope:
                continue
            same_number = bool(o.number) and o.number == n.number
            score = similarity(o, n)
            if score >= THRESHOLD or (same_number and score >= SAME_NUMBER_THRESHOLD):
                candidates.append((score + (0.1 if same_number else 0.0), i, j))
    for _score, i, j in sorted(candidates, key=lambda c: (-c[0], c[1], c[2])):
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        result.pairs.append((old[i], new[j]))

    result.new = [n for j, n in enumerate(new) if j not in used_new]
    result.gone = [o for i, o in enumerate(old) if i not in used_old]
    return result
