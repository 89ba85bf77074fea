"""Emergency access end to end: the municipality turns it on, a professional outside the circle finds the young
person, gives a reason, reads the record until the end of the next working day under a banner; the contact person
and the leader are told at once; the leader reviews; the young person sees it on "Hvem har kigget"."""

from __future__ import annotations

import datetime
import re
from unittest import mock

import pytest
from django.utils import timezone

from ungeforlob.accounts.models import Sector
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.emergency import rules
from ungeforlob.emergency.models import EmergencyAccess, EmergencyReason, Review
from ungeforlob.emergency.services import emergency_access_review
from ungeforlob.emergency.tests.factories import EXPLANATION, enable, grant
from ungeforlob.notifications.models import StaffNotification
from ungeforlob.testing import Personas, client_for, make_youth, youth_session_client

MISSING = "Den unge er forsvundet eller kan ikke findes"


def _start(client, youth_pk: int, **data):
    return client.post(f"/noedadgang/ung/{youth_pk}/", {"reason": "forsvundet", "explanation": EXPLANATION, **data})


def test_emergency_access_end_to_end(p: Personas) -> None:
    admin = client_for(p.administrator)
    assert admin.post("/administration/noedadgang/", {"enabled": "on", "sectors": ["jobcenter"]}).status_code == 302

    sara = client_for(p.outsider)
    found = sara.get("/noedadgang/?q=josefine hansen").content.decode()
    assert "Josefine Hansen" in found and f"født {p.youth.birth_date.year}" in found
    assert p.youth.cpr_masked not in found and p.youth.mobile not in found  # a minimal match only

    response = _start(sara, p.youth.pk)
    access = EmergencyAccess.objects.get(professional=p.outsider, youth=p.youth)
    assert response.status_code == 302 and response.url == f"/noedadgang/adgang/{access.pk}/"

    page = sara.get(response.url).content.decode()
    assert "Josefine Hansen" in page and "Mette Kjær" in page  # the record and the circle to call
    assert 'data-testid="emergency-banner"' in page
    assert 'data-testid="emergency-banner"' in sara.get("/mine-logins/").content.decode()  # every page

    # Told at once: the contact person (with the young person's name) and the leader (without it).
    to_contact = StaffNotification.objects.get(recipient=p.contact_person, kind="emergency")
    assert "Sara Holm" in to_contact.text and "Josefine Hansen" in to_contact.text
    to_leader = StaffNotification.objects.get(recipient=p.leader, kind="emergency_review")
    assert "Josefine" not in to_leader.text and to_leader.url == f"/noedadgang/gennemgang/{access.pk}/"

    leader = client_for(p.leader)
    queue = leader.get("/noedadgang/gennemgang/").content.decode()
    assert "Sara Holm" in queue and MISSING in queue
    refused = leader.post(to_leader.url, {"decision": "ikke_begrundet", "note": ""})
    assert refused.status_code == 400
    assert "Skriv hvorfor nødadgangen ikke var begrundet" in refused.content.decode()
    assert leader.post(to_leader.url, {"decision": "ikke_begrundet", "note": "Kontaktpersonens kollega kunne "
                                       "træffes. Vi taler om det på mandag."}).status_code == 302
    access.refresh_from_db()
    assert access.review == Review.NOT_JUSTIFIED and access.reviewed_by == p.leader
    assert StaffNotification.objects.filter(recipient=p.outsider, kind="emergency_reviewed").exists()

    seen = youth_session_client(p.youth).get("/min-side/hvem-har-kigget/").content.decode()
    assert f"Nødadgang: {MISSING}" in seen
    assert AuditEvent.objects.filter(youth_id=p.youth.pk, actor=p.outsider, action=AuditAction.READ,
                                     purpose=f"Nødadgang: {MISSING}").exists()


def test_it_is_off_by_default(p: Personas) -> None:
    client = client_for(p.outsider)
    assert client.get("/noedadgang/?q=Josefine").status_code == 403
    assert _start(client, p.youth.pk).status_code == 403
    assert not EmergencyAccess.objects.exists()


def test_only_the_sectors_the_municipality_chose_may_use_it(p: Personas) -> None:
    enable(p, sectors=(Sector.SOCIAL,))
    assert client_for(p.outsider).get("/noedadgang/?q=Josefine").status_code == 403  # a job-centre professional


@pytest.mark.parametrize("who", ["leader", "administrator"])
def test_leaders_and_administrators_never_break_the_glass(p: Personas, who: str) -> None:
    enable(p, sectors=tuple(Sector.values))
    client = client_for(getattr(p, who))
    assert client.get("/noedadgang/?q=Josefine").status_code == 403
    assert _start(client, p.youth.pk).status_code == 403


def test_enabling_it_needs_a_sector(p: Personas) -> None:
    response = client_for(p.administrator).post("/administration/noedadgang/", {"enabled": "on"})
    assert "Vælg mindst én sektor" in response.content.decode()


def test_the_search_finds_by_cpr_number_and_never_another_municipality(p: Personas) -> None:
    enable(p)
    stranger_youth = make_youth(p.stranger, first_name="Josefine", last_name="Nabo")
    client = client_for(p.outsider)
    with mock.patch("ungeforlob.youth.cpr.looks_like_cpr", return_value=True), \
            mock.patch("ungeforlob.youth.cpr.normalize_cpr", return_value="0101011234"), \
            mock.patch("ungeforlob.youth.cpr.lookup_hash", return_value=p.youth.cpr_hash):
        by_number = client.get("/noedadgang/?q=010101-1234").content.decode()
    assert "Josefine Hansen" in by_number
    by_name = client.get("/noedadgang/?q=Josefine").content.decode()
    assert "Josefine Nabo" not in by_name
    assert _start(client, stranger_youth.pk).status_code == 404
    # The number typed is never written to the log.
    assert not AuditEvent.objects.filter(detail__icontains="010101").exists()


def test_a_young_person_already_in_the_circle_is_opened_the_ordinary_way(p: Personas) -> None:
    enable(p)
    page = client_for(p.colleague).get("/noedadgang/?q=Josefine").content.decode()
    assert "du har allerede adgang" in page
    assert _start(client_for(p.colleague), p.youth.pk).status_code == 404


def test_a_reason_from_the_list_and_an_explanation_are_required(p: Personas) -> None:
    enable(p)
    client = client_for(p.outsider)
    response = client.post(f"/noedadgang/ung/{p.youth.pk}/", {"reason": "kedsomhed", "explanation": "kort"})
    assert response.status_code == 400
    assert "Vælg en årsag fra listen." in response.content.decode()
    assert not EmergencyAccess.objects.exists()


def test_a_double_submission_opens_one_access(p: Personas) -> None:
    enable(p)
    client = client_for(p.outsider)
    token = re.search(r'name="submission" value="(\w+)"', client.get(f"/noedadgang/ung/{p.youth.pk}/")
                      .content.decode()).group(1)
    assert _start(client, p.youth.pk, submission=token).status_code == 302
    again = _start(client, p.youth.pk, submission=token)
    assert "allerede sendt" in again.content.decode()
    assert EmergencyAccess.objects.count() == 1


def test_emergency_access_opens_no_other_page_of_the_record_and_allows_no_change(p: Personas) -> None:
    grant(p)
    client = client_for(p.outsider)
    assert client.get(f"/unge/{p.youth.pk}/").status_code == 404
    assert client.get(f"/unge/{p.youth.pk}/plan/").status_code == 404
    assert client.post(f"/unge/{p.youth.pk}/ret/", {"first_name": "X"}).status_code == 404


def test_the_access_and_the_banner_end_at_the_end_of_the_next_working_day(p: Personas) -> None:
    access = grant(p)
    client = client_for(p.outsider)
    assert client.get(f"/noedadgang/adgang/{access.pk}/").status_code == 200
    # The end has come (moved, rather than the clock: the session itself would expire after a day).
    EmergencyAccess.objects.filter(pk=access.pk).update(ends_at=timezone.now() - datetime.timedelta(seconds=1))
    session = client.session
    session["emergency_active"] = [{"id": access.pk, "until": timezone.now().timestamp() - 1}]
    session.save()
    assert client.get(f"/noedadgang/adgang/{access.pk}/").status_code == 404
    assert 'data-testid="emergency-banner"' not in client.get("/mine-logins/").content.decode()


def test_the_professional_ends_the_access_early(p: Personas) -> None:
    access = grant(p)
    client = client_for(p.outsider)
    client.get(f"/noedadgang/adgang/{access.pk}/")
    assert client.post(f"/noedadgang/adgang/{access.pk}/afslut/").status_code == 302
    assert client.get(f"/noedadgang/adgang/{access.pk}/").status_code == 404
    assert 'data-testid="emergency-banner"' not in client.get("/mine-logins/").content.decode()


def test_the_banner_follows_the_user_into_a_new_session(p: Personas) -> None:
    grant(p)
    fresh = client_for(p.outsider)  # logged in after the access began
    assert 'data-testid="emergency-banner"' in fresh.get("/mine-logins/").content.decode()


@pytest.mark.parametrize(("granted", "ends"), [
    ("2026-12-01 10:00", "2026-12-02 16:00"),  # a Tuesday morning: Wednesday at the end of the day
    ("2026-12-04 22:30", "2026-12-07 16:00"),  # a Friday night: Monday
    ("2026-12-23 09:00", "2026-12-28 16:00"),  # before Christmas: over the holidays and the weekend
])
def test_access_lasts_until_the_end_of_the_next_working_day(granted: str, ends: str) -> None:
    moment = timezone.make_aware(datetime.datetime.fromisoformat(granted))
    assert timezone.localtime(rules.access_ends_at(moment)) == timezone.make_aware(datetime.datetime.fromisoformat(ends))


def test_a_review_is_made_once_and_a_second_leader_is_told(p: Personas) -> None:
    from django.core.exceptions import ValidationError

    from ungeforlob.testing import make_user

    access = grant(p)
    other_leader = make_user("leder2", p.municipality, p.organisation, role="leader")
    emergency_access_review(actor=p.leader, access=access, decision=Review.JUSTIFIED, note="")
    with pytest.raises(ValidationError, match="allerede gennemgået"):
        emergency_access_review(actor=other_leader, access=access, decision=Review.NOT_JUSTIFIED, note="nej")
    access.refresh_from_db()
    assert access.review == Review.JUSTIFIED and access.reviewed_by == p.leader


def test_the_leaders_pages_never_show_the_young_person(p: Personas) -> None:
    access = grant(p)
    leader = client_for(p.leader)
    for url in ("/noedadgang/gennemgang/", f"/noedadgang/gennemgang/{access.pk}/"):
        page = leader.get(url).content.decode()
        assert "Josefine" not in page and "Hansen" not in page and p.youth.cpr_masked not in page
        assert f"/unge/{p.youth.pk}/" not in page


def test_a_leader_of_another_municipality_sees_nothing(p: Personas) -> None:
    from ungeforlob.testing import make_user

    access = grant(p)
    far = make_user("fjernleder", p.stranger.municipality, p.other_organisation, role="leader")
    client = client_for(far)
    assert "Sara" not in client.get("/noedadgang/gennemgang/").content.decode()
    assert client.get(f"/noedadgang/gennemgang/{access.pk}/").status_code == 404


def test_the_review_queue_and_the_search_have_a_constant_query_count(p: Personas, count_queries) -> None:
    grant(p)
    leader, sara = client_for(p.leader), client_for(p.outsider)
    make_youth(p.contact_person, first_name="Ungbo", last_name="Testesen")
    leader.get("/noedadgang/gennemgang/")
    sara.get("/noedadgang/?q=Ung")
    small_queue = count_queries(lambda: leader.get("/noedadgang/gennemgang/"))
    small_search = count_queries(lambda: sara.get("/noedadgang/?q=Ung"))
    for n in range(12):
        youth = make_youth(p.contact_person, first_name=f"Ung{n}", last_name="Testesen")
        EmergencyAccess.objects.create(municipality=p.municipality, youth=youth, professional=p.outsider,
                                       reason=EmergencyReason.SAFETY, explanation=EXPLANATION,
                                       ends_at=timezone.now() + datetime.timedelta(hours=3))
    large_queue = count_queries(lambda: leader.get("/noedadgang/gennemgang/"))
    large_search = count_queries(lambda: sara.get("/noedadgang/?q=Ung"))
    assert small_queue == large_queue
    assert small_search == large_search


def test_the_circle_sees_the_emergency_access_on_the_timeline(p: Personas) -> None:
    grant(p)
    page = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/tidslinje/").content.decode()
    assert f"Nødadgang: {MISSING}" in page and "Sara Holm, Jobcenter Ung" in page


def test_an_empty_search_asks_for_a_number_or_a_name(p: Personas) -> None:
    enable(p)
    page = client_for(p.outsider).get("/noedadgang/?q=").content.decode()
    assert "Skriv et CPR-nummer eller et navn." in page


def test_the_young_person_reads_that_emergency_access_was_opened_and_ended_not_that_her_data_was_changed(
        p: Personas) -> None:
    enable(p, sectors=(Sector.JOBCENTER,))
    sara = client_for(p.outsider)
    _start(sara, p.youth.pk)
    access = EmergencyAccess.objects.get(professional=p.outsider, youth=p.youth)
    assert sara.post(f"/noedadgang/adgang/{access.pk}/afslut/").status_code == 302

    seen = youth_session_client(p.youth).get("/min-side/hvem-har-kigget/").content.decode()
    assert "fik nødadgang til dine oplysninger" in seen and "afsluttede sin nødadgang" in seen
    who = re.search(r">([^<>]*) fik nødadgang til dine oplysninger", seen).group(1)
    assert f"{who} skrev i" not in seen and f"{who} lavede noget om i" not in seen
