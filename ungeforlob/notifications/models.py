"""What the system tells people: in-app notifications for staff and notices to the young person.

* StaffNotification – an in-app notice for a member of staff (with an e-mail without personal details).
* YouthNotice – something the young person is told in Min side ("Nyt til dig"), with an SMS when messaging
  offers it.

Both used to live in `chain` and keep its tables (`db_table`): moving them changed no data. This app imports
no domain app at module level, so any app may notify through `ungeforlob.notifications.services`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class StaffNotification(models.Model):
    """An in-app notice for a member of staff. The text never carries personal details about the youth."""

    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=30)
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "chain_staffnotification"
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]

    def __str__(self) -> str:
        return self.text


class YouthNotice(models.Model):
    """Something the young person is told (shown in the portal), e.g. that someone joined their chain."""

    youth = models.ForeignKey("youth.Youth", on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=30)
    text = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    related_type = models.CharField(max_length=40, blank=True)
    related_id = models.CharField(max_length=40, blank=True)

    class Meta:
        db_table = "chain_youthnotice"
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.text
