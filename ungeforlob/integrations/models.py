"""Integration clients: another system (a school's student system, a partner's case system, a data warehouse)
that reaches Ungeforløb through the API, acting as one organisation with the scopes an administrator granted."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiClient(models.Model):
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.PROTECT, related_name="+")
    # The client acts as this organisation: it sees exactly the young people the organisation's members may see.
    organisation = models.ForeignKey("accounts.Organisation", on_delete=models.PROTECT,
                                     related_name="api_clients", verbose_name=_("organisation"))
    name = models.CharField(_("navn"), max_length=150,
                            help_text=_("Systemets navn, som den unge ser det i ”Hvem har kigget”."))
    scopes = models.JSONField(_("rettigheder"), default=list)
    # The token is shown once; only its SHA-256 is kept. The prefix (not secret) tells tokens apart in lists.
    token_prefix = models.CharField(max_length=16, unique=True)
    token_hash = models.CharField(max_length=64, unique=True)
    expires_at = models.DateTimeField(_("udløber"))
    revoked_at = models.DateTimeField(_("tilbagekaldt"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("integrationsklient")
        verbose_name_plural = _("integrationsklienter")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="apiclient_unique_name"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

    def has_scope(self, scope: str) -> bool:
        return scope in (self.scopes or [])

    def audit_actor_fields(self) -> dict[str, Any]:
        """How the audit log names this client: no staff user, the system's name (the young person's "Hvem har
        kigget" shows a system by its name) and its organisation."""
        return {"actor": None, "actor_name": self.name[:200], "actor_organisation": self.organisation.name[:200],
                "actor_role": "Integration"}
