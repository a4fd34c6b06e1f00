"""``actionplan demo``: prepares everything, prints the address and the
logins; a second run keeps all data."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User

from actionplan.cli import main
from actionplan.plans.models import Observation, PlanVersion


@pytest.fixture
def demo_env(db: None, tmp_path: Path, settings: Any, monkeypatch: pytest.MonkeyPatch) -> Path:
    settings.STATIC_ROOT = tmp_path / "static"
    # The command sets these for the server it starts; restore them afterwards.
    monkeypatch.delenv("ACTIONPLAN_DEMO", raising=False)
    monkeypatch.delenv("ALLOWED_HOSTS", raising=False)
    return tmp_path


def test_it_prepares_the_demo_and_prints_the_address_and_logins(
    demo_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo", "--host", "127.0.0.1", "--port", "8765", "--no-serve"]) == 0
    out = capsys.readouterr().out
    assert "actionplan is at http://127.0.0.1:8765/" in out
    for login in ("coordinator-demo", "leader-demo", "port-demo", "airport-demo"):
        assert login in out
    assert "示例分工" in out
    assert Observation.objects.count() > 50
    assert (
        User.objects.filter(username__in=["coordinator", "leader", "port", "airport"]).count() == 4
    )
    assert (demo_env / "static" / "vendor" / "chart.js" / "chart.umd.min.js").exists()


def test_a_second_run_keeps_all_data_and_duplicates_nothing(
    demo_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    main(["demo", "--no-serve"])
    counts = (Observation.objects.count(), PlanVersion.objects.count(), User.objects.count())
    capsys.readouterr()
    assert main(["demo", "--no-serve"]) == 0
    assert "already loaded, nothing changed" in capsys.readouterr().out
    assert (
        Observation.objects.count(),
        PlanVersion.objects.count(),
        User.objects.count(),
    ) == counts


def test_it_honours_host_and_port_from_the_environment(
    demo_env: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOST", "localhost")
    monkeypatch.setenv("PORT", "9123")
    assert main(["demo", "--no-serve"]) == 0
    assert "http://localhost:9123/" in capsys.readouterr().out


def test_it_refuses_a_port_that_is_not_one(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["demo", "--port", "70000", "--no-serve"])
    assert exit_.value.code == 2
    assert "a port is between 1 and 65535, not 70000" in capsys.readouterr().err


def test_it_says_so_when_the_port_is_taken(
    demo_env: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        assert main(["demo", "--host", "127.0.0.1", "--port", str(port)]) == 2
    assert capsys.readouterr().err == (
        f"actionplan demo: 127.0.0.1:{port} is in use; choose another with PORT=… or --port\n"
    )
