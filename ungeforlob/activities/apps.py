"""Fællesskaber: group activities open to several young people, sign-up, SMS reminders and attendance."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ActivitiesConfig(AppConfig):
    name = "ungeforlob.activities"
    label = "activities"
    verbose_name = _("Fællesskaber")
