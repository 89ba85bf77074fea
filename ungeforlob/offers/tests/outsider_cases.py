from ungeforlob.offers.models import OfferImport
from ungeforlob.offers.tests.factories import make_activity, make_offer
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C


def cases(p: Personas) -> list[C]:
    offer = make_offer(p.municipality, "Outsidertilbud", capacity=3)
    activity = make_activity(p.youth, offer=offer)
    job = OfferImport.objects.create(municipality=p.municipality, created_by=p.administrator, file_name="x.csv",
                                     rows=[{"line": 2, "values": {"name": "X"}}], total=1)
    y, o = p.youth.pk, offer.pk
    everyone = ("outsider", "leader")  # the catalogue is not personal data: every professional of the municipality
    return [
        # The list shows the caller's own municipality's catalogue; a professional of another municipality gets
        # their own (here empty) catalogue — tested in test_views.test_the_catalogue_is_per_municipality.
        C("offers:list", "/tilbud/", refused_statuses=(200,), allowed_for=everyone),
        C("offers:detail", f"/tilbud/{o}/", allowed_for=everyone),
        C("offers:hsds", "/tilbud/hsds.json", refused_statuses=(200,), allowed_for=everyone),
        # The fact box and the method page: aggregates and the offer's own words, read by every professional of
        # the municipality and by leaders; another municipality's professional gets 404.
        C("offers:factbox", f"/tilbud/{o}/faktaboks/", allowed_for=everyone),
        C("offers:method", f"/tilbud/{o}/metode/", allowed_for=everyone),
        C("offers:method_edit", f"/tilbud/{o}/metode/ret/", "post", {"version": "0", "method": "X"}),
        C("offers:checklist", f"/tilbud/{o}/metode/tjekliste/", "post", {"items": "X"}),
        C("offers:fidelity_round", f"/tilbud/{o}/metode/tjekliste/runde/", "post", {"held_on": "2026-01-01"}),
        C("offers:evaluation", f"/tilbud/{o}/metode/evaluering/", "post", {"entry_date": "2026-01-01", "text": "X"}),
        # Write pages and file import/export: administrators only.
        C("offers:create", "/tilbud/nyt/", "post", {"name": "X"}),
        C("offers:edit", f"/tilbud/{o}/ret/", "post", {"name": "X"}),
        C("offers:status", f"/tilbud/{o}/status/", "post"),
        C("offers:delete", f"/tilbud/{o}/slet/", "post"),
        C("offers:assessment", f"/tilbud/{o}/lovende-praksis/", "post", {"rating_virkning": "3"}),
        C("offers:import", "/tilbud/import/"),
        C("offers:import_status", f"/tilbud/import/{job.pk}/"),
        C("offers:export", "/tilbud/eksport.csv"),
        # Aggregates for leaders only.
        C("offers:usage", "/tilbud/brug/", allowed_for=("leader",)),
        # The youth's Tilbud tab and linking: circle members only (404 for everyone else).
        C("offers:youth", f"/unge/{y}/tilbud/"),
        C("offers:youth_link", f"/unge/{y}/tilbud/tilknyt/", "post", {"activity": activity.pk, "offer": o}),
        C("offers:youth_unlink", f"/unge/{y}/tilbud/fjern/{activity.pk}/", "post"),
    ]
