"""Demo Kommune's catalogue: a small, realistic set of the municipality's OWN offers.

Other municipalities' projects (the inspiration catalogue) are not offers here: they are the library of
promising practice in `ungeforlob.inspiration`, which the demo loads too and links one local offer to (the
ungeguide offer, made with *Ung i uddannelse* as inspiration).

Idempotent: offers are found by their code and only created when missing (so an administrator's edits in
the demo survive a re-run); assessments are only written for elements that have none; activities are only
linked when they have no offer yet.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from ungeforlob.accounts.models import Municipality, Organisation
from ungeforlob.offers import services
from ungeforlob.offers.models import Offer, PracticeAssessment, PracticeElement, PracticeRating

E = PracticeElement
MET, PARTLY, NOT_MET = PracticeRating.MET, PracticeRating.PARTLY, PracticeRating.NOT_MET

# (code, name, provider organisation, sector, ages, readiness, needs, capacity, waiting, extra fields)
LOCAL_OFFERS: list[dict[str, Any]] = [
    {
        "code": "mentorforloeb-gadeplan", "name": "Mentorforløb i Gadeplan", "org": "Foreningen Gadeplan",
        "sector": "civilsamfund", "phase": "efter_grundskole", "age_min": 15, "age_max": 25,
        "readiness": "kontaktparat vejledningsparat", "needs": ["mistrivsel", "mentor", "socialt udsat"],
        "capacity": 5, "waiting_list": 2,
        "focus": "En frivillig mentor, som den unge selv vælger, mødes med den unge hver uge i et halvt år.",
        "target_group": "Unge 15–25 år, der har svært ved at holde kontakten til systemet og mangler en voksen at spejle sig i.",
        "anchoring": "Foreningen Gadeplan | Ungeindsatsen (UU)", "contact_name": "Ahmad Rahimi",
        "contact_phone": "+4520304050", "contact_email": "mentor@gadeplan.example.dk",
        "address": "Nørregade 12, 7100 Demo By", "financing_note": "Puljemidler fra Socialstyrelsen til og med 2026.",
    },
    {
        "code": "brobygning-fgu-demo", "name": "Brobygning på FGU Demo", "org": "FGU Demo", "sector": "fgu",
        "phase": "efter_grundskole", "age_min": 16, "age_max": 24, "readiness": "valgparat uddannelsesparat",
        "needs": ["faglige vanskeligheder", "ordblindhed"], "capacity": 20, "waiting_list": 0,
        "focus": "Tre ugers brobygning på et af FGU's spor, så den unge kan prøve et valg af, før det træffes.",
        "target_group": "Unge 16–24 år uden ungdomsuddannelse, der overvejer FGU.",
        "anchoring": "FGU Demo | Ungeindsatsen (UU)", "contact_name": "Sara Holm",
        "contact_email": "brobygning@fgu-demo.example.dk", "address": "Skolevej 4, 7100 Demo By",
        "financing_note": "Kommunal finansiering (KUI).",
    },
    {
        "code": "angstgruppe-for-unge", "name": "Angstgruppe for unge", "org": "Børne- og Ungdomspsykiatrien",
        "sector": "sundhed", "phase": "andet", "age_min": 15, "age_max": 22,
        "readiness": "kontaktparat vejledningsparat", "needs": ["angst", "psykisk sårbarhed"], "capacity": 2,
        "waiting_list": 4,
        "focus": "Otte gruppemøder med en psykolog om at mestre angst i hverdagen – også på vej til skole.",
        "target_group": "Unge 15–22 år med angst, der holder dem fra skole eller uddannelse.",
        "anchoring": "Børne- og Ungdomspsykiatrien", "contact_name": "Camilla Dahl",
        "contact_phone": "+4570112233", "address": "Sygehusvej 1, 7100 Demo By",
        "financing_note": "Regionalt finansieret; henvisning via egen læge eller kontaktpersonen.",
    },
    {
        "code": "virksomhedspraktik-jobcenter-ung", "name": "Virksomhedspraktik med jobkonsulent",
        "org": "Jobcenter Ung", "sector": "jobcenter", "phase": "efter_grundskole", "age_min": 18, "age_max": 29,
        "readiness": "valgparat erhvervsparat", "needs": ["praktik", "på uddannelseshjælp"], "capacity": 15,
        "waiting_list": 0,
        "focus": "Fire til tolv ugers praktik i en lokal virksomhed med tæt opfølgning fra en jobkonsulent.",
        "target_group": "Unge 18–29 år, der vil afprøve et fag eller en arbejdsplads.",
        "anchoring": "Jobcenter Ung | Erhvervslivet", "contact_name": "Jonas Friis",
        "contact_email": "praktik@jobcenter-ung.example.dk", "financing_note": "Beskæftigelsestilskud.",
    },
    {
        "code": "studiestart-demo-handelsskole", "name": "Den gode uddannelsesstart", "org": "Demo Handelsskole",
        "sector": "eud", "phase": "fastholdelse", "age_min": 16, "age_max": 25,
        "readiness": "uddannelsesparat erhvervsparat", "needs": ["risiko for frafald"], "capacity": None,
        "waiting_list": 0,
        "focus": "Formøde før start, velkomst på første dag, SMS efter en dag og en uge, samtale efter syv uger.",
        "target_group": "Unge, der starter på grundforløbet og har brug for en tryg start.",
        "anchoring": "Demo Handelsskole | Ungeindsatsen (UU)", "contact_name": "Peter Lund",
        "address": "Handelsvej 10, 7100 Demo By", "financing_note": "Skolens egen drift.",
    },
    {
        "code": "ordblindeundervisning-10-klasse", "name": "Ordblindeundervisning og it-hjælpemidler",
        "org": "10. klasse-centret", "sector": "10_klasse", "phase": "grundskole", "age_min": 15, "age_max": 18,
        "readiness": "vejledningsparat valgparat uddannelsesparat", "needs": ["ordblindhed", "faglige vanskeligheder"],
        "capacity": 10, "waiting_list": 0,
        "focus": "Undervisning i læse- og skriveteknologi, så ordblindhed ikke står i vejen for uddannelsesvalget.",
        "target_group": "Elever og unge 15–18 år med ordblindhed eller store læsevanskeligheder.",
        "anchoring": "10. klasse-centret", "contact_name": "Birgitte Skov",
        "address": "Skolegade 2, 7100 Demo By", "financing_note": "Kommunal finansiering.",
    },
    {
        "code": "ungeguide-i-overgangen", "name": "Ungeguide i overgangen", "org": "Ungeindsatsen (UU)",
        "sector": "uu_kui", "phase": "efter_grundskole", "age_min": 15, "age_max": 25,
        "readiness": "vejledningsparat valgparat uddannelsesparat", "needs": ["psykisk sårbarhed", "risiko for frafald"],
        "capacity": 20, "waiting_list": 1,
        "focus": "En ungeguide følger den unge tre måneder før og tre måneder efter uddannelsesstart.",
        "target_group": "Psykisk sårbare unge 15–25 år på vej fra grundskole, 10. klasse eller FGU til en ungdomsuddannelse.",
        "anchoring": "Ungeindsatsen (UU)", "contact_name": "Kasper Vinther",
        "contact_email": "ungeguide@demo.kommune.dk", "address": "Rådhustorvet 1, 7100 Demo By",
        "financing_note": "Kommunal finansiering (KUI); to guider.",
        "practice": "ung-i-uddannelse",
    },
    {
        "code": "ungesundhed-sundhedsplejen", "name": "Ungesundhed – samtaler om søvn, mad og trivsel",
        "org": "Sundhedstjenesten for unge", "sector": "sundhed", "phase": "andet", "age_min": 15, "age_max": 24,
        "readiness": "kontaktparat vejledningsparat valgparat", "needs": ["mistrivsel"], "capacity": None,
        "waiting_list": 0,
        "focus": "Op til fem samtaler med en sundhedsplejerske om søvn, mad, bevægelse og trivsel.",
        "target_group": "Unge 15–24 år, der mistrives eller mangler overskud i hverdagen.",
        "anchoring": "Sundhedstjenesten for unge", "contact_name": "Lise Bro",
        "contact_phone": "+4572104050", "address": "Sundhedshuset, Torvet 3, 7100 Demo By",
        "financing_note": "Kommunal finansiering.",
    },
    {
        "code": "ungeraadgivning-rusmidler", "name": "Ungerådgivning om rusmidler",
        "org": "Rusmiddelcenter Demo", "sector": "social", "phase": "andet", "age_min": 15, "age_max": 25,
        "readiness": "kontaktparat vejledningsparat", "needs": ["misbrug"], "capacity": 12, "waiting_list": 0,
        "focus": "Anonym rådgivning og et forløb på 8–12 samtaler for unge, der vil ændre deres brug af rusmidler.",
        "target_group": "Unge 15–25 år, der bruger hash, alkohol eller andre rusmidler og selv vil ændre det.",
        "anchoring": "Rusmiddelcenter Demo | Socialforvaltningen, Ungeteamet", "contact_name": "Tobias Krag",
        "contact_phone": "+4572105060", "address": "Vestergade 21, 7100 Demo By",
        "financing_note": "Kommunal finansiering (servicelovens § 101).",
    },
    {
        "code": "lektiecafe-roede-kors", "name": "Lektiecafé og fællesskab", "org": "Røde Kors Demo By",
        "sector": "civilsamfund", "phase": "fastholdelse", "age_min": 15, "age_max": 25,
        "readiness": "valgparat uddannelsesparat", "needs": ["faglige vanskeligheder", "anden etnisk baggrund"],
        "capacity": None, "waiting_list": 0,
        "focus": "Frivillige hjælper med lektier og opgaver to aftener om ugen; der er mad og plads til at snakke.",
        "target_group": "Unge i uddannelse, der har brug for hjælp til lektier og et fællesskab uden for skolen.",
        "anchoring": "Røde Kors Demo By", "contact_name": "Yasmin Ali",
        "contact_email": "lektiecafe@roedekors-demo.example.dk", "address": "Biblioteket, Torvet 1, 7100 Demo By",
        "financing_note": "Frivillig forening; lokaler stillet til rådighed af biblioteket.",
    },
]

# Promising-practice profiles of the municipality's own offers (by offer name), as the demo's administrators rated them.
ASSESSMENTS: dict[str, dict[str, tuple[int, str]]] = {
    "Mentorforløb i Gadeplan": {
        E.MAAL: (MET, "Mål aftales med den unge ved første møde."),
        E.RELATIONELT_SAMARBEJDE: (MET, "Den unge vælger selv sin mentor."),
        E.TEORI_OG_VIDEN: (PARTLY, "Bygger på viden om relationsarbejde; ikke beskrevet i en forandringsteori."),
        E.MONITORERING: (NOT_MET, "Ingen systematisk registrering endnu."),
    },
    "Ungeguide i overgangen": {
        E.TEORI_OG_VIDEN: (PARTLY, "Bygger på Ung i uddannelse (Randers) fra biblioteket Lovende praksis."),
        E.OPFOELGNING: (MET, "Guiden følger den unge tre måneder efter start."),
        E.INDIVIDUEL_TILRETTELAEGGELSE: (MET, "Kontakten skaleres efter den unges behov."),
        E.OEKONOMI: (NOT_MET, "Udgiften pr. forløb er ikke opgjort endnu."),
    },
}


def _local_row(spec: dict[str, Any]) -> dict[str, str]:
    row = {k: v for k, v in spec.items() if k not in {"org", "needs", "financing_note", "capacity", "age_min",
                                                      "age_max", "waiting_list", "practice"}}
    row.update({
        "provider": spec["org"],
        "context": "Demo Kommune",
        "needs": " | ".join(spec["needs"]),
        "financing": spec.get("financing_note", ""),
        "capacity": "" if spec.get("capacity") is None else str(spec["capacity"]),
        "waiting_list": str(spec.get("waiting_list", 0)),
        "age_min": str(spec["age_min"]),
        "age_max": str(spec["age_max"]),
        "readiness": spec["readiness"].replace(" ", " | "),
    })
    return {k: str(v) for k, v in row.items()}


@transaction.atomic
def load(*, municipality: Municipality, staff: dict[str, Any], orgs: dict[str, Organisation]) -> dict[str, Any]:
    from ungeforlob.offers.exchange import clean_row

    existing = set(Offer.objects.filter(municipality=municipality).values_list("code", flat=True))
    rows = [(0, _local_row(spec)) for spec in LOCAL_OFFERS]
    new_rows = [(line, row) for line, row in rows if clean_row(row)[0]["code"] not in existing]
    result = services.import_rows_as_system(municipality_id=municipality.pk, rows=new_rows)
    offers = {o.name: o for o in Offer.objects.filter(municipality=municipality, name__in=list(ASSESSMENTS))}
    for name, elements in ASSESSMENTS.items():
        offer = offers.get(name)
        if offer is None:
            continue
        have = set(PracticeAssessment.objects.filter(offer=offer).values_list("element", flat=True))
        PracticeAssessment.objects.bulk_create([
            PracticeAssessment(offer=offer, element=element, rating=rating, evidence=evidence)
            for element, (rating, evidence) in elements.items() if element not in have
        ])
    _link_practices(municipality)
    return result


def _link_practices(municipality: Municipality) -> None:
    """The library of promising practice, and the local offers the demo made with a practice as inspiration."""
    from ungeforlob.inspiration import loader
    from ungeforlob.inspiration.models import Practice, PracticeUse

    loader.load()
    by_code = {s["code"]: s["practice"] for s in LOCAL_OFFERS if s.get("practice")}
    practices = {p.slug: p for p in Practice.objects.filter(slug__in=set(by_code.values()))}
    for offer in Offer.objects.filter(municipality=municipality, code__in=list(by_code)):
        practice = practices.get(by_code[offer.code])
        if practice is not None and not PracticeUse.objects.filter(offer=offer).exists():
            PracticeUse.objects.create(practice=practice, offer=offer, municipality=municipality)


# Demo activities (from the plans demo) that are an offer in the catalogue: activity title → offer code.
ACTIVITY_OFFERS: dict[str, str] = {
    "Dansk med it-rygsæk": "ordblindeundervisning-10-klasse",
    "Virksomhedspraktik i Dyrenes Hus": "virksomhedspraktik-jobcenter-ung",
    "Snuse til to praktiksteder": "virksomhedspraktik-jobcenter-ung",
    "Øve busturen med mentor": "mentorforloeb-gadeplan",
    "Samtale på erhvervsskolen": "studiestart-demo-handelsskole",
    "Brobygning på erhvervsskolen": "studiestart-demo-handelsskole",
}


def link_activities(*, municipality: Municipality, staff: dict[str, Any], orgs: dict[str, Organisation]) -> int:
    """Link the plans demo's activities to the catalogue, through the same service a contact person uses.

    Runs after the plans loader. Only when no demo activity is linked yet, so a re-run changes nothing and an
    unlink made in the demo stays. Returns how many activities were linked.
    """
    from django.utils import timezone

    from ungeforlob.chain.models import ChainRole, Membership
    from ungeforlob.plans.models import Activity

    activities = Activity.objects.filter(subgoal__goal__youth__municipality=municipality)
    if activities.filter(offer__isnull=False).exists():
        return 0
    offers = {o.code: o for o in Offer.objects.filter(municipality=municipality, code__in=set(ACTIVITY_OFFERS.values()))}
    today = timezone.localdate()
    linked = 0
    for activity in activities.filter(title__in=list(ACTIVITY_OFFERS)).select_related("subgoal__goal__youth"):
        youth = activity.subgoal.goal.youth
        offer = offers.get(ACTIVITY_OFFERS[activity.title])
        contact = (
            Membership.objects.filter(youth=youth, role=ChainRole.CONTACT_PERSON, professional__isnull=False,
                                      start_date__lte=today, end_date__isnull=True)
            .select_related("professional").first()
        )
        if offer is None or contact is None:
            continue
        try:
            services.activity_link_offer(actor=contact.professional, youth=youth, activity_id=activity.pk,
                                         offer=offer)
        except (PermissionDenied, ValidationError):
            continue
        linked += 1
    return linked
