"""The public API of actionplan.extract: what ``__all__`` promises exists, and
the package stays free of Django."""

from __future__ import annotations

import ast
import types
from pathlib import Path

import actionplan.extract as extract

PACKAGE = Path(extract.__file__).parent


def test_every_name_in_all_exists() -> None:
    missing = [name for name in extract.__all__ if not hasattr(extract, name)]
    assert missing == []


def test_every_public_name_is_in_all() -> None:
    public = {
        name
        for name, value in vars(extract).items()
        if not name.startswith("_")
        and not isinstance(value, types.ModuleType)
        and name not in ("annotations",)
    }
    assert public == set(extract.__all__)


def test_no_module_of_the_pure_core_imports_django() -> None:
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names: list[str] = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            assert not any(name.split(".")[0] == "django" for name in names), path


def test_the_schema_ships_as_package_data() -> None:
    assert (PACKAGE / "schema" / "plan-draft-1.schema.json").is_file()
    assert extract.json_schema()["$schema"].endswith("2020-12/schema")
