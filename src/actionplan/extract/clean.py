"""Cleaning: web-page furniture out, widths and spaces normalised, offsets kept.

The rest of the extractor reads the *cleaned* text; every span it reports is
mapped back through ``CleanText.span_to_original`` so that it points into the
text the user gave. What cleaning does, in order:

1. **Character normalisation, one character for one** (so offsets do not move):
   full-width ASCII forms become ASCII ("（一）" → "(一)", "，" → ",",
   "：" → ":", "１２" → "12", "％" → "%"); every kind of space (no-break,
   ideographic, thin) becomes " " (a tab stays a tab: it separates table
   cells); line separators become "\\n" (a lone
   carriage return too, at the end); other control characters become " ";
   an English sentence broken over two lines ("…inter modal\\nservices by 20
   percent.") has its line break turned into a space.
2. **Deletions**: "\\r" before "\\n"; zero-width characters and soft hyphens;
   spaces at the start and end of a line; a single space between Chinese
   characters (or between a Chinese character and a digit or punctuation
   mark, as in "达到 1000 万人次"; wider gaps separate table cells and
   stay); and web-page
   furniture, whole lines at a time: breadcrumbs ("当前位置: 首页 > …"),
   page-information lines ("信息来源…发表时间…浏览次数", "字号大小 打印本页
   关闭本页"), "扫一扫在手机打开当前页", bare links and the caption line
   before a bare link ("图解…:" followed by a URL).

So the cleaned text of a span equals the original text of that span with the
same normalisation applied. The offset map is a list of runs (one per stretch
between deletions) searched with ``bisect``: memory grows with the number of
deletions, not with the length of the text.
"""

from __future__ import annotations

import heapq
import re
from bisect import bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Final

from actionplan.extract.draft import Span

# Chinese characters and the punctuation that sits between them without spaces.
CJK: Final = "\u2e80-\u9fff\uf900-\ufaff\u201c\u201d\u2018\u2019\u2014\u2026\u00b7"


def _translation_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):  # full-width ASCII forms
        table[code] = chr(code - 0xFEE0)
    for code in (0x00A0, 0x1680, 0x202F, 0x205F, 0x3000, *range(0x2000, 0x200B)):
        table[code] = " "
    for code in (0x000B, 0x000C, 0x001C, 0x001D, 0x001E, 0x0085, 0x2028, 0x2029):
        table[code] = "\n"
    for code in (*range(0x00, 0x09), *range(0x0E, 0x1C), 0x1F, 0x7F):
        table[code] = " "
    # CR stays CR here: CR before LF is deleted below, a lone CR becomes LF after.
    table[0x2500] = "\u2014"  # box-drawing line used as a dash: "──" → "——"
    table[0x2015] = "\u2014"  # horizontal bar, same use
    table[0xFFE5] = "¥"
    return table


_TRANSLATE: Final = _translation_table()
# The characters the table changes: few of them occur in a text, and replacing
# those few is much faster than ``str.translate`` over every character.
_TRANSLATED_RE: Final = re.compile(
    "[" + "".join(re.escape(chr(code)) for code in sorted(_TRANSLATE)) + "]"
)


def _normalise(text: str) -> str:
    """``text.translate(_TRANSLATE)``, one replacement per character present;
    then an English sentence broken over two lines is joined again."""
    for char in {match.group() for match in _TRANSLATED_RE.finditer(text)}:
        text = text.replace(char, _TRANSLATE[ord(char)])
    if "\n" in text:
        text = _CONTINUED_LINE_RE.sub(" ", text)
    return text


# "Increase the use of inter modal\nservices by 20 percent.", "by 25\npercent":
# an English line that stops inside its sentence (after a word, a figure or a
# comma, not after a full stop or a colon) and a next line that starts in lower
# case continue one sentence; the line break becomes a space, one character for
# one. A lettered item ("a) …", "b. …") starts a line of its own.
_CONTINUED_LINE_RE: Final = re.compile(
    r"\n(?<=[A-Za-z0-9,]\n)(?<![A-Z]{2}\n)(?=[a-z][a-z]*[^a-z.)\n]|[a-z]{2})(?![a-z][.)] )"
)


# Characters deleted wherever they occur, and spaces that carry no meaning.
_DELETE_RE: Final = re.compile(
    # Every deletion starts at one of these characters: the lookahead lets the
    # scan skip the others at once.
    "(?=[\r\u200b-\u200d\u2060\ufeff\u00ad ])(?:"
    + "|".join(
        [
            r"\r(?=\n)",
            r"[\u200b-\u200d\u2060\ufeff\u00ad]+",
            r"^ +",
            r" +(?=\n|\Z)",
            # One space inside Chinese text is noise ("达到 1000 万人次"); a wider
            # gap separates table cells and stays.
            # Not after a figure and its classifier, where a headline separates
            # the items of a list ("老旧小区5200个 棚户区6.7万套").
            rf"(?<=[{CJK}])(?<![0-9][\u4e00-\u9fff])(?<![0-9][\u4e00-\u9fff]{{2}})"
            rf" (?=[{CJK}0-9,.;:!?()%<>\[\]])",
            rf"(?<=[0-9,.;:!?()%<>\[\]]) (?=[{CJK}])",
        ]
    )
    + ")",
    re.MULTILINE,
)

# Words of web-page furniture; a line holding two of them is page chrome.
_FURNITURE_WORD_RE: Final = re.compile(
    r"信息来源|文章来源|来源:|发布时间|发表时间|发布日期|更新时间|浏览次数|阅读次数|点击次数|"
    r"访问次数|浏览量|字号|【大|打印本页|关闭本页|关闭窗口|打印此页|【打印】|【关闭】|分享到|扫一扫|"
    r"\[打印\]|\[关闭\]|索引号|公开方式|发布机构|主题分类|发文字号|成文日期|公开日期|发文日期|"
    r"组配分类|有效性|公开时限|文件编号|字体:|分享:|来源:"
)
# Lines that are page chrome on their own.
_FURNITURE_LINE_RE: Final = re.compile(
    r"(?m)^ *(?:"
    r"(?:当前位置|当前的位置|您现在的位置|您当前的位置|您的位置|你的位置|您所在的位置|所在位置|当前页面)"
    r" *:[^\n]*"
    r"|扫一扫在手机(?:上)?打开当前页[^\n]{0,20}"
    r"|(?:【|\[)?(?:打印本页|关闭本页|关闭窗口|打印|关闭)(?:】|\])?"
    r"|(?:上一篇|下一篇|相关链接|相关文章|责任编辑) *:[^\n]{0,200}"
    r"|[^\n]{0,80}: *\n *(?:https?://|www\.)[^\s]+"
    r"|(?:https?://|www\.)[^\s]+"
    r"|首页 *>.*|[^\n]{0,30} > [^\n]{0,30} > [^\n]{0,80}"  # breadcrumbs
    r"|(?:分享|分享到|字体|字号) *:[^\n]{0,40}"
    r"|Loading…*|加载中…*"
    r"|(?i:skip to (?:main )?content|skip to navigation|jump to (?:main )?content|back to top)"
    r") *(?:\n|\Z)"
)
_LINE_START_RE: Final = re.compile(r"(?m)^")


@dataclass(frozen=True, slots=True)
class CleanText:
    """The cleaned text and the way back to the original offsets.

    Run ``i`` of the cleaned text starts at ``clean_starts[i]`` and comes
    from the original text at ``original_starts[i]``, character for
    character, up to the start of run ``i + 1``.
    """

    text: str
    original_length: int
    clean_starts: tuple[int, ...]
    original_starts: tuple[int, ...]

    def to_original(self, position: int) -> int:
        """The original offset of the cleaned character at ``position``."""
        index = bisect_right(self.clean_starts, position) - 1
        if index < 0:
            return 0
        return self.original_starts[index] + position - self.clean_starts[index]

    def span_to_original(self, start: int, end: int) -> Span:
        """The original span of the cleaned span ``[start, end)``."""
        if end <= start:
            point = self.to_original(start) if start < len(self.text) else self.original_length
            return (point, point)
        return (self.to_original(start), self.to_original(end - 1) + 1)


def _furniture_ranges(text: str) -> Iterator[tuple[int, int]]:
    for match in _FURNITURE_LINE_RE.finditer(text):
        yield match.start(), match.end()
    # Lines holding two furniture words ("信息来源…发表时间…浏览次数").
    line_counts: dict[int, int] = {}
    starts: list[int] | None = None
    for match in _FURNITURE_WORD_RE.finditer(text):
        if starts is None:  # only pages with furniture words pay for this
            starts = line_starts(text)
        line_start = starts[bisect_right(starts, match.start()) - 1]
        line_counts[line_start] = line_counts.get(line_start, 0) + 1
    for line_start, count in sorted(line_counts.items()):
        line_end = text.find("\n", line_start)
        line_end = len(text) if line_end < 0 else line_end + 1
        if count >= 2 and line_end - line_start <= 400:
            yield line_start, line_end


def _merge(ranges: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Union of sorted, possibly overlapping ranges."""
    current: tuple[int, int] | None = None
    for start, end in ranges:
        if current is None:
            current = (start, end)
        elif start <= current[1]:
            current = (current[0], max(current[1], end))
        else:
            yield current
            current = (start, end)
    if current is not None:
        yield current


def clean(original: str) -> CleanText:
    """Clean ``original`` and keep the map back to its offsets."""
    text = _normalise(original)
    furniture = sorted(_furniture_ranges(text))
    spaces = ((m.start(), m.end()) for m in _DELETE_RE.finditer(text))
    pieces: list[str] = []
    clean_starts: list[int] = [0]
    original_starts: list[int] = [0]
    kept = 0  # end of the last kept stretch in the original
    length = 0  # length of the cleaned text so far
    for start, end in _merge(heapq.merge(furniture, spaces)):
        if start > kept:
            pieces.append(text[kept:start])
            length += start - kept
        kept = end
        clean_starts.append(length)
        original_starts.append(end)
    pieces.append(text[kept:])
    # Runs of zero length (two deletions side by side) collapse to the last.
    starts: list[int] = []
    origins: list[int] = []
    for clean_start, original_start in zip(clean_starts, original_starts, strict=True):
        if starts and starts[-1] == clean_start:
            origins[-1] = original_start
        else:
            starts.append(clean_start)
            origins.append(original_start)
    return CleanText(
        "".join(pieces).replace("\r", "\n"), len(original), tuple(starts), tuple(origins)
    )


def line_starts(text: str) -> list[int]:
    """Offsets at which the lines of ``text`` start."""
    return [match.start() for match in _LINE_START_RE.finditer(text)]
