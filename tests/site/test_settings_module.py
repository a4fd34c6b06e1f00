"""The settings module as a deployment meets it: loaded in a fresh process
with nothing but the environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from actionplan.site.secret import load_secret_key

PROBE = (
    "import json, django; from django.conf import settings; django.setup(); "
    "db = settings.DATABASES['default']; "
    "print(json.dumps({'engine': db['ENGINE'], 'name': str(db['NAME']), "
    "'debug': settings.DEBUG, 'hosts': settings.ALLOWED_HOSTS, 'key': settings.SECRET_KEY}))"
)


def load_settings(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in _SETTINGS_VARIABLES}
    clean.update(
        DJANGO_SETTINGS_MODULE="actionplan.site.settings",
        ACTIONPLAN_DATA_DIR=str(tmp_path / "data"),
        **env,
    )
    return subprocess.run(  # noqa: S603 — our own interpreter, fixed code
        [sys.executable, "-c", PROBE],
        env=clean,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


_SETTINGS_VARIABLES = {
    "DEBUG",
    "SECRET_KEY",
    "ACTIONPLAN_DEMO",
    "DATABASE_URL",
    "ALLOWED_HOSTS",
    "ACTIONPLAN_DATA_DIR",
}


def test_it_refuses_to_start_in_production_without_a_secret_key(tmp_path: Path) -> None:
    result = load_settings(tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_it_starts_in_production_with_a_secret_key_and_sqlite_in_the_data_dir(
    tmp_path: Path,
) -> None:
    result = load_settings(tmp_path, SECRET_KEY="k" * 50, ALLOWED_HOSTS="plans.example.org")
    assert result.returncode == 0, result.stderr
    assert '"debug": false' in result.stdout
    assert '"hosts": ["plans.example.org"]' in result.stdout
    assert "django.db.backends.sqlite3" in result.stdout
    assert str(tmp_path / "data" / "actionplan.sqlite3") in result.stdout


def test_it_uses_postgresql_when_database_url_says_so(tmp_path: Path) -> None:
    result = load_settings(
        tmp_path, SECRET_KEY="k" * 50, DATABASE_URL="postgres://office@db.example:5432/plans"
    )
    assert result.returncode == 0, result.stderr
    assert "django.db.backends.postgresql" in result.stdout
    assert '"name": "plans"' in result.stdout


def test_it_refuses_a_database_url_it_cannot_read(tmp_path: Path) -> None:
    result = load_settings(tmp_path, SECRET_KEY="k" * 50, DATABASE_URL="nosuchdb://x/y")
    assert result.returncode != 0
    assert "DATABASE_URL" in result.stderr


def test_it_refuses_a_malformed_debug_flag(tmp_path: Path) -> None:
    result = load_settings(tmp_path, DEBUG="maybe")
    assert result.returncode != 0
    assert "DEBUG must be one of" in result.stderr


def test_a_demo_generates_its_secret_key_once_and_keeps_it(tmp_path: Path) -> None:
    first = load_settings(tmp_path, ACTIONPLAN_DEMO="1")
    second = load_settings(tmp_path, ACTIONPLAN_DEMO="1")
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout
    key_file = tmp_path / "data" / "secret_key"
    assert key_file.read_text().strip() in first.stdout
    assert key_file.stat().st_mode & 0o077 == 0


def test_the_secret_key_from_the_environment_wins(tmp_path: Path) -> None:
    key = load_secret_key(
        debug=False, demo=True, data_dir=tmp_path, environ={"SECRET_KEY": "from-env"}
    )
    assert key == "from-env"
    assert not (tmp_path / "secret_key").exists()


@pytest.mark.parametrize("debug", [True, False])
def test_it_refuses_nothing_in_demo_or_debug(tmp_path: Path, debug: bool) -> None:
    key = load_secret_key(debug=debug, demo=not debug, data_dir=tmp_path, environ={})
    assert len(key) > 40
