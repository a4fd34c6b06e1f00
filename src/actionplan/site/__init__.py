"""The Django site: settings, URLs, base templates, static files, translations."""
