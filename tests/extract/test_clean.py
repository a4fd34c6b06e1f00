"""Cleaning keeps a map back to the original offsets."""

from __future__ import annotations

import random

from actionplan.extract.clean import CleanText, clean


def _check_map(original: str, cleaned: CleanText) -> None:
    """Every cleaned character comes from an original character at the mapped
    offset, and offsets grow with position."""
    previous = -1
    for position, char in enumerate(cleaned.text):
        index = cleaned.to_original(position)
        assert index > previous
        previous = index
        # An English line continued on the next one ("by 25\npercent") is joined
        # with a space: a line break may map to a space.
        joined = original[index] == "\n" and char == " "
        assert clean(original[index]).text in (char, "") or original[index] == char or joined


def test_full_width_punctuation_becomes_half_width_without_moving_offsets() -> None:
    original = "（一）到2020年，达到１２３％；完成："
    cleaned = clean(original)
    assert cleaned.text == "(一)到2020年,达到123%;完成:"
    assert cleaned.to_original(len("(一)到")) == len("（一）到")


def test_every_kind_of_space_is_normalised_and_cjk_spacing_removed() -> None:
    original = "达到\u00a01000\u3000万人次  and  more\u2003words"
    assert clean(original).text == "达到1000万人次  and  more words"


def test_carriage_returns_and_zero_width_characters_go() -> None:
    original = "第一行\r\n第\u200b二行\r第三行\ufeff"
    cleaned = clean(original)
    assert cleaned.text == "第一行\n第二行\n第三行"
    _check_map(original, cleaned)


def test_web_page_furniture_lines_are_removed() -> None:
    original = (
        "当前位置: 首页\u00a0>\u00a0政务公开\n"
        "信息来源:某某办公室发表时间:2018-11-30 10:05浏览次数: 字号大小: 打印本页 关闭本页\n"
        "正文第一段。\n"
        "图解某某计划:\n"
        "http://www.example.gov.cn/a/b.shtml\n"
        "扫一扫在手机打开当前页"
    )
    cleaned = clean(original)
    assert cleaned.text == "正文第一段。\n"
    start = cleaned.to_original(0)
    assert original[start : start + 6] == "正文第一段。"


def test_a_line_with_one_furniture_word_is_kept() -> None:
    assert clean("数据来源:统计局").text == "数据来源:统计局"


def test_spans_map_back_to_the_original_passage() -> None:
    original = "  前言\u3000\u3000\n（一） 达到 1000 万人次。\n"
    cleaned = clean(original)
    start = cleaned.text.index("达到")
    end = cleaned.text.index("。") + 1
    a, b = cleaned.span_to_original(start, end)
    assert original[a:b] == "达到 1000 万人次。"
    assert clean(original[a:b]).text == cleaned.text[start:end]


def test_an_empty_span_maps_to_a_point() -> None:
    cleaned = clean("abc")
    assert cleaned.span_to_original(1, 1) == (1, 1)
    assert cleaned.span_to_original(3, 3) == (3, 3)


def test_the_map_is_compact_runs_not_one_entry_per_character() -> None:
    original = "第一段。\r\n" * 1000
    cleaned = clean(original)
    assert len(cleaned.clean_starts) <= 1001
    assert len(cleaned.text) == len(original) - 1000


def test_random_text_maps_every_character_back() -> None:
    rng = random.Random(7)
    alphabet = "达到 \u3000\u00a0，。（）12\r\n\t\u200b当前位置:ab"
    for _ in range(200):
        original = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        cleaned = clean(original)
        _check_map(original, cleaned)
