"""The kinds of data a retention rule is about, and which models each covers.

Every model that refers to a young person (directly or through other such models) belongs to exactly one kind, or
is named in `NOT_COVERED` with the reason: `tests/test_kinds.py` walks every model and fails when one is neither,
the way `portal/export.py` keeps "Hent mine data" complete. A new app's model about a young person is added to a
kind here (usually `record`, the course record as a whole).

What anonymising does is the same for every kind: each listed model's free text is emptied (`KEEP` names the
fields that are not free text about the young person: keys, codes, the professionals' own names), rows in
`DELETE_ON_ANONYMISE` go, and for the record the young person's own name, CPR number, phone and e-mail are
replaced. Deleting deletes the rows (and for the record, the young person).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from django.apps import apps
from django.db.models import Model
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ungeforlob.retention.models import Disposal

ALL = frozenset(Disposal.values)


@dataclass(frozen=True)
class Kind:
    key: str
    label: str | Promise
    help: str | Promise
    models: tuple[str, ...]  # "app_label.ModelName" of the rows this kind covers
    disposals: frozenset[str] = ALL
    # "course_end": the period runs from the end of the young person's last course; "finished": from when the
    # row itself was finished (a self-evaluation the young person chose not to keep).
    anchor: str = "course_end"


# In the order a run applies them: the parts first, the audit identity and the record as a whole last.
KINDS: tuple[Kind, ...] = (
    Kind("journal_notes", _("Journalnotater"), _("Notater i den unges journal."), ("plans.JournalNote",)),
    Kind("sms", _("SMS-historik"), _("Sendte og modtagne SMS'er, tjek-ind og vækninger."),
         ("messaging.OutboundMessage", "messaging.InboundMessage", "messaging.CheckIn", "messaging.WakeUpSeries")),
    Kind("self_evaluations", _("Selvevalueringer"), _("Runder den unge valgte at gemme, med svar, mål og læsninger."),
         ("progression.SelfEvaluationRound", "progression.SelfEvaluationAnswer", "progression.SelfEvaluationGoal",
          "progression.ProfessionalReading")),
    Kind("self_evaluations_unkept", _("Selvevalueringer der ikke gemmes"),
         _("Runder den unge valgte ikke at gemme: regnet fra rundens afslutning, mindst en time til at printe."),
         (), disposals=frozenset({Disposal.DELETE}), anchor="finished"),
    Kind("assessments", _("Vurderinger"), _("Teamets vurderinger af niveau, observerede indikatorer og den unges "
                                            "egen placering."),
         ("progression.Assessment", "progression.AssessmentVersion", "progression.ObservedIndicator",
          "progression.YouthPlacement", "progression.EducationReadinessAssessment")),
    Kind("concerns", _("Bekymringer"), _("Bekymringer og det, der blev gjort ved dem."),
         ("chain.Concern", "chain.ConcernAction")),
    Kind("audit_identity", _("Den unges identitet i adgangsloggen"),
         _("Loggen bevarer, hvem der kiggede; den unges id erstattes af et fast pseudonym."),
         (), disposals=frozenset({Disposal.ANONYMISE})),
    Kind("record", _("Forløbet som helhed"),
         _("Den unges stamdata, plan, kæde, overgange og alt andet om forløbet."),
         ("youth.Youth", "youth.Guardian", "youth.Course", "youth.AccessRequest", "notifications.YouthNotice",
          "chain.Consent", "chain.Membership", "chain.ContactWish", "chain.Referral", "chain.Handover",
          "chain.HandoverComment", "chain.PlanStop", "plans.Profile", "plans.Goal", "plans.SubGoal", "plans.Activity",
          "plans.Evaluation", "plans.PlanMeeting", "plans.PlanChange", "plans.PlanShare", "transitions.Station",
          "transitions.Transition", "transitions.FollowUp", "messaging.SmsConsent", "insights.QuarterSnapshot",
          "meetings.AgendaEntry", "meetings.Decision", "meetings.MeetingParticipant", "portal.LoginCode",
          "portal.Wish", "portal.CheckIn", "portal.ContactProposal", "disclosure.Withholding",
          "youthcouncil.CouncilMember", "activities.SignUp", "emergency.EmergencyAccess", "relocation.Relocation",
          "relocation.IncomingPackage", "serviceplatform.Letter", "education.StationPlace",
          "education.AttendanceRecord", "imports.EducationEvent")),
)
KINDS_BY_KEY: dict[str, Kind] = {kind.key: kind for kind in KINDS}

# Models that refer to a young person but belong to no kind, each with its reason.
NOT_COVERED: dict[str, str] = {}

# Fields of covered models that are kept when the rest of the free text goes: keys and codes the system needs,
# the professionals' own names (who did what stays documented), the legal basis of a membership or a consent.
KEEP: dict[str, frozenset[str]] = {
    "notifications.YouthNotice": frozenset({"kind", "related_type", "related_id"}),
    "chain.Consent": frozenset({"purpose", "scope"}),
    "chain.Membership": frozenset({"legal_basis_note"}),
    "chain.Referral": frozenset({"organisation_name"}),
    "plans.Activity": frozenset({"methods"}),
    "plans.Evaluation": frozenset({"author_name"}),
    "plans.PlanChange": frozenset({"actor_name", "object_type", "action"}),
    "plans.JournalNote": frozenset({"author_name", "hidden_by_name"}),
    "plans.PlanShare": frozenset({"recipient_organisation", "parts", "shared_by_name"}),
    "progression.SelfEvaluationRound": frozenset({"questionnaire_version"}),
    "progression.SelfEvaluationAnswer": frozenset({"statement"}),
    "progression.ProfessionalReading": frozenset({"scores"}),
    "messaging.WakeUpSeries": frozenset({"weekdays"}),
    "messaging.OutboundMessage": frozenset({"idempotency_key", "claim_token", "gateway", "gateway_message_id",
                                            "last_error", "status_reason", "related_type", "related_id"}),
    "messaging.InboundMessage": frozenset({"gateway_message_id"}),
    "messaging.CheckIn": frozenset({"related_type", "related_id"}),
    "meetings.AgendaEntry": frozenset({"legal_basis_note"}),
    "portal.LoginCode": frozenset({"code_hash"}),
    "portal.Wish": frozenset({"created_type", "handled_by_name"}),
    "serviceplatform.Letter": frozenset({"kind", "recipient_role", "message_id", "adapter", "sent_by_name"}),
    "imports.EducationEvent": frozenset({"key", "client_name"}),
}

# Rows that have no use without the young person's identity: anonymising the record deletes them.
DELETE_ON_ANONYMISE: tuple[str, ...] = ("youth.Guardian", "portal.LoginCode", "youth.AccessRequest")


@cache
def youth_paths() -> dict[str, str]:
    """Every model that refers to a young person: label -> the lookup from it to the young person's id
    ("youth_id", "round__youth_id", "subgoal__goal__youth_id"), through foreign keys and one-to-ones."""
    youth = apps.get_model("youth", "Youth")
    found: dict[type[Model], str] = {youth: "pk"}
    grew = True
    while grew:
        grew = False
        for model in apps.get_models():
            if model in found:
                continue
            for field in model._meta.get_fields():
                if field.concrete and (field.many_to_one or field.one_to_one) and field.related_model in found:
                    via = found[field.related_model]
                    found[model] = f"{field.name}_id" if via == "pk" else f"{field.name}__{via}"
                    grew = True
                    break
    return {model._meta.label: path for model, path in found.items()}


def free_text_fields(label: str) -> dict[str, Any]:
    """The fields anonymising empties on this model, with their empty value: text without choices and JSON,
    but the ones in KEEP."""
    from django.db import models

    model = apps.get_model(label)
    keep = KEEP.get(label, frozenset())
    empty: dict[str, Any] = {}
    for field in model._meta.concrete_fields:
        if field.name in keep or field.choices or field.primary_key or field.unique:
            continue
        if isinstance(field, (models.CharField, models.TextField)):
            empty[field.name] = ""
        elif isinstance(field, models.JSONField):
            empty[field.name] = field.get_default()
    return empty


@cache
def defaults() -> dict[str, dict[str, Any]]:
    """The shipped default rule of each kind (`data/defaults.json`)."""
    data = json.loads((Path(__file__).parent / "data" / "defaults.json").read_text(encoding="utf-8"))
    return {row["kind"]: row for row in data["rules"]}
