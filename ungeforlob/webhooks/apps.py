"""Outbound webhooks: subscriptions, a signed outbox delivered by the worker."""
from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebhooksConfig(AppConfig):
    name = "ungeforlob.webhooks"
    label = "webhooks"
    verbose_name = _("Webhooks")
