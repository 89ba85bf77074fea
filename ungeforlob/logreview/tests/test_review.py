"""The review of a sampled read: justified, ask the person (who is told and answers), not justified."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.logreview import services
from ungeforlob.logreview.models import Outcome, SampledRead
from ungeforlob.logreview.tests.factories import other_dpo, world
from ungeforlob.notifications.models import StaffNotification
from ungeforlob.testing import Personas, client_for


def _post_review(client, row: SampledRead, **data) -> object:
    return client.post(f"/logkontrol/opslag/{row.pk}/", {"version": str(row.version), **data})


def test_the_officer_marks_a_read_justified_with_a_note_and_it_is_logged(p: Personas) -> None:
    w = world(p)
    response = _post_review(client_for(p.dpo), w.open_row, outcome="justified", note="Aftalt med lederen.")
    assert response.status_code == 302
    row = SampledRead.objects.get(pk=w.open_row.pk)
    assert (row.outcome, row.note, row.reviewed_by, row.version) == ("justified", "Aftalt med lederen.", p.dpo, 1)
    assert AuditEvent.objects.filter(actor=p.dpo, action=AuditAction.UPDATE, object_type="log_review",
                                     object_id=str(row.pk)).exists()


def test_asking_the_person_notifies_them_and_their_answer_reaches_the_officer(p: Personas) -> None:
    w = world(p)
    _post_review(client_for(p.dpo), w.open_row, outcome="ask", note="Hvorfor så du CPR-nummeret om aftenen?")
    row = SampledRead.objects.get(pk=w.open_row.pk)
    assert row.question == "Hvorfor så du CPR-nummeret om aftenen?" and row.asked_at is not None
    notice = StaffNotification.objects.get(recipient=p.colleague, kind="log_question")
    assert notice.url == f"/logkontrol/spoergsmaal/{row.pk}/"
    assert "Josefine" not in notice.text

    colleague = client_for(p.colleague)
    page = colleague.get(notice.url)
    assert "Hvorfor så du CPR-nummeret om aftenen?" in page.content.decode()
    response = colleague.post(notice.url, {"answer": "Skolen ringede efter lukketid."})
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.answer == "Skolen ringede efter lukketid." and row.answered_at is not None
    assert StaffNotification.objects.filter(recipient=p.dpo, kind="log_answer",
                                            url=f"/logkontrol/opslag/{row.pk}/").exists()
    review_page = client_for(p.dpo).get(f"/logkontrol/opslag/{row.pk}/").content.decode()
    assert "Skolen ringede efter lukketid." in review_page

    # The officer then closes the review on the answer; the person still sees what they were asked.
    _post_review(client_for(p.dpo), row, outcome="justified", note="Forklaret.")
    assert SampledRead.objects.get(pk=row.pk).outcome == "justified"
    assert colleague.get(notice.url).status_code == 200


def test_a_question_is_answered_once(p: Personas) -> None:
    w = world(p)
    client = client_for(p.contact_person)
    client.post(f"/logkontrol/spoergsmaal/{w.asked_row.pk}/", {"answer": "Første svar"})
    response = client.post(f"/logkontrol/spoergsmaal/{w.asked_row.pk}/", {"answer": "Andet svar"})
    assert response.status_code == 200
    assert SampledRead.objects.get(pk=w.asked_row.pk).answer == "Første svar"


def test_asking_needs_the_question(p: Personas) -> None:
    w = world(p)
    response = _post_review(client_for(p.dpo), w.open_row, outcome="ask", note=" ")
    assert response.status_code == 200
    assert "Skriv spørgsmålet til medarbejderen." in response.content.decode()
    assert SampledRead.objects.get(pk=w.open_row.pk).outcome == ""
    assert not StaffNotification.objects.filter(kind="log_question").exists()


def test_a_review_saved_meanwhile_by_someone_else_is_not_overwritten(p: Personas) -> None:
    w = world(p)
    stale = SampledRead.objects.get(pk=w.open_row.pk)
    services.sampled_read_review(actor=p.dpo, row=w.open_row, outcome=Outcome.NOT_JUSTIFIED, note="Nej.", version=0)
    response = _post_review(client_for(p.dpo), stale, outcome="justified")
    assert response.status_code == 200
    assert "En anden har vurderet opslaget" in response.content.decode()
    assert SampledRead.objects.get(pk=w.open_row.pk).outcome == "not_justified"


def test_a_double_submitted_review_is_saved_once(p: Personas) -> None:
    w = world(p)
    client = client_for(p.dpo)
    data = {"outcome": "justified", "version": "0", "submission": "abc123"}
    assert client.post(f"/logkontrol/opslag/{w.open_row.pk}/", data).status_code == 302
    second = client.post(f"/logkontrol/opslag/{w.open_row.pk}/", data)
    assert "allerede sendt" in second.content.decode()
    assert SampledRead.objects.get(pk=w.open_row.pk).version == 1


def test_an_unknown_outcome_and_an_overlong_note_are_refused_in_danish(p: Personas) -> None:
    w = world(p)
    client = client_for(p.dpo)
    assert "Marker en gyldig valgmulighed" in _post_review(client, w.open_row, outcome="maybe").content.decode()
    long = _post_review(client, w.open_row, outcome="justified", note="x" * 2001)
    assert long.status_code == 200
    assert SampledRead.objects.get(pk=w.open_row.pk).outcome == ""


def test_only_the_officer_of_the_municipality_may_review(p: Personas) -> None:
    w = world(p)
    with pytest.raises(ValidationError):
        services.sampled_read_review(actor=p.administrator, row=w.open_row, outcome="justified", version=0)
    with pytest.raises(ValidationError):
        services.sampled_read_review(actor=other_dpo(p), row=w.open_row, outcome="justified", version=0)


def test_another_municipalitys_officer_sees_none_of_it(p: Personas) -> None:
    w = world(p)
    client = client_for(other_dpo(p))
    assert "Jonas Friis" not in client.get("/logkontrol/").content.decode()
    assert client.get(f"/logkontrol/stikproeve/{w.sample.pk}/").status_code == 404
    assert client.get(f"/logkontrol/opslag/{w.open_row.pk}/").status_code == 404
    assert _post_review(client, w.open_row, outcome="justified").status_code == 404
    assert SampledRead.objects.get(pk=w.open_row.pk).outcome == ""


def test_only_the_person_asked_sees_the_question(p: Personas) -> None:
    w = world(p)
    assert client_for(p.contact_person).get(f"/logkontrol/spoergsmaal/{w.asked_row.pk}/").status_code == 200
    for someone in (p.colleague, p.dpo, p.administrator):
        assert client_for(someone).get(f"/logkontrol/spoergsmaal/{w.asked_row.pk}/").status_code == 404
    # A sampled read not asked about has no question page, even for the person who read.
    assert client_for(p.colleague).get(f"/logkontrol/spoergsmaal/{w.open_row.pk}/").status_code == 404
