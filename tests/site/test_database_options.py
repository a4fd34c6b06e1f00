"""PostgreSQL connections run without JIT compilation (it cost the
dashboard's queries tens of milliseconds each to compile)."""

from __future__ import annotations

import pytest
from django.db import connection

from actionplan.site.settings import _database


def test_a_postgresql_url_turns_jit_off() -> None:
    config = _database("postgres://office@db.example:5432/plans")
    assert config["OPTIONS"]["options"] == "-c jit=off"
    sqlite = _database(None)
    assert "options" not in sqlite["OPTIONS"]


@pytest.mark.django_db
def test_the_test_database_connection_says_so() -> None:
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SHOW jit")
            assert cursor.fetchone()[0] == "off"
        else:
            cursor.execute("PRAGMA journal_mode")
            assert cursor.fetchone()[0] in ("wal", "memory")
