"""The embedded default plan: Guangzhou's international exchange centre plan.

Read from the installed package (``actionplan/data``) through
``importlib.resources``, so it works from a wheel as well as a checkout.
"""

from __future__ import annotations

from importlib import resources
from typing import Final

SEED_FILE: Final = "guangzhou-international-exchange-center-plan-2018-2020.txt"


def seed_bytes() -> bytes:
    """The seed document exactly as shipped."""
    return resources.files("actionplan").joinpath("data", SEED_FILE).read_bytes()


def seed_text() -> str:
    """The seed document's text (UTF-8)."""
    return seed_bytes().decode("utf-8")
