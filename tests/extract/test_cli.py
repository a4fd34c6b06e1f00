"""The ``actionplan extract`` command."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from actionplan.cli import main
from actionplan.extract import json_schema, seed_text

VALIDATOR = jsonschema.Draft202012Validator(json_schema())


@pytest.fixture
def seed_file(tmp_path: Path) -> Path:
    path = tmp_path / "seed.txt"
    path.write_text(seed_text(), encoding="utf-8")
    return path


def test_the_schema_itself_is_a_valid_2020_12_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(json_schema())
    assert json_schema()["properties"]["schema"]["const"] == "actionplan.plan-draft/1"


def test_json_output_validates_against_the_published_schema(
    seed_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(seed_file)]) == 0
    data = json.loads(capsys.readouterr().out)
    VALIDATOR.validate(data)
    assert data["schema"] == "actionplan.plan-draft/1"
    assert len(data["targets"]) == 9
    assert data["period"] == {"start": 2018, "end": 2020}


def test_the_schema_rejects_a_draft_with_a_wrong_comparator(
    seed_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["extract", str(seed_file)])
    data = json.loads(capsys.readouterr().out)
    data["targets"][0]["comparator"] = "≥"
    with pytest.raises(jsonschema.ValidationError):
        VALIDATOR.validate(data)


def test_without_a_file_it_reads_the_embedded_plan(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["title"].startswith("广州建设国际交往中心三年行动计划")


def test_yaml_output_holds_the_same_draft(
    seed_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["extract", str(seed_file), "--format", "json"])
    from_json = json.loads(capsys.readouterr().out)
    assert main(["extract", str(seed_file), "--format", "yaml"]) == 0
    from_yaml = yaml.safe_load(capsys.readouterr().out)
    assert from_yaml == from_json


def test_table_output_shows_the_outline_and_targets(
    seed_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["extract", str(seed_file), "--format", "table"]) == 0
    out = capsys.readouterr().out
    assert "重点任务" in out
    assert "白云国际机场旅客吞吐量" in out
    assert "≥80,000,000 人次" in out
    assert "\x1b[" not in out  # no colour codes when not writing to a terminal


def test_out_writes_the_file_and_prints_nothing(
    seed_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "draft.json"
    assert main(["extract", str(seed_file), "--out", str(out)]) == 0
    assert capsys.readouterr().out == ""
    VALIDATOR.validate(json.loads(out.read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("name", "data", "problem"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("fake.txt", b"%PDF-1.4 binary", "a PDF file"),
        ("noise.bin", bytes(range(256)), "binary"),
    ],
)
def test_bad_input_is_one_line_on_stderr_and_exit_code_two(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes, problem: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["extract", str(path)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"actionplan extract: {path}: ")
    assert problem in captured.err
    assert captured.err.count("\n") == 1
    assert "Traceback" not in captured.err


def test_a_missing_file_exits_with_two(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["extract", str(tmp_path / "missing.txt")]) == 2
    assert "cannot open the file" in capsys.readouterr().err


def test_an_unwritable_out_path_exits_with_two(
    seed_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "no-such-dir" / "draft.json"
    assert main(["extract", str(seed_file), "--out", str(target)]) == 2
    assert capsys.readouterr().err.startswith(f"actionplan extract: {target}: cannot write")


def test_an_unknown_format_is_refused_by_the_parser(seed_file: Path) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["extract", str(seed_file), "--format", "xml"])
    assert exit_info.value.code == 2
