"""The package's own data files (``actionplan/data``), read through
importlib.resources so that an installed wheel works too."""

from __future__ import annotations

import csv
import io
from importlib import resources
from importlib.abc import Traversable

SEED_FILE = "guangzhou-international-exchange-center-plan-2018-2020.txt"


def data_file(name: str) -> Traversable:
    return resources.files("actionplan").joinpath("data", name)


def read_csv(name: str) -> list[dict[str, str]]:
    text = data_file(name).read_text(encoding="utf-8")
    return [
        {key: (value or "").strip() for key, value in row.items()}
        for row in csv.DictReader(io.StringIO(text))
    ]
