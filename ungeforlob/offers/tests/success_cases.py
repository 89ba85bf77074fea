"""Every offers URL for its rightful user: GET renders, a valid POST has its effect (see tests/test_policy_coverage).

The catalogue is searched by every professional; it is written, imported and exported by administrators;
leaders see its usage; the Tilbud tab and linking belong to the young person's circle. The file upload
(`offers:import` POST, multipart) is proven in
test_views.test_import_over_http_with_progress_polling_and_a_bad_row.
"""

from ungeforlob.offers.method import checklist_version
from ungeforlob.offers.models import (
    EvaluationEntry,
    FidelityAnswer,
    FidelityItem,
    Offer,
    OfferImport,
    OfferMethod,
    PracticeAssessment,
    PracticeElement,
)
from ungeforlob.offers.tests.factories import make_activity, make_offer
from ungeforlob.plans.models import Activity
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as C

ADMIN = "administrator"


def cases(p: Personas) -> list[C]:
    offer = make_offer(p.municipality, "Succestilbud", capacity=3, focus="Mentor hver uge")
    spare = make_offer(p.municipality, "Ekstratilbud")
    linked = make_activity(p.youth, "Knyttet aktivitet", offer=offer)
    free = make_activity(p.youth, "Fri aktivitet")
    job = OfferImport.objects.create(municipality=p.municipality, created_by=p.administrator, file_name="x.csv",
                                     rows=[{"line": 2, "values": {"name": "Importeret tilbud"}}], total=1)
    item = FidelityItem.objects.create(offer=offer, text="Samme mentor", position=1)
    y, o, s = p.youth.pk, offer.pk, spare.pk
    ratings = {f"rating_{element}": "3" for element in PracticeElement.values}
    return [
        C("offers:list", "/tilbud/", who="outsider", contains="Succestilbud"),
        C("offers:detail", f"/tilbud/{o}/", who="outsider", contains="Mentor hver uge"),
        C("offers:hsds", "/tilbud/hsds.json", who="outsider", contains="Succestilbud"),
        C("offers:create", "/tilbud/nyt/", who=ADMIN),
        C("offers:create", "/tilbud/nyt/", "post", {"name": "Nyt tilbud", "phase": "andet", "waiting_list": "0"},
          who=ADMIN, effect=lambda r: Offer.objects.filter(municipality=p.municipality, name="Nyt tilbud").exists()),
        C("offers:edit", f"/tilbud/{o}/ret/", who=ADMIN, contains="Succestilbud"),
        C("offers:edit", f"/tilbud/{o}/ret/", "post",
          {"name": "Succestilbud", "phase": "andet", "capacity": "7", "waiting_list": "0", "is_active": "on"},
          who=ADMIN, effect=lambda r: Offer.objects.get(pk=o).capacity == 7),
        C("offers:status", f"/tilbud/{s}/status/", who=ADMIN),
        C("offers:status", f"/tilbud/{s}/status/", "post", who=ADMIN,
          effect=lambda r: not Offer.objects.get(pk=s).is_active),
        C("offers:delete", f"/tilbud/{s}/slet/", who=ADMIN),
        C("offers:delete", f"/tilbud/{s}/slet/", "post", who=ADMIN,
          effect=lambda r: not Offer.objects.filter(pk=s).exists()),
        C("offers:assessment", f"/tilbud/{o}/lovende-praksis/", who=ADMIN),
        C("offers:assessment", f"/tilbud/{o}/lovende-praksis/", "post", ratings, who=ADMIN,
          effect=lambda r: PracticeAssessment.objects.filter(offer_id=o).count() == len(PracticeElement.values)),
        C("offers:factbox", f"/tilbud/{o}/faktaboks/", who="outsider", contains="færre end 5"),
        C("offers:factbox", f"/tilbud/{o}/faktaboks/", who="leader", contains="Unge i tilbuddet"),
        C("offers:method", f"/tilbud/{o}/metode/", who="leader", contains="Tjekliste for metodetroskab"),
        C("offers:method_edit", f"/tilbud/{o}/metode/ret/", who=ADMIN),
        C("offers:method_edit", f"/tilbud/{o}/metode/ret/", "post",
          {"version": "0", "method": "Mentor hver uge", "cost_unit": "forloeb", "cost_amount": "20000"}, who=ADMIN,
          effect=lambda r: OfferMethod.objects.get(offer_id=o).cost_amount == 20000),
        C("offers:checklist", f"/tilbud/{o}/metode/tjekliste/", who=ADMIN),
        C("offers:checklist", f"/tilbud/{o}/metode/tjekliste/", "post", {"items": "Samme mentor\nUgentligt møde",
                                                             "version": checklist_version(["Samme mentor"])},
          who=ADMIN, effect=lambda r: FidelityItem.objects.filter(offer_id=o, is_active=True).count() == 2),
        C("offers:fidelity_round", f"/tilbud/{o}/metode/tjekliste/runde/", who=ADMIN, contains="Samme mentor"),
        C("offers:fidelity_round", f"/tilbud/{o}/metode/tjekliste/runde/", "post",
          {"held_on": "2026-01-01", f"answer_{item.pk}": "delvist", f"comment_{item.pk}": "To skift"}, who=ADMIN,
          effect=lambda r: FidelityAnswer.objects.filter(item=item, answer="delvist").exists()),
        C("offers:evaluation", f"/tilbud/{o}/metode/evaluering/", who=ADMIN),
        C("offers:evaluation", f"/tilbud/{o}/metode/evaluering/", "post",
          {"entry_date": "2026-01-01", "text": "Evaluering af første år"}, who=ADMIN,
          effect=lambda r: EvaluationEntry.objects.filter(offer_id=o).exists()),
        C("offers:import", "/tilbud/import/", who=ADMIN),
        C("offers:import_status", f"/tilbud/import/{job.pk}/", who=ADMIN, contains="x.csv"),
        C("offers:import_status", f"/tilbud/import/{job.pk}/", who=ADMIN, headers={"HX-Request": "true"},
          contains='hx-get="/tilbud/import/'),
        C("offers:export", "/tilbud/eksport.csv", who=ADMIN, contains="Succestilbud"),
        C("offers:usage", "/tilbud/brug/", who="leader"),
        C("offers:youth", f"/unge/{y}/tilbud/", contains="Knyttet aktivitet"),
        C("offers:youth_link", f"/unge/{y}/tilbud/tilknyt/", "post", {"activity": free.pk, "offer": s},
          effect=lambda r: Activity.objects.get(pk=free.pk).offer_id == s),
        C("offers:youth_unlink", f"/unge/{y}/tilbud/fjern/{linked.pk}/", "post",
          effect=lambda r: Activity.objects.get(pk=linked.pk).offer_id is None),
    ]
