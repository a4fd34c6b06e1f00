"""``actionplan manage``: Django's commands with actionplan's settings."""

from __future__ import annotations

import pytest

from actionplan.cli import main


def test_it_runs_a_django_command(db: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["manage", "check"]) == 0
    assert "System check identified no issues" in capsys.readouterr().out


def test_it_lists_django_commands_for_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["manage", "--help"]) == 0
    assert "migrate" in capsys.readouterr().out


def test_the_migrations_match_the_models(db: None, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["manage", "makemigrations", "plans", "--check", "--dry-run"]) == 0
    assert "No changes detected" in capsys.readouterr().out
