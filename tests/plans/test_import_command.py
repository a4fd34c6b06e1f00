"""``actionplan import``: exit codes and messages, as a user meets them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.plans.factories import revised_draft, sample_draft, write_draft

from actionplan.cli import main
from actionplan.plans.models import Plan, PlanVersion, Task
from actionplan.plans.services import importing


@pytest.fixture
def draft_file(tmp_path: Path) -> Path:
    return write_draft(tmp_path / "sample.json", sample_draft())


def test_it_previews_and_imports_with_yes(
    db: None, draft_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(draft_file), "--plan", "sample", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "New plan sample" in out
    assert "tasks" in out and "indicators" in out
    assert "Imported sample.json as plan sample, version 1." in out
    assert Task.objects.filter(plan__code="sample").count() == 4


def test_it_names_the_plan_after_the_file_by_default(db: None, draft_file: Path) -> None:
    assert main(["import", str(draft_file), "--yes"]) == 0
    assert Plan.objects.get().code == "sample"


def test_a_dry_run_writes_nothing(
    db: None, draft_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(draft_file), "--dry-run"]) == 0
    assert "Dry run: nothing was written." in capsys.readouterr().out
    assert not Plan.objects.exists()


def test_it_will_not_apply_unconfirmed_outside_a_terminal(
    db: None, draft_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(draft_file)]) == 2
    err = capsys.readouterr().err
    assert err == (
        "actionplan import: sample.json: not applied; confirm on a terminal or pass --yes\n"
    )
    assert not Plan.objects.exists()


def test_it_reports_moved_new_and_gone_tasks_on_reimport(
    db: None, tmp_path: Path, draft_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", str(draft_file), "--plan", "sample", "--yes"])
    revised = write_draft(tmp_path / "revised.json", revised_draft())
    capsys.readouterr()
    assert main(["import", str(revised), "--plan", "sample", "--yes"]) == 0
    out = capsys.readouterr().out
    assert "(version 1 → 2)" in out
    assert "moved  2 → 3  发展更高水平的区域合作" in out
    assert "new    2  建设国际消费中心城市" in out
    assert "gone   3  打造高端国际会议目的地" in out
    assert "Imported revised.json as plan sample, version 2." in out


def test_importing_the_same_file_again_says_so(
    db: None, draft_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["import", str(draft_file), "--yes"])
    assert main(["import", str(draft_file), "--yes"]) == 0
    assert "Unchanged: plan sample version 1 already holds this document." in (
        capsys.readouterr().out
    )
    assert PlanVersion.objects.count() == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "empty.txt: the file is empty"),
        (
            "binary.txt",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            "binary.txt: binary data, not text (it contains NUL bytes)",
        ),
        (
            "broken.json",
            b'{"schema": ',
            "broken.json: invalid JSON at line 1, column 12: Expecting value",
        ),
        (
            "plan.odt",
            b"PK\x03\x04",
            "plan.odt: cannot import a .odt file: "
            "give a plan document (.txt, .docx) or a PlanDraft (.json)",
        ),
    ],
)
def test_bad_input_fails_with_one_line_and_exit_code_2(
    db: None,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    message: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    assert main(["import", str(path), "--yes"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"actionplan import: {message}\n"
    assert captured.out == ""
    assert not Plan.objects.exists()


def test_schema_invalid_json_fails_with_one_line(
    db: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = sample_draft().to_dict()
    document["targets"][0]["comparator"] = "about"
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    assert main(["import", str(path), "--yes"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("actionplan import: odd.json: ")
    assert "about" in err and err.count("\n") == 1
    assert not Plan.objects.exists()


def test_a_crash_midway_fails_with_one_line_and_changes_nothing(
    db: None,
    tmp_path: Path,
    draft_file: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    main(["import", str(draft_file), "--plan", "sample", "--yes"])
    titles = list(Task.objects.values_list("number", "title"))

    def crash(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(importing._Applier, "_measures", crash)
    revised = write_draft(tmp_path / "revised.json", revised_draft())
    capsys.readouterr()
    assert main(["import", str(revised), "--plan", "sample", "--yes"]) == 2
    assert capsys.readouterr().err == (
        "actionplan import: revised.json: the import failed and nothing was changed "
        "(RuntimeError: disk full)\n"
    )
    assert list(Task.objects.values_list("number", "title")) == titles
    assert PlanVersion.objects.count() == 1


def test_it_refuses_a_plan_code_that_is_not_a_short_name(
    draft_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["import", str(draft_file), "--plan", "Guangzhou Plan"]) == 2
    assert capsys.readouterr().err == (
        "actionplan import: --plan 'Guangzhou Plan': use lowercase letters, digits and hyphens\n"
    )


def test_it_imports_a_word_document_through_the_extractor(
    db: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import docx

    from actionplan.extract.seed import seed_text

    document = docx.Document()
    for line in seed_text().splitlines():
        document.add_paragraph(line)
    path = tmp_path / "guangzhou.docx"
    document.save(str(path))
    assert main(["import", str(path), "--yes"]) == 0
    assert "Imported guangzhou.docx as plan guangzhou, version 1." in capsys.readouterr().out
    assert Task.objects.filter(plan__code="guangzhou").count() == 20


def test_a_file_name_without_latin_letters_gets_a_code_of_its_own(db: None, tmp_path: Path) -> None:
    first = write_draft(tmp_path / "行动计划.json", sample_draft())
    second = write_draft(tmp_path / "实施方案.json", revised_draft())
    assert main(["import", str(first), "--yes"]) == 0
    assert main(["import", str(second), "--yes"]) == 0
    codes = sorted(Plan.objects.values_list("code", flat=True))
    assert len(codes) == 2 and all(code.startswith("plan-") for code in codes)
