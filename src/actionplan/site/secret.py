"""Where the SECRET_KEY comes from."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

from actionplan.site.env import env_str

KEY_FILE = "secret_key"


def load_secret_key(
    *, debug: bool, demo: bool, data_dir: Path, environ: Mapping[str, str] | None = None
) -> str:
    """``SECRET_KEY`` from the environment; for a demo or a DEBUG run, a random
    key generated once and kept in the data directory, so that sessions survive
    a restart. A production run without ``SECRET_KEY`` refuses to start."""
    key = env_str("SECRET_KEY", "", environ)
    if key:
        return key
    if not (debug or demo):
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off "
            "(for a local demo set ACTIONPLAN_DEMO=1 instead)"
        )
    path = data_dir / KEY_FILE
    if path.exists():
        kept = path.read_text(encoding="ascii").strip()
        if kept:
            return kept
    kept = secrets.token_urlsafe(50)
    # 0600: the key signs sessions, no other local user should read it.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(kept + "\n")
    return kept
