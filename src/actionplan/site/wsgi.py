"""WSGI entry point: ``gunicorn actionplan.site.wsgi``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "actionplan.site.settings")

application = get_wsgi_application()
