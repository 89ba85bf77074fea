"""The record of processing activities (GDPR art. 30) of one municipality, built from the declaration, the models,
the municipality's organisations and retention rules, and the installation's settings. Nothing in it is typed by
hand per installation: when the system changes, the record changes with it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.accounts.models import Organisation, Role, Sector, User
from ungeforlob.processing.declaration import CATEGORIES, DECLARATION, NAMES, PURPOSES, SUBJECTS


@dataclass
class Activity:
    key: str
    title: str
    description: str
    legal_basis: str
    subjects: list[str] = field(default_factory=list)
    data: list[str] = field(default_factory=list)
    models: list[str] = field(default_factory=list)


@dataclass
class Line:
    """One fact of the record: a heading and its text."""

    label: str
    text: str


@dataclass
class Record:
    municipality: Any
    made_at: Any
    officers: list[Any]
    activities: list[Activity]
    partners: list[Line]
    integrations: list[Line]
    retention: list[Line]
    security: list[Line]


def _ordered(keys: list[str], labels: dict[str, Any]) -> list[str]:
    return [str(labels[k]) for k in labels if k in keys]


def activities() -> list[Activity]:
    """One processing activity per purpose, with the subjects, data and models declared for it."""
    found: dict[str, Activity] = {
        key: Activity(key, str(p.title), str(p.description), str(p.legal_basis)) for key, p in PURPOSES.items()}
    subjects: dict[str, set[str]] = {key: set() for key in PURPOSES}
    data: dict[str, set[str]] = {key: set() for key in PURPOSES}
    for label, declared in DECLARATION.items():
        try:
            model = apps.get_model(label)
        except LookupError:  # an app not installed here
            continue
        subjects[declared.purpose].update(declared.subjects)
        data[declared.purpose].update(declared.data)
        name = NAMES.get(label) or model._meta.verbose_name_plural
        found[declared.purpose].models.append(str(name)[:1].upper() + str(name)[1:])
    for key, activity in found.items():
        activity.subjects = _ordered(list(subjects[key]), SUBJECTS)
        activity.data = _ordered(list(data[key]), CATEGORIES)
        activity.models.sort()
    return list(found.values())


def partners(municipality: Any) -> list[Line]:
    """The municipality's organisations by sector (one query): those the young person's data may be shared with."""
    by_sector: dict[str, list[str]] = {}
    for name, sector in (Organisation.objects.filter(municipality=municipality, is_active=True)
                         .order_by("name").values_list("name", "sector")):
        by_sector.setdefault(sector, []).append(name)
    labels = dict(Sector.choices)
    return [Line(str(labels[s]), ", ".join(by_sector[s])) for s in labels if s in by_sector]


def _host(url: str) -> str:
    return urlsplit(url).hostname or url


def integrations() -> list[Line]:
    lines = []
    if getattr(settings, "SMS_GATEWAY", "development") == "http":
        lines.append(Line(_("SMS-udbyder (databehandler)"), _("%(host)s: den unges mobilnummer og beskedens tekst.")
                          % {"host": _host(getattr(settings, "SMS_HTTP_URL", "")) or _("ikke angivet")}))
    else:
        lines.append(Line(_("SMS-udbyder"), _("Ingen: udviklingstilstand, beskeder sendes ikke ud af systemet.")))
    if getattr(settings, "PORTAL_OIDC_ENABLED", False):
        lines.append(Line(_("MitID-broker (databehandler)"), _("%(host)s: den unges log-in på Min side med MitID "
                                                              "(CPR-nummer i svaret fra brokeren).")
                          % {"host": _host(getattr(settings, "PORTAL_OIDC_DISCOVERY_URL", ""))}))
    else:
        lines.append(Line(_("MitID-broker"), _("Ikke slået til: den unge logger ind med en engangskode på SMS.")))
    backend = getattr(settings, "EMAIL_BACKEND", "")
    if "smtp" in backend:
        lines.append(Line(_("E-mail"), _("%(host)s: besked til medarbejdere om, at noget venter (uden oplysninger "
                                         "om den unge).") % {"host": getattr(settings, "EMAIL_HOST", "")}))
    else:
        lines.append(Line(_("E-mail"), _("Sendes ikke ud af systemet (udviklingstilstand).")))
    partners_setting = getattr(settings, "RELOCATION_PARTNERS", {}) or {}
    lines.append(Line(_("Flytning til en anden kommune"),
                      _("Den modtagende kommune får en forseglet flyttepakke med det, den unges samtykke dækker.")
                      + (" " + _("Andre installationer: %(names)s.") % {"names": ", ".join(sorted(partners_setting))}
                         if partners_setting else "")))
    lines.append(Line(_("Overførsel til tredjelande"), _("Systemet sender ingen oplysninger til lande uden for EU/EØS.")))
    return lines


def retention(municipality: Any) -> list[Line]:
    """The municipality's retention rules (the retention app's rules, or its defaults), and the audit log's."""
    lines: list[Line] = []
    try:
        from ungeforlob.retention.selectors import rules_for
    except ImportError:
        rules_for = None
    if rules_for is not None:
        for rule in rules_for(municipality):
            text = _("%(n)s %(unit)s efter forløbets afslutning, derefter %(disposal)s. Hjemmel: %(basis)s") % {
                "n": rule.keep_for, "unit": rule.get_unit_display().lower(),
                "disposal": rule.get_disposal_display().lower(), "basis": rule.legal_basis}
            if rule.archive_note:
                text += " " + _("Arkiv: %(note)s") % {"note": rule.archive_note}
            lines.append(Line(str(rule.kind_def.label), text))
    else:
        lines.append(Line(_("Den unges data"), _("Opbevaringsreglerne er ikke sat op i denne installation.")))
    lines.append(Line(_("Adgangsloggen"), _("%(n)s måneder; derefter slettes en hel måned ad gangen. Når en ung "
                                            "anonymiseres, erstattes den unges identitet i loggen af et pseudonym.")
                      % {"n": getattr(settings, "AUDIT_RETENTION_MONTHS", 60)}))
    return lines


def _yes(value: bool) -> str:
    return _("ja") if value else _("nej")


def security() -> list[Line]:
    """The security measures as the settings of this installation have them."""
    middleware = getattr(settings, "MIDDLEWARE", [])
    hasher = (getattr(settings, "PASSWORD_HASHERS", None) or [""])[0].rsplit(".", 1)[-1]
    lines = [
        Line(_("Adgangsstyring"), _("En fagperson ser kun unge, i hvis kæde de aktuelt er med; ledere ser kun tal; "
                                    "databeskyttelsesrådgiveren ser loggen, ikke de unges oplysninger.")),
        Line(_("To-faktor-log-in"), _("Kræves for administratorer (TOTP): %(on)s.")
             % {"on": _yes("django_otp.middleware.OTPMiddleware" in middleware)}),
        Line(_("Sessioner"), _("Medarbejdere logges ud efter %(idle)s minutters inaktivitet og senest efter %(hours)s "
                               "timer; fornyet log-in før et fuldt CPR-nummer vises eller data hentes, når det sidste "
                               "er over %(reauth)s minutter siden. Den unges session på Min side udløber efter "
                               "%(portal)s minutters inaktivitet.")
             % {"idle": getattr(settings, "STAFF_SESSION_IDLE_MINUTES", 30),
                "hours": getattr(settings, "STAFF_SESSION_ABSOLUTE_HOURS",
                                 getattr(settings, "SESSION_COOKIE_AGE", 8 * 3600) // 3600),
                "reauth": getattr(settings, "STAFF_REAUTH_MINUTES", 5),
                "portal": getattr(settings, "PORTAL_IDLE_SECONDS", 1800) // 60}),
        Line(_("Log-in-forsøg"), _("Spærring efter %(n)s mislykkede forsøg inden for %(m)s minutter.")
             % {"n": getattr(settings, "LOGIN_FAILURE_LIMIT", 5),
                "m": getattr(settings, "LOGIN_FAILURE_WINDOW_SECONDS", 900) // 60}),
        Line(_("Adgangskoder"), _("Gemmes kun som hash (%(hasher)s).") % {"hasher": hasher}),
        Line(_("Logning"), _("Hvert opslag, hver søgning, ændring og eksport logges i en log, der ikke kan ændres; den "
                             "unge kan se, hvem der har kigget. Databeskyttelsesrådgiveren gennemgår hver måned en "
                             "stikprøve på %(n)s opslag, vægtet mod usædvanlige opslag.")
             % {"n": getattr(settings, "LOGREVIEW_SAMPLE_SIZE", 25)}),
        Line(_("Kryptering"), _("CPR-numre er krypteret i databasen (egen nøgle sat: %(key)s). Forbindelser kun over "
                                "HTTPS: %(https)s (HSTS %(hsts)s sekunder, sikre cookies: %(cookie)s).")
             % {"key": _yes(bool(getattr(settings, "CPR_ENCRYPTION_KEY", ""))),
                "https": _yes(bool(getattr(settings, "SECURE_SSL_REDIRECT", False))),
                "hsts": getattr(settings, "SECURE_HSTS_SECONDS", 0),
                "cookie": _yes(bool(getattr(settings, "SESSION_COOKIE_SECURE", False)))}),
        Line(_("Browsersikkerhed"), _("Streng Content Security Policy (intet indlejret script): %(on)s.")
             % {"on": _yes("csp.middleware.CSPMiddleware" in middleware)}),
        Line(_("Beskeder ud af systemet"), _("SMS'er og e-mails indeholder ingen oplysninger om den unges forhold, "
                                             "kun at noget venter.")),
    ]
    return lines


def build_record(municipality: Any) -> Record:
    officers = list(User.objects.filter(municipality=municipality, role=Role.DPO, is_active=True)
                    .order_by("first_name", "last_name").only("first_name", "last_name", "email", "phone",
                                                               "username"))
    return Record(municipality=municipality, made_at=timezone.localtime(), officers=officers,
                  activities=activities(), partners=partners(municipality), integrations=integrations(),
                  retention=retention(municipality), security=security())
