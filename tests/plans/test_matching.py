"""Matching the content of a revised document with what was imported."""

from __future__ import annotations

from actionplan.plans.matching import Item, match_items


def items(*rows: tuple[str, str]) -> list[Item[str]]:
    return [Item(ref=f"{number}:{title}", number=number, title=title) for number, title in rows]


def test_it_pairs_identical_items() -> None:
    old = items(("1", "全面推进高层次双向开放"), ("2", "发展更高水平的区域合作"))
    result = match_items(
        old, items(("1", "全面推进高层次双向开放"), ("2", "发展更高水平的区域合作"))
    )
    assert [(o.number, n.number) for o, n in result.pairs] == [("1", "1"), ("2", "2")]
    assert result.new == [] and result.gone == []


def test_it_follows_a_task_that_was_renumbered() -> None:
    old = items(("6", "打造高端国际会议目的地"), ("7", "建设具有全球影响力的会展之都"))
    new = items(
        ("6", "建设国际消费中心城市"),
        ("7", "打造高端国际会议目的地"),
        ("8", "建设具有全球影响力的会展之都"),
    )
    result = match_items(old, new)
    assert sorted((o.number, n.number) for o, n in result.pairs) == [("6", "7"), ("7", "8")]
    assert [n.title for n in result.new] == ["建设国际消费中心城市"]


def test_it_recognises_a_reworded_title() -> None:
    result = match_items(
        items(("1", "全面推进高层次双向开放")), items(("1", "全面推进更高层次双向开放"))
    )
    assert len(result.pairs) == 1


def test_it_does_not_pair_unrelated_items_even_with_the_same_number() -> None:
    result = match_items(items(("3", "营造国际一流营商环境")), items(("3", "深化国际友城交往")))
    assert result.pairs == []
    assert len(result.new) == 1 and len(result.gone) == 1


def test_it_matches_on_the_text_when_the_title_was_rewritten() -> None:
    text = "推进南沙港区四期、南沙港铁路、南沙国际邮轮母港建设，打造世界级枢纽港区。"
    old = [Item(ref="old", number="18", title="建设国际综合交通枢纽", text=text)]
    new = [Item(ref="new", number="19", title="打造通达全球的门户", text=text)]
    assert match_items(old, new).pairs == [(old[0], new[0])]


def test_it_matches_only_within_a_scope() -> None:
    old = [Item(ref="tonnes", number="", title="港口货物吞吐量", scope="吨")]
    new = [Item(ref="teu", number="", title="港口货物吞吐量", scope="标箱")]
    result = match_items(old, new)
    assert result.pairs == [] and result.new == new and result.gone == old
