"""Django settings for actionplan, read from the environment.

SQLite in ``ACTIONPLAN_DATA_DIR`` by default, so a checkout runs with nothing
to configure; PostgreSQL (or any database dj-database-url reads) by setting
``DATABASE_URL``. See docs/deployment.md for every variable.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from actionplan.site.env import env_bool, env_int, env_list, env_path, env_str
from actionplan.site.secret import load_secret_key

SITE_DIR = Path(__file__).resolve().parent

# pytest imports the settings itself; the test run needs no secrets and no
# compressed static manifest.
TESTING = "pytest" in sys.modules

DEBUG = env_bool("DEBUG", False)
DEMO = env_bool("ACTIONPLAN_DEMO", False)

DATA_DIR = env_path("ACTIONPLAN_DATA_DIR", Path("var"))
DATA_DIR.mkdir(parents=True, exist_ok=True)

if TESTING:
    SECRET_KEY = env_str("SECRET_KEY", "test-only-not-secret-" + "x" * 40)
else:
    SECRET_KEY = load_secret_key(debug=DEBUG, demo=DEMO, data_dir=DATA_DIR)

_LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"]
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", _LOCAL_HOSTS if (DEBUG or DEMO or TESTING) else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# Behind a TLS-terminating proxy: secure cookies and trust X-Forwarded-Proto.
HTTPS = env_bool("ACTIONPLAN_HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
# Sessions are written to the database and read through the cache (below):
# one query fewer on every signed-in page.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
CSRF_COOKIE_SECURE = HTTPS
if HTTPS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # HSTS cannot be taken back once browsers have seen it: opt in explicitly.
    SECURE_HSTS_SECONDS = env_int("ACTIONPLAN_HSTS_SECONDS", 0, minimum=0)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "simple_history",
    "actionplan.plans",
    "actionplan.progress",
    "actionplan.oversight",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "actionplan.site.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Records the signed-in user on every history row written during a request.
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "actionplan.site.urls"
WSGI_APPLICATION = "actionplan.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]


def _database(url: str | None) -> dict[str, Any]:
    if url is None:
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": DATA_DIR / "actionplan.sqlite3",
            "OPTIONS": {
                # WAL lets readers work while a writer writes; IMMEDIATE takes
                # the write lock up front instead of failing mid-transaction.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    try:
        config: dict[str, Any] = dict(
            dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60, minimum=0))
        )
    except ValueError as exc:
        raise ImproperlyConfigured(f"DATABASE_URL cannot be read: {exc}") from None
    if not config.get("ENGINE"):
        raise ImproperlyConfigured(f"DATABASE_URL names no known database: {url!r}")
    if config["ENGINE"] == "django.db.backends.postgresql":
        # The pages run many short queries: PostgreSQL's JIT compiles those
        # it estimates as costly and spends more compiling (tens of ms) than
        # it saves. Off for this connection unless the URL sets options.
        config.setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    return config


DATABASES = {"default": _database(env_str("DATABASE_URL", "") or None)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered parts of the supervision pages are cached until the data they
# show changes (``oversight.freshness``). Files under the data directory are
# shared by every worker process on the host (several hosts would need a
# shared cache such as Redis). Test runs cache nothing (a test's writes never
# commit, so nothing would renew the token); tests/oversight/test_freshness.py
# turns a cache on and commits.
CACHES: dict[str, dict[str, Any]]
if TESTING:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(DATA_DIR / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 2000},
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

if TESTING:
    # Hashing cost is for stolen databases, not for test runs.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS = [SITE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [SITE_DIR / "static"]
MEDIA_ROOT = DATA_DIR / "media"
MEDIA_URL = "media/"
# Report evidence: private files, never under a web root; served only by the
# evidence view to signed-in users.
EVIDENCE_ROOT = env_path("ACTIONPLAN_EVIDENCE_DIR", DATA_DIR / "evidence")
EVIDENCE_MAX_BYTES = 10 * 1024 * 1024
EVIDENCE_TYPES = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if TESTING
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# DEBUG and test runs serve static files straight from their sources, with
# no collectstatic; production serves the collected, compressed files.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {
        "console": {"class": "actionplan.site.log_handlers.StderrHandler", "formatter": "plain"}
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING").upper()},
}

# Reminders (催办) go by email: printed to the console unless an SMTP host is
# configured.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "actionplan@localhost")
ACTIONPLAN_SITE_URL = env_str("ACTIONPLAN_SITE_URL", "http://127.0.0.1:8000")
ACTIONPLAN_ESCALATE_AFTER_DAYS = env_int("ACTIONPLAN_ESCALATE_AFTER_DAYS", 30, minimum=0)
