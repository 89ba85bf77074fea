from ungeforlob.progression import services
from ungeforlob.progression.tests.factories import answered_round, assess
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    y = p.youth.pk
    a = assess(p.youth, p.contact_person, level="valgparat").pk
    kept = answered_round(p.youth, p.contact_person, keep=True).pk
    unkept = answered_round(p.youth, p.contact_person, keep=False).pk
    indicator = services.indicator_set_current(municipality=p.municipality).indicators.first().pk
    base = f"/unge/{y}/selvevaluering"
    return [
        C("progression:overview", f"/unge/{y}/progression/"),
        C("progression:assessment_create", f"/unge/{y}/progression/ny/"),
        C("progression:assessment_create", f"/unge/{y}/progression/ny/", "post",
          {"assessed_on": "2025-01-01", "level": "valgparat", "rationale": "x"}),
        C("progression:assessment_detail", f"/unge/{y}/progression/vurderinger/{a}/"),
        C("progression:assessment_correct", f"/unge/{y}/progression/vurderinger/{a}/ret/", "post",
          {"reason": "x", "level": "kontaktparat", "assessed_on": "2025-01-01", "rationale": "x"}),
        C("progression:placement_create", f"/unge/{y}/progression/egen-placering/", "post",
          {"placed_on": "2025-01-01", "level": "valgparat"}),
        C("progression:upv_create", f"/unge/{y}/progression/upv/", "post",
          {"assessed_on": "2025-01-01", "result": "parat", "assessed_by": "Skolen"}),
        C("progression:journey", f"/unge/{y}/progression/her-er-du-paa-vej/"),
        C("progression:selfeval_overview", f"{base}/"),
        C("progression:selfeval_start", f"{base}/start/", "post"),
        C("progression:selfeval_round", f"{base}/{kept}/"),
        C("progression:selfeval_answer", f"{base}/{kept}/svar/motivation/", "post", {"s_mot1": "3"}),
        C("progression:selfeval_finish", f"{base}/{kept}/afslut/", "post", {"keep": "ja"}),
        C("progression:selfeval_follow_up", f"{base}/{kept}/opfoelgning/", "post", {"note": "x"}),
        C("progression:selfeval_reading", f"{base}/{kept}/laesning/", "post", {"text": "x"}),
        C("progression:selfeval_pdf", f"{base}/{kept}/pdf/"),
        C("progression:selfeval_pdf", f"{base}/{unkept}/pdf/", "post"),
        C("progression:selfeval_discard", f"{base}/{kept}/slet/", "post"),
        # The contact person's own list: an outsider sees an empty list, never someone else's young people.
        C("progression:reassessments", "/revurderinger/", refused_statuses=(200,)),
        # Administrator pages: 403 for everyone else, leaders included.
        C("progression:admin_indicators", "/administration/indikatorer/"),
        C("progression:admin_indicator_create", "/administration/indikatorer/ny/", "post",
          {"level": "valgparat", "text": "x"}),
        C("progression:admin_indicator_edit", f"/administration/indikatorer/{indicator}/", "post",
          {"level": "valgparat", "text": "x"}),
        C("progression:admin_indicator_retire", f"/administration/indikatorer/{indicator}/udgaa/", "post"),
        C("progression:admin_rhythm", "/administration/progression/rytme/", "post",
          {"reassessment_months": "1", "first_assessment_days": "1", "due_soon_days": "1"}),
    ]
