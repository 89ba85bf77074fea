""""Hent mine data": everything Ungeforløb holds about the young person, as JSON and as PDF.

The young person's right of access must be complete by construction. Each section is a function
`(youth) -> (title, rows)` in the app that owns the data (`<app>/export.py`), registered here with the models
whose rows it shows. A model that refers to a young person (directly or through other such models) is either
shown by a section or named in `NOT_EXPORTED` with the reason; `portal/tests/test_export.py` walks every model
and fails when one is neither. Each section runs a fixed number of queries whatever the amount of data.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from ungeforlob.youth.models import Youth

Section = tuple[str, list[dict[str, Any]]]


@dataclass(frozen=True)
class ExportSection:
    source: str  # dotted path of `(youth) -> (title, rows)`
    models: tuple[str, ...]  # the models ("app_label.ModelName") whose rows the section shows


EXPORT_SECTIONS: list[ExportSection] = [
    ExportSection("ungeforlob.portal.export.record_section", ("youth.Youth", "youth.Guardian", "youth.Course")),
    ExportSection("ungeforlob.chain.export.chain_section", ("chain.Membership", "chain.ContactWish")),
    ExportSection("ungeforlob.portal.export.access_section", ()),
    ExportSection("ungeforlob.portal.export.access_requests_section", ("youth.AccessRequest",)),
    ExportSection("ungeforlob.plans.export.plan_section",
                  ("plans.Profile", "plans.Goal", "plans.SubGoal", "plans.Activity")),
    ExportSection("ungeforlob.plans.export.meetings_section", ("plans.PlanMeeting",)),
    ExportSection("ungeforlob.plans.export.changes_section", ("plans.PlanChange",)),
    ExportSection("ungeforlob.plans.export.shares_section", ("plans.PlanShare",)),
    ExportSection("ungeforlob.plans.export.notes_section", ("plans.JournalNote",)),
    ExportSection("ungeforlob.plans.export.evaluations_section", ("plans.Evaluation",)),
    ExportSection("ungeforlob.transitions.export.stations_section", ("transitions.Station", "transitions.Transition")),
    ExportSection("ungeforlob.transitions.export.followups_section", ("transitions.FollowUp",)),
    ExportSection("ungeforlob.progression.export.assessments_section",
                  ("progression.Assessment", "progression.AssessmentVersion", "progression.ObservedIndicator",
                   "progression.YouthPlacement", "progression.EducationReadinessAssessment")),
    ExportSection("ungeforlob.progression.export.self_evaluations_section",
                  ("progression.SelfEvaluationRound", "progression.SelfEvaluationAnswer",
                   "progression.SelfEvaluationGoal", "progression.ProfessionalReading")),
    ExportSection("ungeforlob.chain.export.concerns_section", ("chain.Concern", "chain.ConcernAction")),
    ExportSection("ungeforlob.chain.export.plan_stops_section", ("chain.PlanStop",)),
    ExportSection("ungeforlob.chain.export.referrals_section", ("chain.Referral",)),
    ExportSection("ungeforlob.portal.export.consents_section", ("chain.Consent", "messaging.SmsConsent")),
    ExportSection("ungeforlob.messaging.export.messages_section",
                  ("messaging.OutboundMessage", "messaging.InboundMessage")),
    ExportSection("ungeforlob.messaging.export.checkins_section", ("messaging.CheckIn",)),
    ExportSection("ungeforlob.messaging.export.wakeups_section", ("messaging.WakeUpSeries",)),
    ExportSection("ungeforlob.notifications.export.notices_section", ("notifications.YouthNotice",)),
    ExportSection("ungeforlob.portal.export.wishes_section", ("portal.Wish",)),
    ExportSection("ungeforlob.portal.export_choose.checkins_section", ("portal.CheckIn",)),
    ExportSection("ungeforlob.portal.export_choose.contact_proposals_section", ("portal.ContactProposal",)),
    ExportSection("ungeforlob.chain.export.handovers_section", ("chain.Handover", "chain.HandoverComment")),
    ExportSection("ungeforlob.meetings.export.meetings_section",
                  ("meetings.AgendaEntry", "meetings.Decision", "meetings.MeetingParticipant")),
    ExportSection("ungeforlob.disclosure.export.withholdings_section", ("disclosure.Withholding",)),
    ExportSection("ungeforlob.activities.export.signups_section", ("activities.SignUp",)),
    ExportSection("ungeforlob.youthcouncil.export.council_section", ("youthcouncil.CouncilMember",)),
    ExportSection("ungeforlob.emergency.export.accesses_section", ("emergency.EmergencyAccess",)),
    ExportSection("ungeforlob.relocation.export.relocations_section",
                  ("relocation.Relocation", "relocation.IncomingPackage")),
    ExportSection("ungeforlob.serviceplatform.export.letters_section", ("serviceplatform.Letter",)),
    ExportSection("ungeforlob.education.export.attendance_section", ("education.StationPlace", "education.AttendanceRecord")),
    ExportSection("ungeforlob.imports.export.education_events_section", ("imports.EducationEvent",)),
]

# Models that refer to a young person but are not in "Hent mine data", each with its reason.
NOT_EXPORTED: dict[str, str] = {
    "portal.LoginCode": "a keyed hash of a one-time login code: a secret, useless after ten minutes; the SMS "
                        "that carried it is in Beskeder",
    "insights.QuarterSnapshot": "a quarterly copy, for leaders' counts, of the level, station and course already "
                                "shown in Forløb, Stationer and Vurderinger",
}


def export_data(youth: Youth) -> list[Section]:
    return [import_string(section.source)(youth) for section in EXPORT_SECTIONS]


def export_json(youth: Youth) -> str:
    payload = {"udtrukket": timezone.now().isoformat(),
               "sektioner": {title: rows for title, rows in export_data(youth)}}
    return json.dumps(payload, ensure_ascii=False, indent=2, default=str)


def export_pdf_html(youth: Youth) -> str:
    """The page the PDF is printed from: her plan first, then a contents list, then every section, with times
    in local time (Europe/Copenhagen) and dates written the Danish way. The JSON keeps the ISO values."""
    from ungeforlob.plans.selectors import plan_for
    from ungeforlob.plans.services import youth_display_name

    sections = [(f"s{n}", title, [{_label(k): readable(v) for k, v in row.items()} for row in rows])
                for n, (title, rows) in enumerate(export_data(youth), start=1)]
    return render_to_string("portal/data_pdf.html", {
        "youth": youth, "name": youth_display_name(youth), "plan": plan_for(youth), "sections": sections,
        "now": timezone.localtime()})


def export_pdf(youth: Youth) -> bytes:
    """"Hent mine data" as PDF (WeasyPrint; no network, the stylesheet a file beside the templates)."""
    from pathlib import Path

    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    from ungeforlob.core.pdf import font_css, local_only

    font_config = FontConfiguration()
    fetcher = local_only()
    sheets = [CSS(filename=str(Path(__file__).parent / "static" / "portal" / "data_pdf.css"), url_fetcher=fetcher,
                  font_config=font_config)]
    fonts = font_css()
    if fonts:
        sheets.insert(0, CSS(string=fonts, url_fetcher=fetcher, font_config=font_config))
    return HTML(string=export_pdf_html(youth), base_url=str(Path(__file__).parent), url_fetcher=fetcher).write_pdf(
        stylesheets=sheets, font_config=font_config)


_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def readable(value: Any) -> str:
    """One value of a section as plain words for the PDF: an ISO time as a local Danish date and time, an ISO
    date as a Danish date, yes/no for a truth value, lists joined, "—" for nothing."""
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return str(_("Ja") if value else _("Nej"))
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, list | tuple):
        return ", ".join(readable(v) for v in value)
    if isinstance(value, dict):
        return "; ".join(f"{_label(k)}: {readable(v)}" for k, v in value.items())
    text = str(value)
    try:
        if _ISO_DATETIME.match(text):
            return readable(datetime.datetime.fromisoformat(text))
        if _ISO_DATE.match(text):
            return readable(datetime.date.fromisoformat(text))
    except ValueError:
        pass
    return text


def _label(key: Any) -> str:
    text = str(key)
    return text[:1].upper() + text[1:]


def d(value: Any) -> str:
    """A date or time as ISO text, or "" (the sections' one format)."""
    return value.isoformat() if value else ""


def name(user: Any) -> str:
    return (user.get_full_name() or user.username) if user is not None else ""


# --- The sections of the young person's own record and of Min side ------------------------------------------


def record_section(youth: Youth) -> Section:
    rows = [{
        "navn": youth.full_name, "kaldenavn": youth.preferred_name, "fødselsdato": youth.birth_date.isoformat(),
        "cpr": youth.cpr_masked, "mobil": youth.mobile, "e-mail": youth.email,
    }]
    rows += [{"forælder/værge": g.name, "relation": g.get_relation_display(), "telefon": g.phone}
             for g in youth.guardians.all()]
    rows += [{"forløb start": c.start_date.isoformat(), "forløb slut": d(c.end_date),
              "årsag": c.get_end_reason_display()} for c in youth.courses.all()]
    return (str(_("Dine oplysninger")), rows)


def access_section(youth: Youth) -> Section:
    """The audit log as "Hvem har kigget" shows it (organisation and role; names as the municipality chose)."""
    from ungeforlob.portal.selectors import who_has_looked

    rows = [{"tidspunkt": e.created_at.isoformat(), "organisation": e.actor_organisation, "rolle": e.actor_role,
             "handling": e.get_action_display(), "formål": e.purpose}
            for e in who_has_looked(youth)[:2000]]
    return (str(_("Hvem har kigget")), rows)


def access_requests_section(youth: Youth) -> Section:
    """Professionals outside the circle who asked to join it, and the answer (organisation and role, as
    "Hvem har kigget" shows who looked)."""
    from ungeforlob.youth.models import AccessRequest

    rows = [{"dato": d(r.created_at), "organisation": r.asker.organisation.name if r.asker.organisation_id else "",
             "rolle": r.asker.profession or r.asker.get_role_display(), "begrundelse": r.reason,
             "status": r.get_status_display(), "besvaret": d(r.decided_at), "svar": r.decision_note}
            for r in AccessRequest.objects.filter(youth=youth).select_related("asker__organisation")
            .order_by("created_at", "pk")]
    return (str(_("Anmodninger om at komme med i din kæde")), rows)


def consents_section(youth: Youth) -> Section:
    from ungeforlob.portal.selectors import my_consents

    data = my_consents(youth)
    rows: list[dict[str, Any]] = [
        {"til": c.receiving_organisation.name, "formål": c.purpose, "omfang": c.scope, "givet": d(c.given_at),
         "udløber": d(c.expires_on), "trukket tilbage": d(c.withdrawn_at)}
        for c in data["consents"]
    ]
    sms = data["sms"]
    if sms is not None:
        rows.append({"til": "SMS", "givet": d(sms.given_at), "trukket tilbage": d(sms.withdrawn_at)})
    return (str(_("Samtykker")), rows)


def wishes_section(youth: Youth) -> Section:
    from ungeforlob.portal.models import Wish

    rows = [{"dato": d(w.created_at), "type": w.get_kind_display(), "ønske": w.text, "status": w.get_status_display(),
             "svar": w.reply} for w in Wish.objects.filter(youth=youth).order_by("created_at", "pk")]
    return (str(_("Dine ønsker")), rows)
