"""The typed environment helpers fail loudly on values they cannot read."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from actionplan.site.env import env_bool, env_int, env_list, env_path, env_str


def test_it_reads_booleans_in_the_usual_spellings() -> None:
    for text in ("1", "true", "Yes", "ON"):
        assert env_bool("DEBUG", False, {"DEBUG": text}) is True
    for text in ("0", "false", "No", "off"):
        assert env_bool("DEBUG", True, {"DEBUG": text}) is False


def test_it_uses_the_default_when_a_variable_is_unset_or_blank() -> None:
    assert env_bool("DEBUG", True, {}) is True
    assert env_bool("DEBUG", True, {"DEBUG": "  "}) is True
    assert env_int("PORT", 8000, {}) == 8000
    assert env_list("ALLOWED_HOSTS", ["localhost"], {}) == ["localhost"]
    assert env_str("LOG_LEVEL", "WARNING", {}) == "WARNING"


def test_it_refuses_a_boolean_it_cannot_read() -> None:
    with pytest.raises(ImproperlyConfigured, match=r"DEBUG must be one of .* got 'ture'"):
        env_bool("DEBUG", False, {"DEBUG": "ture"})


def test_it_refuses_an_integer_it_cannot_read() -> None:
    with pytest.raises(ImproperlyConfigured, match="DATABASE_CONN_MAX_AGE must be an integer"):
        env_int("DATABASE_CONN_MAX_AGE", 60, {"DATABASE_CONN_MAX_AGE": "sixty"})


def test_it_refuses_an_integer_out_of_bounds() -> None:
    with pytest.raises(ImproperlyConfigured, match="must be at least 0; got -1"):
        env_int("DATABASE_CONN_MAX_AGE", 60, {"DATABASE_CONN_MAX_AGE": "-1"}, minimum=0)


def test_it_requires_a_variable_without_default() -> None:
    with pytest.raises(ImproperlyConfigured, match="SECRET_KEY must be set"):
        env_str("SECRET_KEY", environ={})


def test_it_splits_lists_and_refuses_empty_items() -> None:
    hosts = env_list("ALLOWED_HOSTS", [], {"ALLOWED_HOSTS": "a.example, b.example"})
    assert hosts == ["a.example", "b.example"]
    with pytest.raises(ImproperlyConfigured, match="ALLOWED_HOSTS has an empty item"):
        env_list("ALLOWED_HOSTS", [], {"ALLOWED_HOSTS": "a.example,,b.example"})


def test_it_makes_paths_absolute(tmp_path: Path) -> None:
    assert env_path("ACTIONPLAN_DATA_DIR", Path("var"), {}).is_absolute()
    given = {"ACTIONPLAN_DATA_DIR": str(tmp_path / "data")}
    assert env_path("ACTIONPLAN_DATA_DIR", Path("var"), given) == tmp_path / "data"
