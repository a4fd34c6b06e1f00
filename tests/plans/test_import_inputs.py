"""Bad input to the import: each case refused with one clear line, before
the database is touched."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.plans.factories import sample_draft, write_draft

from actionplan.plans.sources import ImportFailed, read_source

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


def refused(path: Path) -> str:
    with pytest.raises(ImportFailed) as caught:
        read_source(path)
    message = str(caught.value)
    assert "\n" not in message
    return message


def test_it_refuses_a_missing_file(tmp_path: Path) -> None:
    assert refused(tmp_path / "nowhere.txt") == "no such file"


def test_it_refuses_an_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(b"")
    assert refused(path) == "the file is empty"


def test_it_refuses_a_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(PNG)
    assert refused(path) == "binary data, not text (it contains NUL bytes)"


def test_it_refuses_a_pdf_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj")
    assert refused(path) == "a PDF file, not text: save it as .txt or .docx"


def test_it_refuses_a_file_type_it_does_not_read(tmp_path: Path) -> None:
    path = tmp_path / "plan.pdf"
    path.write_bytes(b"%PDF-1.7")
    assert refused(path) == (
        "cannot import a .pdf file: give a plan document (.txt, .docx) or a PlanDraft (.json)"
    )


def test_it_refuses_text_without_an_outline(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("今天天气很好，我们去公园散步。", encoding="utf-8")
    assert refused(path).startswith("no outline found")


def test_it_refuses_invalid_json(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{"schema": "actionplan.plan-draft/1", "title": ', encoding="utf-8")
    assert refused(path) == "invalid JSON at line 1, column 48: Expecting value"


def test_it_refuses_json_that_is_not_an_object(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text("[1, 2, 3]", encoding="utf-8")
    assert refused(path) == "not a PlanDraft: the JSON is not an object"


def test_it_refuses_json_that_does_not_match_the_schema(tmp_path: Path) -> None:
    document = sample_draft().to_dict()
    del document["outline"][0]["level"]
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    message = refused(path)
    # Against the JSON Schema when it is shipped, else the draft's own reader.
    assert "PlanDraft" in message and "level" in message


def test_it_refuses_another_kind_of_json(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    path.write_text('{"schema": "somebody-else/2"}', encoding="utf-8")
    assert refused(path) == (
        "not a PlanDraft: its schema is 'somebody-else/2', expected 'actionplan.plan-draft/1'"
    )


def test_it_refuses_a_target_that_points_outside_the_outline(tmp_path: Path) -> None:
    document = sample_draft().to_dict()
    document["targets"][0]["node"] = "九/99"
    path = tmp_path / "plan.json"
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    assert refused(path) == (
        "the target '白云国际机场旅客吞吐量' refers to '九/99', which is not in the outline"
    )


def test_it_reads_a_good_draft(tmp_path: Path) -> None:
    source = read_source(write_draft(tmp_path / "plan.json", sample_draft()))
    assert source.draft.title == "广州建设国际交往中心三年行动计划"
    assert len(source.checksum) == 64
