"""The three procedures shipped with Ungeforløb, from the seeds (see docs: domain.md, "Transitions").

* *Den gode uddannelsesstart* — Vejle's fixed procedures as the Syddanmark report describes them: handover by
  dialogue between the contact persons in the municipality and at EUD/FGU, group visits (gruppevise besøg), a
  roadmap for day 1 (køreplan for dag 1) and follow-up by SMS; individual follow-up talk at 7 weeks; joint
  meeting KUI + school + youth (and parents) at 8 weeks; after that individual follow-ups as needed.
* *Den gode uddannelsesstart – med opfølgningsmøde efter en måned* — as it was done for Josefine: the same start,
  then a follow-up meeting with the youth and the EUD teacher after one month.
* *Eftervend og efterværn* — after starting education or a job: a call about every 14 days, support up to a year
  (Energi til Hinanden's "eftervend", IPS-UNG's "efterværn").

SMS texts hold no personal details beyond the first name (GDPR: not everything may be sent by SMS).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.utils.translation import gettext_lazy as _

from ungeforlob.chain.models import ChainRole

NINE = datetime.time(9, 0)

_PRE_MEETING: dict[str, Any] = {
    "title": _("Formøde før start"),
    "kind": "moede",
    "offset_days": -5,
    "working_days": True,
    "at_time": NINE,
    "responsible_role": ChainRole.CONTACT_PERSON,
    "description": _("Overlevering i dialog: den unge, kontaktpersonen og skolens studievejleder mødes. Hvad "
                     "skal skolen vide, og hvad vil den unge gerne have, at de ved?"),
}
_GROUP_VISIT: dict[str, Any] = {
    "title": _("Gruppevist besøg på uddannelsesstedet"),
    "kind": "besoeg",
    "offset_days": -10,
    "at_time": NINE,
    "responsible_role": ChainRole.CONTACT_PERSON,
    "description": _("De unge, der skal starte samme sted, besøger uddannelsesstedet sammen med kontaktpersonen "
                     "før start: de ser stedet og møder de voksne, der tager imod dem."),
}
_ROADMAP_DAY_ONE: dict[str, Any] = {
    "title": _("Køreplan for dag 1"),
    "kind": "moede",
    "offset_days": -2,
    "working_days": True,
    "at_time": NINE,
    "responsible_role": ChainRole.CONTACT_PERSON,
    "description": _("Kontaktpersonen og skolens kontaktperson aftaler køreplanen for første dag i EUD/FGU: hvem "
                     "tager imod, hvor og hvornår. Den unge får køreplanen."),
}
_SMS_DAY_BEFORE: dict[str, Any] = {
    "title": _("SMS dagen før"),
    "kind": "sms",
    "offset_days": -1,
    "at_time": datetime.time(17, 0),
    "responsible_role": ChainRole.CONTACT_PERSON,
    "sms_template": _("Hej {fornavn}. I morgen starter du på {sted}. Jeg tager imod dig, som vi aftalte. "
                      "Glæder mig! /{kontaktperson}"),
}
_WELCOME: dict[str, Any] = {
    "title": _("Velkomst på første dag"),
    "kind": "besoeg",
    "offset_days": 0,
    "at_time": datetime.time(8, 0),
    "responsible_role": ChainRole.CONTACT_PERSON,
    "description": _("Kontaktpersonen byder den unge velkommen på startdagen, som aftalt på formødet."),
}
_SMS_DAY_ONE: dict[str, Any] = {
    "title": _("SMS en dag efter start"),
    "kind": "sms",
    "offset_days": 1,
    "at_time": datetime.time(16, 0),
    "responsible_role": ChainRole.CONTACT_PERSON,
    "sms_template": _("Hej {fornavn}. Hvordan gik din første dag? Skriv gerne et par ord tilbage. "
                      "/{kontaktperson}"),
}
_SMS_WEEK_ONE: dict[str, Any] = {
    "title": _("SMS en uge efter start"),
    "kind": "sms",
    "offset_days": 7,
    "at_time": datetime.time(16, 0),
    "responsible_role": ChainRole.CONTACT_PERSON,
    "sms_template": _("Hej {fornavn}. Nu har du været på {sted} en uge. Hvordan går det? /{kontaktperson}"),
}

DEFAULT_PROCEDURES: list[dict[str, Any]] = [
    {
        "name": _("Den gode uddannelsesstart"),
        "is_default": True,
        "description": _("Vejles faste procedurer for en god start på EUD eller FGU: overlevering i dialog mellem "
                         "kontaktpersonerne, gruppevist besøg, køreplan for dag 1, opfølgning via SMS, individuel "
                         "opfølgningssamtale efter 7 uger og møde med KUI, skolen, den unge og evt. forældre efter "
                         "8 uger. Herefter aftales individuelle opfølgningssamtaler efter behov."),
        "steps": [
            _GROUP_VISIT, _PRE_MEETING, _ROADMAP_DAY_ONE, _SMS_DAY_BEFORE, _WELCOME, _SMS_DAY_ONE, _SMS_WEEK_ONE,
            {
                "title": _("Individuel opfølgningssamtale (7 uger)"),
                "kind": "moede",
                "offset_days": 49,
                "at_time": NINE,
                "responsible_role": ChainRole.CONTACT_PERSON,
                "description": _("Samtale med den unge om trivsel, relationer og stabilt fremmøde."),
            },
            {
                "title": _("Fællesmøde med KUI, skolen og den unge (8 uger)"),
                "kind": "moede",
                "offset_days": 56,
                "at_time": NINE,
                "responsible_role": ChainRole.CONTACT_PERSON,
                "description": _("Møde med KUI, EUD/FGU, den unge og evt. forældre. Aftal herefter individuelle "
                                 "opfølgningssamtaler efter behov."),
            },
        ],
    },
    {
        "name": _("Den gode uddannelsesstart – med opfølgningsmøde efter en måned"),
        "description": _("Som i Josefines forløb: formøde med studievejlederen, forberedelse af startdagen med "
                         "SMS, velkomst på startdagen, SMS efter en dag og en uge og et opfølgningsmøde efter en "
                         "måned med den unge og EUD-læreren."),
        "steps": [
            _PRE_MEETING, _SMS_DAY_BEFORE, _WELCOME, _SMS_DAY_ONE, _SMS_WEEK_ONE,
            {
                "title": _("Opfølgningsmøde efter en måned"),
                "kind": "moede",
                "offset_days": 30,
                "at_time": NINE,
                "responsible_role": ChainRole.CONTACT_PERSON,
                "description": _("Møde mellem kontaktpersonen, den unge og læreren på grundforløbet."),
            },
        ],
    },
    {
        "name": _("Eftervend og efterværn"),
        "description": _("Efter start på uddannelse eller job: et opkald cirka hver 14. dag og støtte i op til et "
                         "år, så den unge er tryg og godt forankret."),
        "steps": [
            {
                "title": _("Eftervend: opkald"),
                "kind": "opkald",
                "offset_days": 14,
                "repeat_every_days": 14,
                "repeat_until_days": 364,
                "at_time": NINE,
                "responsible_role": ChainRole.CONTACT_PERSON,
                "description": _("Et kort opkald: hvordan går det, og er der noget, der skal tages hånd om?"),
            },
            {
                "title": _("Afslutning af efterværnet (1 år)"),
                "kind": "moede",
                "offset_days": 365,
                "at_time": NINE,
                "responsible_role": ChainRole.CONTACT_PERSON,
                "description": _("Samtale om året, der gik, og om støtten kan slutte."),
            },
        ],
    },
]
