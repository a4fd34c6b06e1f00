"""Settings for mypy's Django plugin, which imports them to learn the models:
the real settings refuse to load without a SECRET_KEY, and type checking
needs none."""

import os

os.environ.setdefault("SECRET_KEY", "type-checking-only-not-a-secret")

from actionplan.site.settings import *  # noqa: F403
