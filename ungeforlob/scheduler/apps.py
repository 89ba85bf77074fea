from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SchedulerConfig(AppConfig):
    name = "ungeforlob.scheduler"
    label = "scheduler"
    verbose_name = _("Baggrundsarbejde")
    # Reported by /healthz (gathered by core.views.health_checks): is the worker alive?
    health_checks = (("worker", "ungeforlob.scheduler.selectors.worker_status"),)
