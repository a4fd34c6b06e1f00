from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OversightConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "actionplan.oversight"
    verbose_name = _("oversight")

    def ready(self) -> None:
        from actionplan.oversight import freshness

        freshness.connect()
