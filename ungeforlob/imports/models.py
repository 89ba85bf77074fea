"""File imports a municipality needs on day one, and the education status events they (and the API) bring in.

* ImportJob – one uploaded file: checked in a dry run (per-row Danish errors, what would be created, updated or
  left unchanged), confirmed by the administrator, then run chunk by chunk (the worker takes large files) while
  the page shows the progress. The parsed rows wait encrypted in `payload` (they hold CPR numbers) and are
  emptied when the run is done.
* EducationEvent – one event of the national youth database's feed (Ungedatabasen) for one young person: admitted,
  started, dropped out, completed. Kept by its key, so the same event from a file or the API is applied once.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    CASELOAD = "unge", _("Unge fra et tidligere system")
    EDUCATION = "uddannelsesstatus", _("Uddannelsesstatus fra Ungedatabasen")


class ImportStatus(models.TextChoices):
    CHECKED = "kontrolleret", _("Kontrolleret – venter på bekræftelse")
    QUEUED = "i_koe", _("I kø")
    RUNNING = "i_gang", _("I gang")
    DONE = "faerdig", _("Færdig")
    CANCELLED = "annulleret", _("Annulleret")


class ImportJob(models.Model):
    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(_("type"), max_length=20, choices=ImportKind.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    file_name = models.CharField(_("fil"), max_length=200, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=ImportStatus.choices,
                              default=ImportStatus.CHECKED)
    # The file's rows as encrypted JSON ([line, {column: text}] pairs): they hold CPR numbers. Emptied when done.
    payload = models.TextField(blank=True, editable=False)
    total = models.PositiveIntegerField(default=0)
    processed = models.PositiveIntegerField(default=0)
    # The dry run's answer: {"create": n, "update": n, "unchanged": n, "error": n, "reported": n}.
    preview = models.JSONField(default=dict, blank=True)
    # The run's answer, counted the same way.
    result = models.JSONField(default=dict, blank=True)
    # [{"row": line, "column": Danish column name, "message": Danish message, "level": "error" | "report"}]
    errors = models.JSONField(default=list, blank=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("importer")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status"], name="imports_job_status")]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.get_status_display()})"

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.status == ImportStatus.DONE else 0
        return min(100, round(100 * self.processed / self.total))

    @property
    def is_running(self) -> bool:
        return self.status in {ImportStatus.QUEUED, ImportStatus.RUNNING}


class EducationEventKind(models.TextChoices):
    ADMITTED = "optaget", _("Optaget")
    STARTED = "startet", _("Startet")
    DROPPED_OUT = "afbrudt", _("Afbrudt")
    COMPLETED = "fuldfoert", _("Fuldført")


class EducationEventSource(models.TextChoices):
    FILE = "fil", _("Fil")
    API = "api", _("API")


class EducationEvent(models.Model):
    """One education status event applied to a young person's path (a station or transition, maybe a concern)."""

    municipality = models.ForeignKey("accounts.Municipality", on_delete=models.CASCADE, related_name="+")
    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="education_events")
    # The dedup key: a hash of the feed's event id, or of (CPR, event, institution, date) when there is none.
    key = models.CharField(max_length=64, editable=False)
    external_id = models.CharField(_("hændelses-id"), max_length=100, blank=True)
    kind = models.CharField(_("hændelse"), max_length=20, choices=EducationEventKind.choices)
    date = models.DateField(_("dato"))
    institution_number = models.CharField(_("institutionsnummer"), max_length=20, blank=True)
    institution_name = models.CharField(_("institution"), max_length=150, blank=True)
    programme = models.CharField(_("uddannelse"), max_length=200, blank=True)
    station = models.ForeignKey("transitions.Station", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="+")
    concern = models.ForeignKey("chain.Concern", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    source = models.CharField(_("kilde"), max_length=10, choices=EducationEventSource.choices)
    job = models.ForeignKey(ImportJob, on_delete=models.SET_NULL, null=True, blank=True, related_name="events")
    client_name = models.CharField(_("system"), max_length=150, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")

    class Meta:
        verbose_name = _("uddannelseshændelse")
        verbose_name_plural = _("uddannelseshændelser")
        ordering = ["date", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "key"], name="imports_event_unique_key"),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.date}"
