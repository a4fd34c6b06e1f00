"""When the supervision pages' cached parts must be rebuilt.

One token, shared by every worker through the cache, changes whenever data
those pages show may have changed: a save or delete of any model of the
plans, progress or oversight apps (signals, connected in ``apps.ready``) and
every status refresh (bulk writes send no signals). Cached parts carry the
token in their key, so a change makes them unreachable; they also expire
after ``MAX_AGE`` seconds, which bounds what a bulk write elsewhere (a
``QuerySet.update``) could leave stale.

The token changes when the transaction commits: a page rebuilt between the
write and the commit would otherwise be cached from the data before it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

KEY = "actionplan:data-token"
MAX_AGE = 300
WATCHED_APPS = ("plans", "progress", "oversight")


def token() -> str:
    """The current token (a new one if the cache has none)."""
    value = cache.get(KEY)
    if value is None:
        value = _new()
        cache.set(KEY, value, None)
    return str(value)


def _new() -> str:
    return f"{time.time_ns():x}"


def _renew() -> None:
    cache.set(KEY, _new(), None)


def changed() -> None:
    """Data changed: retire every cached part once the transaction commits
    (once per transaction, however many rows it writes)."""
    connection = transaction.get_connection()
    if connection.in_atomic_block and any(entry[1] is _renew for entry in connection.run_on_commit):
        return
    transaction.on_commit(_renew)


def _on_write(sender: type, **kwargs: Any) -> None:
    changed()


def connect() -> None:
    for label in WATCHED_APPS:
        for model in apps.get_app_config(label).get_models():
            post_save.connect(_on_write, sender=model, dispatch_uid=f"freshness-save-{model}")
            post_delete.connect(_on_write, sender=model, dispatch_uid=f"freshness-del-{model}")


def cached(parts: tuple[object, ...], build: Callable[[], str]) -> str:
    """``build()``'s text, kept until the data changes (or ``MAX_AGE``)."""
    key = "actionplan:part:" + ":".join(str(p) for p in (*parts, token()))
    text = cache.get(key)
    if text is None:
        text = build()
        cache.set(key, text, MAX_AGE)
    return str(text)
