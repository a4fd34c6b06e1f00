"""The package's own data files (``actionplan/data``), read through
importlib.resources so that an installed wheel works too."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from importlib.abc import Traversable
from pathlib import Path

SEED_FILE = "guangzhou-international-exchange-center-plan-2018-2020.txt"


def data_file(name: str) -> Traversable:
    return resources.files("actionplan").joinpath("data", name)


@contextmanager
def data_path(name: str) -> Iterator[Path]:
    """A real filesystem path to a data file, for readers that want one."""
    with resources.as_file(data_file(name)) as path:
        yield path


def read_csv(name: str) -> list[dict[str, str]]:
    text = data_file(name).read_text(encoding="utf-8")
    return [
        {key: (value or "").strip() for key, value in row.items()}
        for row in csv.DictReader(io.StringIO(text))
    ]
