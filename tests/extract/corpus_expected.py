"""Hand-written expected targets for the documents in ``tests/extract/corpus/``.

Every entry was written by reading the document, following
``docs/extraction-conventions.md`` and the rulings in
``tests/extract/corpus/README.md``. The expectations cover the text of the
file only (some files are a contiguous part of a longer document; see
``corpus/SOURCES.md``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Comparator = Literal[">=", "<=", "=", "~"]
Kind = Literal["level", "increment", "share", "growth_rate"]


@dataclass(frozen=True)
class Expected:
    indicator: str
    value: float
    unit: str
    year: int | None
    comparator: Comparator
    kind: Kind
    aspirational: bool = False
    baseline: tuple[float, int] | None = None


@dataclass(frozen=True)
class CorpusDocument:
    slug: str
    language: Literal["zh", "en"]
    targets: tuple[Expected, ...] = field(default_factory=tuple)

    @property
    def filename(self) -> str:
        return f"{self.slug}.txt"


def _e(
    indicator: str,
    value: float,
    unit: str,
    year: int | None,
    comparator: Comparator,
    kind: Kind,
    *,
    aspirational: bool = False,
    baseline: tuple[float, int] | None = None,
) -> Expected:
    return Expected(indicator, value, unit, year, comparator, kind, aspirational, baseline)


CORPUS: tuple[CorpusDocument, ...] = (
    CorpusDocument(
        "cn-carbon-peak-neutrality-opinions-2021",
        "zh",
        (
            _e("单位国内生产总值能耗", -13.5, "%", 2025, "=", "growth_rate"),
            _e("单位国内生产总值二氧化碳排放", -18, "%", 2025, "=", "growth_rate"),
            _e("非化石能源消费比重", 20, "%", 2025, "~", "share"),
            _e("森林覆盖率", 24.1, "%", 2025, ">=", "level"),
            _e("森林蓄积量", 1.8e10, "立方米", 2025, ">=", "level"),
            _e("单位国内生产总值二氧化碳排放", -65, "%", 2030, ">=", "growth_rate"),
            _e("非化石能源消费比重", 25, "%", 2030, "~", "share"),
            _e("风电、太阳能发电总装机容量", 1.2e9, "千瓦", 2030, ">=", "level"),
            _e("森林覆盖率", 25, "%", 2030, "~", "level"),
            _e("森林蓄积量", 1.9e10, "立方米", 2030, ">=", "level"),
            _e("非化石能源消费比重", 80, "%", 2060, ">=", "share"),
        ),
    ),
    # A plan-type document with a 工作目标 section but no numeric target:
    # every number in it is a document number, a date, a list number or a
    # name (IPv6, 互联网协议第6版).
    CorpusDocument("cn-gov-new-media-opinions-2018", "zh", ()),
    CorpusDocument(
        "cn-chengdu-2019-work-report-targets-breakdown",
        "zh",
        (
            _e("地区生产总值", 7.5, "%", 2019, "~", "growth_rate"),
            _e("全社会固定资产投资", 10, "%", 2019, "=", "growth_rate"),
            _e("社会消费品零售总额", 9, "%", 2019, "=", "growth_rate"),
            _e("城乡居民人均可支配收入", 7.5, "%", 2019, "=", "growth_rate"),
            _e("城乡居民人均可支配收入", 8, "%", 2019, "=", "growth_rate"),
            _e("全社会研发投入", 12, "%", 2019, "=", "growth_rate"),
            _e("城镇登记失业率", 4, "%", 2019, "<=", "level"),
        ),
    ),
    CorpusDocument(
        "cn-anshan-lishan-2023-key-tasks-breakdown",
        "zh",
        (
            _e("地区生产总值", 6.2, "%", 2023, "~", "growth_rate", aspirational=True),
            _e("规模上工业增加值", 5, "%", 2023, "~", "growth_rate"),
            _e("固定资产投资", 15, "%", 2023, "~", "growth_rate"),
            _e("社会消费品零售总额", 9, "%", 2023, "~", "growth_rate"),
            _e("一般公共预算收入", 8, "%", 2023, "~", "growth_rate"),
        ),
    ),
    CorpusDocument(
        "cn-hangzhou-internet-plus-implementation-2015",
        "zh",
        (_e("市级众创空间", 60, "家", None, ">=", "level"),),
    ),
    CorpusDocument(
        "cn-shanghai-jingan-13th-fyp-development-goals",
        "zh",
        (
            _e("一般公共预算收入", 8, "%", 2020, "=", "growth_rate"),
            _e("服务业税收比重", 95, "%", 2020, ">=", "share"),
            _e("高新技术企业", 265, "家", 2020, ">=", "level"),
        ),
    ),
    # The opening of a tourism 实施意见: no figure yet, only a document number,
    # 二十大 and the named “六大工程”.
    CorpusDocument("cn-suzhou-anhui-culture-tourism-opinions-2023", "zh", ()),
    CorpusDocument(
        "en-us-federal-source-code-policy-2016-oss-section",
        "en",
        (
            _e("newly-developed custom code released as OSS", 20, "%", None, ">=", "share"),
            _e("minimum requirement for OSS release", 20, "%", None, ">=", "share"),
        ),
    ),
    CorpusDocument(
        "en-yukon-our-clean-future-2020-actions",
        "en",
        (
            _e("zero emission vehicles of light duty vehicle sales", 10, "%", 2025, "=", "share"),
            _e("zero emission vehicles of light duty vehicle sales", 30, "%", 2030, "=", "share"),
            _e(
                "new light-duty cars purchased by the Government of Yukon "
                "that are zero emission vehicles",
                50,
                "%",
                2030,
                ">=",
                "share",
            ),
            _e("greenhouse gas emissions", -30, "%", 2030, "=", "growth_rate"),
            _e(
                "major energy retrofits to institutional buildings",
                30,
                "retrofits",
                2030,
                "=",
                "level",
                aspirational=True,
            ),
            _e("greenhouse gas emissions in each building", -30, "%", None, "=", "growth_rate"),
            _e(
                "energy use of new Government of Yukon buildings",
                -35,
                "%",
                None,
                "=",
                "growth_rate",
            ),
            _e(
                "new homes that are net zero energy ready",
                500,
                "homes",
                2030,
                "=",
                "level",
                aspirational=True,
            ),
            _e("greenhouse gas emissions", -30, "%", 2030, "=", "growth_rate"),
            _e("electric heat pumps", 25, "electric heat pumps", 2023, "=", "increment"),
        ),
    ),
)
