"""Letters sent to Digital Post on the young person's timeline (staff and Min side): the title and to whom, never
the letter itself. One query; with `limit`, the newest `limit` letters."""

from __future__ import annotations

from django.utils.translation import gettext as _

from ungeforlob.serviceplatform.models import Letter, RecipientRole
from ungeforlob.youth.models import Youth
from ungeforlob.youth.timeline import TimelineEntry, newest_at, newest_by


@newest_at(lambda youth: [(Letter.objects.filter(youth=youth), "sent_at")])
def letter_entries(youth: Youth, *, limit: int | None = None) -> list[TimelineEntry]:
    entries = []
    letters = Letter.objects.filter(youth=youth).only("sent_at", "title", "recipient_role", "recipient_name",
                                                      "sent_by_name")
    for letter in newest_by(letters, "sent_at", limit):
        if letter.recipient_role == RecipientRole.YOUTH:
            title = _("Brev sendt til den unges Digital Post")
        else:
            title = _("Brev sendt til Digital Post hos %(name)s (forældremyndighed)") % {"name": letter.recipient_name}
        entries.append(TimelineEntry(letter.sent_at, "digital_post", title, letter.title, letter.sent_by_name))
    return entries
