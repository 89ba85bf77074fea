"""The four insight pages on a phone and on a desktop: axe clean, no sideways scroll (screenshots in artifacts/)."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.portal.tests.test_browser import _log_in
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


def _world(p: Personas) -> object:
    from ungeforlob.chain.models import Concern
    from ungeforlob.disclosure.services import withholding_create
    from ungeforlob.plans.services import note_create, plan_share
    from ungeforlob.portal.testing import give_plan

    give_plan(p.youth, p.contact_person)
    note_create(youth=p.youth, actor=p.contact_person, text="Vi talte om tømrerskolen. Josefine vil gerne på besøg.")
    due = timezone.localdate() + datetime.timedelta(days=2)
    Concern.objects.create(youth=p.youth, category="trivsel", description="Hun virker træt om morgenen.",
                           raised_by=p.colleague, ack_due=due)
    kept = Concern.objects.create(youth=p.youth, category="andet", description="Om familien", raised_by=p.colleague,
                                  ack_due=due)
    withholding_create(actor=p.contact_person, youth=p.youth, item=f"bekymring:{kept.pk}", ground="tredjemand",
                       explanation="Spørg Mette, hvis du vil vide mere.")
    for _ in range(3):
        audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth, object_type="plan")
    audit_record(actor=p.colleague, action=AuditAction.READ, youth=p.youth, object_type="profile",
                 purpose="Forberede mødet om praktik")
    return plan_share(youth=p.youth, actor=p.contact_person, recipient_name="Tømrerskolen i Aalborg",
                      recipient_organisation="EUC Nord", purpose="Optagelse på grundforløbet", parts=["maal"],
                      consent="mundtligt", consent_confirmed=True)


@pytest.mark.parametrize("width", [360, 1280])
def test_the_four_insight_pages_read_well_on_a_phone_and_a_desktop(browse, p: Personas, width: int) -> None:
    share = _world(p)
    s = browse(width)
    _log_in(s, p.youth)
    for path, name, text in (
        ("/min-side/skrevet-om-mig/", "portal-written", "Noget er undtaget:"),
        ("/min-side/hvem-har-kigget/", "portal-who-looked", "Din kontaktperson læste din plan"),
        ("/min-side/samtykker/", "portal-consents", "Tømrerskolen i Aalborg"),
        (f"/min-side/samtykker/deling/{share.pk}/traek-tilbage/", "portal-share-withdraw", "Træk dit ja tilbage?"),
        ("/min-side/mine-data/", "portal-data", "Hent som PDF"),
    ):
        s.goto(path)
        assert text in s.page.content(), path
        s.screenshot(name)
        assert s.axe_violations() == [], path
        assert s.page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), path
    s.page.get_by_role("link", name="Hent som PDF (til at læse)")  # present
    assert s.console_errors == []


def test_she_withdraws_a_share_in_two_taps_from_her_consents(browse, p: Personas) -> None:
    share = _world(p)
    s = browse(360)
    _log_in(s, p.youth)
    s.goto("/min-side/samtykker/")
    s.page.get_by_role("link", name="Træk mit ja tilbage til Tømrerskolen i Aalborg").click()
    s.page.get_by_role("button", name="Ja, træk mit ja tilbage").click()
    s.page.wait_for_url("**/min-side/samtykker/")
    assert "Du trak det tilbage den" in s.page.content()
    share.refresh_from_db()
    assert share.withdrawn_at is not None


def test_the_contact_person_withholds_from_the_youth_page(browse, p: Personas) -> None:
    _world(p)
    s = browse(1280)
    s.login("kontaktperson", PASSWORD)
    s.goto(f"/unge/{p.youth.pk}/undtaget/")
    assert "Spørg Mette, hvis du vil vide mere." in s.page.content()
    s.screenshot("disclosure-youth")
    assert s.axe_violations() == []
