"""Rules on the content and the time of an SMS, checked before a message enters the outbox.

SMS is not a safe channel (domain.md, "Mobile contact"): a CPR number or another young person's name is
refused; a word that may reveal health or crime is a warning the sender must accept explicitly. Nothing is
sent in the quiet hours 22–07 (Danish time) except an agreed wake-up.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.messaging import conf
from ungeforlob.messaging.conf import LOCAL_TZ, QUIET_END, QUIET_START

# Six digits that form a day and month, then (optionally a dash or space and) four digits.
_CPR = re.compile(r"(?<!\d)(\d{2})(\d{2})\d{2}[-\s]?\d{4}(?!\d)")
_WORD = re.compile(r"[0-9a-zæøåéüäö]+", re.IGNORECASE)

# Words that can reveal health, addiction or crime. Stems match any word that starts with them; the short
# words (which would otherwise match innocent words) only match whole.
SENSITIVE_STEMS: tuple[str, ...] = (
    # health and addiction
    "diagnose", "psykiat", "psykolog", "psykose", "depressi", "angstanfald", "angst", "adhd", "autis",
    "skizofren", "bipolar", "selvmord", "selvskad", "cutting", "spiseforstyr", "anoreksi", "bulimi",
    "medicin", "antidepressi", "misbrug", "afvænning", "behandlingssted", "kokain", "stoffer",
    "narko", "abort", "gravid", "klamydia", "indlæg",
    # crime and authority
    "kriminal", "kriminel", "fængs", "anholdt", "anholdelse", "sigtet", "sigtelse", "tiltal", "dømt",
    "straffe", "retsmøde", "domstol", "politiet", "politistation", "politibetjent", "afhøring", "tyveri", "røveri", "voldtægt", "voldelig",
    "samfundstjeneste", "ungdomskriminalitet", "kriminalforsorg", "bødestraf",
)
SENSITIVE_WORDS: frozenset[str] = frozenset(
    {"dom", "vold", "straf", "bøde", "hiv", "ptsd", "ocd", "dope", "hash", "hashen", "politi"}
)


class ContentWarning(ValidationError):
    """Content that warrants a warning only; the sender may send anyway (`accept_warnings=True`)."""


@dataclass
class ContentCheck:
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _looks_like_cpr(body: str) -> bool:
    for match in _CPR.finditer(body):
        day, month = int(match.group(1)), int(match.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            return True
    return False


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text)]


def _sensitive_terms(words: list[str]) -> list[str]:
    found: list[str] = []
    for word in words:
        if word in SENSITIVE_WORDS or any(word.startswith(stem) for stem in SENSITIVE_STEMS):
            if word not in found:
                found.append(word)
    return found


def _names_other_youth(youth: Any, words: list[str]) -> bool:
    """Does the text name another young person of the municipality (first and last name together)?"""
    from ungeforlob.youth.models import Youth

    text = f" {' '.join(words)} "
    own = {" ".join(_words(f"{youth.first_name} {youth.last_name}"))}
    if youth.preferred_name:
        own.add(" ".join(_words(f"{youth.preferred_name} {youth.last_name}")))
    others = (
        Youth.objects.filter(municipality_id=youth.municipality_id)
        .exclude(pk=youth.pk)
        .values_list("first_name", "last_name", "preferred_name")
    )
    for first, last, preferred in others.iterator(chunk_size=2000):
        for given in (first, preferred):
            if not given:
                continue
            name = " ".join(_words(f"{given} {last}"))
            if name and name not in own and f" {name} " in text:
                return True
    return False


def check_content(*, youth: Any, body: str) -> ContentCheck:
    """Errors (refuse) and warnings (the sender must accept) for an SMS to `youth`, in Danish."""
    result = ContentCheck()
    if _looks_like_cpr(body):
        result.errors.append(_("Beskeden ser ud til at indeholde et CPR-nummer. CPR-numre må aldrig sendes på SMS."))
    words = _words(body)
    if _names_other_youth(youth, words):
        result.errors.append(
            _("Beskeden nævner en anden ung ved navn. Skriv aldrig om andre unge i en SMS – den kan blive "
              "læst af andre end modtageren.")
        )
    terms = _sensitive_terms(words)
    if terms:
        result.warnings.append(
            _("Beskeden indeholder »%(terms)s«, som kan afsløre oplysninger om helbred, misbrug eller "
              "kriminalitet. SMS er ikke en sikker kanal – tag det hellere i en samtale, eller skriv det "
              "uden de ord.") % {"terms": "«, »".join(terms)}
        )
    return result


def is_quiet(when: datetime.datetime) -> bool:
    if not conf.quiet_hours_enabled():
        return False
    local = timezone.localtime(when, LOCAL_TZ).time()
    return local >= QUIET_START or local < QUIET_END


def quiet_shift(when: datetime.datetime) -> tuple[datetime.datetime, bool]:
    """Move a time inside the quiet hours to the next 07:00 Danish time. Returns (time, whether it moved)."""
    if not is_quiet(when):
        return when, False
    local = timezone.localtime(when, LOCAL_TZ)
    day = local.date() if local.time() < QUIET_END else local.date() + datetime.timedelta(days=1)
    return datetime.datetime.combine(day, QUIET_END, tzinfo=LOCAL_TZ), True
