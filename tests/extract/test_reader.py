"""Reading documents: encodings detected strictly, bad inputs refused with a
one-line reason."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from actionplan.extract import (
    MAX_DOCUMENT_BYTES,
    UnreadableDocument,
    extract_file,
    extract_plan,
    read_document,
    seed_text,
)

PLAN = "广州行动计划\n一、重点任务\n1. 扩大开放。到2020年,国际航线达到150条。\n"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data",
    [
        PLAN.encode("utf-8"),
        b"\xef\xbb\xbf" + PLAN.encode("utf-8"),
        PLAN.encode("gb18030"),
        PLAN.encode("gbk"),
        b"\xff\xfe" + PLAN.encode("utf-16-le"),
    ],
    ids=["utf-8", "utf-8-bom", "gb18030", "gbk", "utf-16-bom"],
)
def test_it_reads_the_text_in_each_supported_encoding(tmp_path: Path, data: bytes) -> None:
    assert read_document(_write(tmp_path, "plan.txt", data)) == PLAN


def test_gb18030_characters_outside_gbk_survive(tmp_path: Path) -> None:
    text = PLAN + "𠀀\n"  # a four-byte GB18030 character
    assert read_document(_write(tmp_path, "plan.txt", text.encode("gb18030"))) == text


def test_the_seed_reads_the_same_from_bytes_and_from_a_file(tmp_path: Path) -> None:
    data = seed_text().encode("utf-8")
    assert read_document(data, "seed.txt") == seed_text()
    draft = extract_file(_write(tmp_path, "seed.txt", data))
    assert len(draft.targets) == 9


def test_spans_of_a_gb18030_file_index_its_decoded_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "plan.txt", PLAN.encode("gb18030"))
    draft = extract_file(path)
    text = read_document(path)
    (target,) = draft.targets
    assert text[target.span[0] : target.span[1]] == "到2020年,国际航线达到150条。"


def test_it_reads_a_docx_with_paragraphs_and_tables_in_order(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("某市三年行动计划(2021-2023年)")
    document.add_paragraph("一、主要目标")
    document.add_paragraph("(一)到2023年,全市5G基站达到3万个。")
    table = document.add_table(rows=2, cols=3)
    for cell, value in zip(table.rows[0].cells, ["指标", "单位", "2023年"], strict=True):
        cell.text = value
    for cell, value in zip(table.rows[1].cells, ["充电桩", "个", "5000"], strict=True):
        cell.text = value
    document.add_paragraph("二、保障措施")
    path = tmp_path / "plan.docx"
    document.save(str(path))
    text = read_document(path)
    assert text.split("\n") == [
        "某市三年行动计划(2021-2023年)",
        "一、主要目标",
        "(一)到2023年,全市5G基站达到3万个。",
        "指标\t单位\t2023年",
        "充电桩\t个\t5000",
        "二、保障措施",
    ]
    draft = extract_file(path)
    assert draft.period is not None and draft.period.end == 2023
    assert [(t.indicator, t.value, t.unit, t.year) for t in draft.targets] == [
        ("全市5G基站", 30_000, "个", 2023),
        ("充电桩", 5000, "个", 2023),  # the table row, read by its header
    ]


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.txt", b"  \n\t\n", "no text"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "legacy Office"),
        ("memo.txt", b"{\\rtf1\\ansi hello}", "RTF"),
        ("latin.txt", "Café déjà vu, naïve façade. Ça va très bien.".encode("latin-1"), "GB18030"),
        ("bad-bom.txt", b"\xef\xbb\xbf\xff\xfe\xfa", "byte-order mark"),
    ],
)
def test_it_refuses_unreadable_input_with_a_one_line_reason(
    tmp_path: Path, name: str, data: bytes, problem: str
) -> None:
    with pytest.raises(UnreadableDocument) as error:
        read_document(_write(tmp_path, name, data))
    message = str(error.value)
    assert problem in message
    assert "\n" not in message


def test_it_refuses_an_office_zip_that_is_not_docx(tmp_path: Path) -> None:
    import openpyxl

    path = tmp_path / "table.xlsx"
    workbook = openpyxl.Workbook()
    workbook.save(str(path))
    with pytest.raises(UnreadableDocument, match="spreadsheet"):
        read_document(path)
    renamed = _write(tmp_path, "table.txt", path.read_bytes())
    with pytest.raises(UnreadableDocument, match="spreadsheet"):
        read_document(renamed)


def test_it_refuses_a_damaged_docx(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="damaged"):
        read_document(_write(tmp_path, "broken.docx", b"PK\x03\x04 not really a zip"))


def test_it_refuses_fifty_megabytes_quickly_with_the_limit_named(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # a sparse file: no need to write 50 MB
    assert path.stat().st_size > MAX_DOCUMENT_BYTES
    with pytest.raises(UnreadableDocument, match="limit is 32 MiB"):
        read_document(path)


def test_fifty_megabytes_of_text_in_memory_is_refused_by_the_extractor_too() -> None:
    from actionplan.extract import ExtractError

    with pytest.raises(ExtractError, match="limit"):
        extract_plan("字" * (50 * 1024 * 1024))


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="cannot open"):
        read_document(tmp_path / "nowhere.txt")


def test_a_directory_is_not_a_document(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match="not a regular file"):
        read_document(tmp_path)


def test_text_without_structure_gives_an_empty_valid_draft() -> None:
    draft = extract_plan("这是一段没有任何编号、也没有数字目标的普通文字,只是随便说说而已。")
    assert draft.outline == []
    assert draft.targets == []
    assert draft.milestones == []
