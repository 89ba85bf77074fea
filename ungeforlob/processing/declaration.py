"""What the system holds about whom, and why: the declaration the record of processing (art. 30) is built from.

Every model that holds personal data is declared here with its purpose, the categories of data subjects and the
categories of personal data; `tests/test_completeness.py` walks every model of the project and fails when one that
refers to a young person (directly or through other models), refers to a member of staff, or has a field named like
a name, CPR number, phone, e-mail or address is neither in `DECLARATION` nor in `NOT_PERSONAL` with a reason.
A new model is declared in the same change that adds it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Purpose:
    title: str | Promise
    description: str | Promise
    legal_basis: str | Promise


@dataclass(frozen=True)
class Declared:
    purpose: str  # a key of PURPOSES
    subjects: tuple[str, ...]  # keys of SUBJECTS
    data: tuple[str, ...]  # keys of CATEGORIES


PURPOSES: dict[str, Purpose] = {
    "course": Purpose(
        _("Den unges forløb"),
        _("Planlægning, koordinering og opfølgning af den unges forløb mod uddannelse og beskæftigelse, sammen med "
          "den unge: profil, plan og mål, vurderinger af progression, stationer, overgange og opfølgning."),
        _("Databeskyttelsesforordningens art. 6, stk. 1, litra c og e, og art. 9, stk. 2, litra b, g og h; "
          "databeskyttelseslovens §§ 8 og 11 (CPR-nummer); lov om kommunal indsats for unge under 25 år."),
    ),
    "cooperation": Purpose(
        _("Samarbejde i kæden"),
        _("Deling af oplysninger mellem fagpersoner og organisationer omkring den unge: kæden og dens roller, "
          "bekymringer, henvisninger, kædemøder, overleveringer og flytning til en anden kommune."),
        _("Den unges samtykke (art. 6, stk. 1, litra a, og art. 9, stk. 2, litra a) eller en særlig hjemmel til "
          "videregivelse mellem myndigheder; art. 6, stk. 1, litra e."),
    ),
    "contact": Purpose(
        _("Kontakt med den unge"),
        _("SMS'er, påmindelser og tjek-ind, den unges log-in på Min side, beskeder til den unge og den unges egne "
          "ønsker, forslag, fællesskaber og deltagelse i Ungerådet."),
        _("Art. 6, stk. 1, litra e; den unges samtykke til SMS (art. 6, stk. 1, litra a)."),
    ),
    "leadership": Purpose(
        _("Ledelsesinformation"),
        _("Måltal, flow og resultater på tværs af unge. Ledere ser kun tal, aldrig en ung; opgørelserne gemmes pr. "
          "kvartal med den unges nummer, ikke navn."),
        _("Art. 6, stk. 1, litra e, og art. 89 (statistik); databeskyttelseslovens § 10."),
    ),
    "staff": Purpose(
        _("Medarbejdere og adgang"),
        _("Brugere, organisationer og teams, log-in med to-faktor for administratorer, sessioner, notifikationer "
          "og medarbejderes præsentation for de unge."),
        _("Art. 6, stk. 1, litra c og e; databeskyttelseslovens § 12 (ansættelsesforhold)."),
    ),
    "development": Purpose(
        _("Faglig udvikling og fælles sprog"),
        _("Refleksion i teams, fælles begreber og rollebeskrivelser, tilbudskataloget og kommunens egne "
          "indstillinger; medarbejdere nævnes som dem, der har skrevet eller ændret."),
        _("Art. 6, stk. 1, litra e; databeskyttelseslovens § 12 (ansættelsesforhold)."),
    ),
    "security": Purpose(
        _("Sikkerhed, logning og kontrol"),
        _("Logning af hvert opslag i og hver ændring af personoplysninger, den unges indsigt i hvem der har kigget, "
          "stikprøvekontrol af loggen, nødadgang, mislykkede log-in og sletning efter opbevaringsreglerne."),
        _("Art. 5, stk. 2, art. 24 og art. 32 (ansvarlighed og sikkerhed); art. 6, stk. 1, litra c."),
    ),
}

SUBJECTS: dict[str, str | Promise] = {
    "youth": _("Unge i kommunens ungeindsats (15–24 år)"),
    "guardian": _("Forældre og værger til unge under 18 år"),
    "staff": _("Medarbejdere i kommunen og hos samarbejdspartnere"),
    "partner": _("Kontaktpersoner hos tilbud og samarbejdspartnere"),
}

CATEGORIES: dict[str, str | Promise] = {
    "identity": _("Navn, CPR-nummer (krypteret) og fødselsdato"),
    "contact": _("Kontaktoplysninger (telefon, e-mail)"),
    "plan": _("Profil, plan, mål, delmål, aktiviteter og evalueringer"),
    "notes": _("Fritekst om den unges forhold, som kan rumme følsomme oplysninger (helbred, sociale forhold)"),
    "education": _("Uddannelse og beskæftigelse: stationer, overgange og opfølgning"),
    "progression": _("Vurderinger af progression og selvevalueringer"),
    "chain": _("Kæden: hvem der er med i forløbet, roller, samtykker og overleveringer"),
    "concern": _("Bekymringer og henvisninger"),
    "messages": _("Beskeder: SMS, tjek-ind og notifikationer"),
    "wishes": _("Den unges egne ønsker, forslag og deltagelse"),
    "staff": _("Medarbejderens navn, brugernavn, organisation, rolle og kontaktoplysninger"),
    "staff_actions": _("Hvem der har oprettet, ændret eller besluttet noget"),
    "staff_development": _("Medarbejderens egne refleksioner og udviklingspunkter"),
    "log": _("Logoplysninger: opslag, tidspunkt, IP-adresse og formål"),
    "login": _("Log-in og sessioner: tidspunkt, IP-adresse og browser"),
    "statistics": _("Pseudonyme data til ledelsesinformation"),
    "partner": _("Navn og kontaktoplysninger på kontaktpersoner hos tilbud"),
}

Y, S, YS = ("youth",), ("staff",), ("youth", "staff")

DECLARATION: dict[str, Declared] = {
    # The young person and their course
    "youth.Youth": Declared("course", YS, ("identity", "contact", "staff_actions")),
    "youth.Guardian": Declared("course", ("youth", "guardian"), ("identity", "contact")),
    "youth.Course": Declared("course", YS, ("education", "staff_actions")),
    "youth.AccessRequest": Declared("cooperation", YS, ("chain", "notes", "staff_actions")),
    "plans.Profile": Declared("course", Y, ("plan", "notes")),
    "plans.Goal": Declared("course", Y, ("plan",)),
    "plans.SubGoal": Declared("course", Y, ("plan",)),
    "plans.Activity": Declared("course", YS, ("plan", "staff")),
    "plans.Evaluation": Declared("course", YS, ("plan", "notes", "staff_actions")),
    "plans.PlanMeeting": Declared("course", YS, ("plan", "staff_actions")),
    "plans.PlanChange": Declared("course", YS, ("plan", "staff_actions")),
    "plans.JournalNote": Declared("course", YS, ("notes", "staff_actions")),
    "plans.PlanShare": Declared("cooperation", YS, ("plan", "staff_actions")),
    "progression.Assessment": Declared("course", YS, ("progression", "staff_actions")),
    "progression.AssessmentVersion": Declared("course", YS, ("progression", "notes", "staff_actions")),
    "progression.ObservedIndicator": Declared("course", Y, ("progression",)),
    "progression.YouthPlacement": Declared("course", YS, ("progression", "staff_actions")),
    "progression.EducationReadinessAssessment": Declared("course", YS, ("progression", "staff_actions")),
    "progression.SelfEvaluationRound": Declared("course", YS, ("progression", "staff_actions")),
    "progression.SelfEvaluationAnswer": Declared("course", Y, ("progression",)),
    "progression.SelfEvaluationGoal": Declared("course", Y, ("progression", "plan")),
    "progression.ProfessionalReading": Declared("course", YS, ("progression", "notes", "staff_actions")),
    "transitions.Station": Declared("course", YS, ("education", "staff_actions")),
    "transitions.Transition": Declared("course", YS, ("education", "staff_actions")),
    "transitions.FollowUp": Declared("course", YS, ("education", "notes", "staff_actions")),
    "disclosure.Withholding": Declared("course", YS, ("notes", "staff_actions")),
    "education.StationPlace": Declared("course", YS, ("education", "staff_actions")),
    "education.AttendanceRecord": Declared("course", YS, ("education", "notes", "staff_actions")),
    # The chain around the young person
    "chain.Consent": Declared("cooperation", YS, ("chain", "staff_actions")),
    "chain.Membership": Declared("cooperation", YS, ("chain", "staff_actions")),
    "chain.ContactWish": Declared("cooperation", YS, ("chain", "wishes")),
    "chain.Concern": Declared("cooperation", YS, ("concern", "notes", "staff_actions")),
    "chain.ConcernAction": Declared("cooperation", YS, ("concern", "notes", "staff_actions")),
    "chain.Referral": Declared("cooperation", YS, ("identity", "contact", "concern", "notes", "staff_actions")),
    "chain.Handover": Declared("cooperation", YS, ("chain", "notes", "staff_actions")),
    "chain.HandoverComment": Declared("cooperation", YS, ("chain", "notes", "staff_actions")),
    "chain.PlanStop": Declared("course", YS, ("education", "notes", "staff_actions")),
    "meetings.ChainMeeting": Declared("cooperation", S, ("staff_actions",)),
    "meetings.MeetingMember": Declared("cooperation", S, ("staff", "staff_actions")),
    "meetings.Occurrence": Declared("cooperation", S, ("staff_actions",)),
    "meetings.AgendaEntry": Declared("cooperation", YS, ("concern", "notes", "chain", "staff_actions")),
    "meetings.Decision": Declared("cooperation", YS, ("notes", "staff_actions")),
    "meetings.MeetingParticipant": Declared("cooperation", ("youth", "guardian", "staff"), ("chain", "staff")),
    "meetings.CooperationAgreement": Declared("cooperation", ("staff", "partner"), ("partner", "staff_actions")),
    "relocation.Relocation": Declared("cooperation", YS, ("chain", "plan", "education", "staff_actions")),
    "relocation.IncomingPackage": Declared("cooperation", YS, ("identity", "chain", "plan", "education",
                                                                "staff_actions")),
    # Contact with the young person
    "messaging.SmsConsent": Declared("contact", YS, ("contact", "chain", "staff_actions")),
    "messaging.WakeUpSeries": Declared("contact", YS, ("messages", "staff_actions")),
    "messaging.OutboundMessage": Declared("contact", YS, ("contact", "messages", "staff_actions")),
    "messaging.CheckIn": Declared("contact", YS, ("messages", "staff_actions")),
    "messaging.InboundMessage": Declared("contact", Y, ("contact", "messages")),
    "notifications.YouthNotice": Declared("contact", Y, ("messages",)),
    "serviceplatform.Letter": Declared("contact", ("youth", "guardian", "staff"), ("identity", "messages", "staff_actions")),
    "portal.LoginCode": Declared("contact", Y, ("contact", "login")),
    "portal.Wish": Declared("contact", YS, ("wishes", "staff_actions")),
    "portal.CheckIn": Declared("contact", YS, ("wishes", "plan", "staff_actions")),
    "portal.ContactProposal": Declared("contact", YS, ("wishes", "chain", "staff_actions")),
    "portal.StaffPresentation": Declared("staff", S, ("staff",)),
    "activities.Activity": Declared("contact", S, ("staff", "staff_actions")),
    "activities.SignUp": Declared("contact", YS, ("wishes", "staff_actions")),
    "youthcouncil.CouncilMember": Declared("contact", Y, ("identity", "wishes")),
    "youthcouncil.CommentShowing": Declared("contact", S, ("staff_actions",)),
    "voice.FeedbackReview": Declared("contact", S, ("staff_actions",)),
    # Leadership figures
    "insights.QuarterSnapshot": Declared("leadership", Y, ("statistics", "education", "progression")),
    "targets.Target": Declared("leadership", S, ("staff_actions",)),
    "targets.CaseloadBand": Declared("leadership", S, ("staff_actions",)),
    "voice.BenchmarkOptIn": Declared("leadership", S, ("staff_actions",)),
    # Staff and access
    "accounts.User": Declared("staff", S, ("staff",)),
    "accounts.Team": Declared("staff", S, ("staff",)),
    "notifications.StaffNotification": Declared("staff", S, ("messages",)),
    "logins.LoginEvent": Declared("staff", S, ("login",)),
    "logins.UserSession": Declared("staff", S, ("login",)),
    "sso.Identity": Declared("staff", S, ("login",)),
    # Professional development and shared settings
    "reflection.ReflectionGroup": Declared("development", S, ("staff",)),
    "reflection.Reflection": Declared("development", S, ("staff_development", "staff_actions")),
    "reflection.AgreedAction": Declared("development", S, ("staff_development",)),
    "reflection.SelfRating": Declared("development", S, ("staff_development",)),
    "reflection.DevelopmentItem": Declared("development", S, ("staff_development",)),
    "vocabulary.Term": Declared("development", S, ("staff_actions",)),
    "vocabulary.RoleDescription": Declared("development", S, ("staff_actions",)),
    "vocabulary.Approach": Declared("development", S, ("staff_actions",)),
    "offers.Offer": Declared("development", ("staff", "partner"), ("partner", "staff_actions")),
    "education.Institution": Declared("development", ("partner",), ("partner",)),
    "education.AttendanceSettings": Declared("development", S, ("staff_actions",)),
    "offers.PracticeAssessment": Declared("development", S, ("staff_actions",)),
    "offers.OfferImport": Declared("development", S, ("staff_actions",)),
    "imports.ImportJob": Declared("course", YS, ("identity", "contact", "chain", "plan", "education",
                                                  "staff_actions")),
    "imports.EducationEvent": Declared("course", YS, ("education", "staff_actions")),
    "offers.OfferMethod": Declared("development", S, ("staff_actions",)),
    "offers.FidelityRound": Declared("development", S, ("staff_development", "staff_actions")),
    "offers.EvaluationEntry": Declared("development", S, ("staff_development", "staff_actions")),
    "inspiration.PracticeUse": Declared("development", S, ("staff_actions",)),
    "progression.IndicatorSet": Declared("development", S, ("staff_actions",)),
    "progression.ProgressionSettings": Declared("development", S, ("staff_actions",)),
    "openinfo.PublicPage": Declared("development", S, ("staff_actions",)),
    # Security, logging and control
    "audit.AuditEvent": Declared("security", YS, ("log", "staff")),
    "accounts.LoginFailure": Declared("security", S, ("login",)),
    "logreview.SampledRead": Declared("security", YS, ("log", "staff", "notes")),
    "emergency.EmergencyAccess": Declared("security", YS, ("log", "notes", "staff_actions")),
    "emergency.EmergencySettings": Declared("security", S, ("staff_actions",)),
    "retention.RetentionRule": Declared("security", S, ("staff_actions",)),
    "retention.RetentionSetup": Declared("security", S, ("staff_actions",)),
    "retention.RetentionRun": Declared("security", S, ("staff_actions",)),
    "retention.ArchiveTransfer": Declared("security", S, ("staff_actions",)),
    "webhooks.Subscription": Declared("cooperation", S, ("staff_actions",)),
    # An integration client: its name, organisation, scopes and who registered it (the token only as a hash).
    "integrations.ApiClient": Declared("cooperation", S, ("staff_actions",)),
    # Events told to a partner's system: ids, and a young person's name only to a client allowed to read it.
    "webhooks.Delivery": Declared("cooperation", Y, ("identity", "chain", "concern", "education")),
}

# Danish names, in the record, for declared models whose own verbose name is still Django's English default.
NAMES: dict[str, str | Promise] = {
    "chain.ConcernAction": _("Handlinger på bekymringer"),
    "chain.HandoverComment": _("Kommentarer til overleveringer"),
    "meetings.MeetingMember": _("Deltagere i kædemøder"),
    "meetings.Occurrence": _("Afholdte kædemøder"),
    "meetings.MeetingParticipant": _("Deltagere i den unges møder"),
    "notifications.YouthNotice": _("Beskeder til den unge"),
    "notifications.StaffNotification": _("Notifikationer til medarbejdere"),
    "portal.LoginCode": _("Engangskoder til Min side"),
    "accounts.LoginFailure": _("Mislykkede log-in"),
    "reflection.ReflectionGroup": _("Refleksionsgrupper"),
    "reflection.Reflection": _("Refleksioner"),
    "reflection.AgreedAction": _("Aftalte handlinger"),
    "reflection.SelfRating": _("Egne vurderinger af kompetencer"),
    "reflection.DevelopmentItem": _("Udviklingspunkter"),
    "retention.ArchiveTransfer": _("Overførsler til arkiv"),
}

# Models that a name-like field makes look personal, but that hold no personal data.
NOT_PERSONAL: dict[str, str] = {
    "accounts.Municipality": "the tenant: a municipality's name",
    "accounts.Organisation": "an organisation's name and sector",
    "sso.IdentityProvider": "a single sign-on provider's configuration: its button name and the names of claims",
    "offers.NeedTag": "the name of a need in the offers catalogue",
    "inspiration.Practice": "another municipality's published project in the library of promising practice",
    "transitions.Procedure": "the name of a follow-up procedure",
    "education.Programme": "the name of a programme at an education institution",
    "scheduler.JobState": "the name of a background job",
    "scheduler.WorkerBeat": "the name of a worker process",
    "serviceplatform.FakeMessage": "the local fake of Digital Post (development and the demo): made-up letters; empty where SERVICEPLATFORM_ADAPTER is serviceplatformen",
    "serviceplatform.FakePerson": "the local fake CPR register (development and the demo): made-up persons; empty where SERVICEPLATFORM_ADAPTER is serviceplatformen",
}
