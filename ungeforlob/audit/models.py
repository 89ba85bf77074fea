"""The audit log: one append-only row per read, write, search, export or reveal of personal data."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    READ = "read", _("Læst")
    LIST = "list", _("Vist i liste")
    CREATE = "create", _("Oprettet")
    UPDATE = "update", _("Ændret")
    DELETE = "delete", _("Slettet")
    SEARCH = "search", _("Søgning")
    EXPORT = "export", _("Eksport")
    REVEAL = "reveal", _("Fuldt CPR-nummer vist")
    LOGIN = "login", _("Login")
    LOGIN_FAILED = "login_failed", _("Mislykket login")


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("The audit log is append-only")

    def delete(self):  # type: ignore[no-untyped-def]
        raise PermissionError("The audit log is append-only")


class AuditEvent(models.Model):
    """Who did what to which young person's data, when and why.

    The youth is referenced by id, not by foreign key: the trail must outlive (and must not block) the
    erasure of a record. The database itself refuses UPDATE and DELETE of a row (one UPDATE is let through:
    replacing the young person's id by their pseudonym, nothing else — migration 0006): triggers on PostgreSQL
    (migration 0002, on every partition since 0005) and on SQLite (0002 and 0003); only emptying the whole
    database (`flush`) is allowed, and on PostgreSQL the worker drops whole monthly partitions older than
    `AUDIT_RETENTION_MONTHS` (`services.audit_partitions_drop_expired`).

    On PostgreSQL the table is partitioned by month on `created_at` (migration 0005, `ungeforlob/audit/partitions.py`);
    its primary key there is (id, created_at), as a partitioned table's key must include the partition column. The
    ORM keeps `id` as the primary key: ids stay unique (one identity sequence), and every read and insert through
    the ORM works unchanged. SQLite keeps one plain table.
    """

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    municipality = models.ForeignKey(
        "accounts.Municipality", on_delete=models.PROTECT, null=True, related_name="+"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Snapshots: the log must say what was true at the time, even after people change jobs.
    actor_name = models.CharField(max_length=200, blank=True)
    actor_organisation = models.CharField(max_length=200, blank=True)
    actor_role = models.CharField(max_length=100, blank=True)
    actor_youth_id = models.BigIntegerField(null=True, blank=True)
    action = models.CharField(max_length=20, choices=AuditAction.choices)
    # Indexed by `audit_youth_recent` below (its leading column); a second index on youth_id alone was a duplicate.
    youth_id = models.BigIntegerField(null=True, blank=True)
    # When the young person's record is anonymised by the retention rules, `youth_id` (and `actor_youth_id`) give
    # way to this stable pseudonym (the same in every row; `retention.pseudonym`): the row keeps who looked.
    youth_pseudonym = models.CharField(max_length=40, blank=True, default="", db_default="")
    object_type = models.CharField(max_length=60, blank=True)
    object_id = models.CharField(max_length=60, blank=True)
    purpose = models.CharField(max_length=300, blank=True)
    detail = models.JSONField(default=dict, blank=True)
    ip_address = models.GenericIPAddressField(null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        verbose_name = _("logpost")
        verbose_name_plural = _("adgangslog")
        ordering = ["-created_at", "-id"]
        # "Hvem har kigget" and the list check read one young person's newest rows: on PostgreSQL this index
        # exists on every monthly partition (migration 0005), so a read touches a few pages per partition.
        indexes = [
            models.Index(fields=["youth_id", "-created_at"], name="audit_youth_recent"),
            # A list's once-a-day check (`audit_record_list`) asks "did this actor list this young person since
            # midnight?" for each young person shown: only list rows, by actor, young person and time, so each
            # answer is one index entry at most, however much else the actor or the young person has in the log.
            models.Index(fields=["actor", "youth_id", "created_at"], condition=models.Q(action="list"),
                         name="audit_actor_listed"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_name} {self.action} {self.object_type}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pk is not None:
            raise PermissionError("The audit log is append-only")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise PermissionError("The audit log is append-only")
