"""Withholding something from the young person's own view: who may, what is checked, what is kept."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.chain.models import ChainRole
from ungeforlob.disclosure.models import Withholding
from ungeforlob.disclosure.services import withholding_create, withholding_lift
from ungeforlob.disclosure.tests.factories import concern_for
from ungeforlob.portal.testing import youth_client
from ungeforlob.testing import Personas, add_member


def test_the_contact_person_withholds_an_item_and_the_decision_is_audited(p: Personas) -> None:
    concern = concern_for(p)
    w = withholding_create(actor=p.contact_person, youth=p.youth, item=f"bekymring:{concern.pk}", ground="tredjemand")
    assert w.decided_by_name == "Mette Kjær" and w.lifted_at is None
    row = AuditEvent.objects.get(action=AuditAction.UPDATE, object_type="withholding", youth_id=p.youth.pk)
    assert "§ 22" in row.purpose and row.detail["withheld"] == "bekymring"
    assert "Noget er undtaget:" in youth_client(p.youth).get("/min-side/skrevet-om-mig/").content.decode()


def test_the_caseworker_may_withhold_too(p: Personas) -> None:
    add_member(p.youth, p.outsider, ChainRole.CASEWORKER)
    concern = concern_for(p)
    withholding_create(actor=p.outsider, youth=p.youth, item=f"bekymring:{concern.pk}", ground="internt")
    assert Withholding.objects.in_force().count() == 1


def test_a_teacher_or_a_colleague_in_another_role_may_not_withhold(p: Personas, as_user) -> None:
    concern = concern_for(p)
    for who in (p.reader, p.colleague):
        with pytest.raises(PermissionDenied):
            withholding_create(actor=who, youth=p.youth, item=f"bekymring:{concern.pk}", ground="internt")
    response = as_user(p.colleague).post(f"/unge/{p.youth.pk}/undtaget/",
                                         {"item": f"bekymring:{concern.pk}", "ground": "internt"})
    assert response.status_code == 404 and not Withholding.objects.exists()


def test_it_refuses_another_youths_item_a_missing_ground_and_a_long_explanation(p: Personas) -> None:
    from ungeforlob.chain.models import Concern

    other = Concern.objects.create(youth=p.other_youth, category="andet", description="X", raised_by=p.colleague,
                                   ack_due=concern_for(p).ack_due)
    with pytest.raises(ValidationError) as exc:
        withholding_create(actor=p.contact_person, youth=p.youth, item=f"bekymring:{other.pk}", ground="nej",
                           explanation="x" * 301)
    assert set(exc.value.message_dict) == {"item", "ground", "explanation"}
    assert not Withholding.objects.exists()


def test_it_refuses_to_withhold_the_same_item_twice(p: Personas) -> None:
    concern = concern_for(p)
    withholding_create(actor=p.contact_person, youth=p.youth, item=f"bekymring:{concern.pk}", ground="internt")
    with pytest.raises(ValidationError):
        withholding_create(actor=p.contact_person, youth=p.youth, item=f"bekymring:{concern.pk}", ground="internt")
    assert Withholding.objects.count() == 1


def test_a_double_submitted_form_withholds_once(p: Personas, as_user) -> None:
    concern = concern_for(p)
    client = as_user(p.contact_person)
    data = {"item": f"bekymring:{concern.pk}", "ground": "internt", "submission": "abc123"}
    assert client.post(f"/unge/{p.youth.pk}/undtaget/", data).status_code == 302
    again = client.post(f"/unge/{p.youth.pk}/undtaget/", data)
    assert again.status_code == 400  # the item is withheld already: no longer offered, nothing written twice
    assert Withholding.objects.count() == 1


def test_lifting_shows_the_item_again_and_keeps_the_decision(p: Personas) -> None:
    concern = concern_for(p, text="Hun har fortalt om sin mor.")
    w = withholding_create(actor=p.contact_person, youth=p.youth, item=f"bekymring:{concern.pk}", ground="tredjemand")
    client = youth_client(p.youth)
    assert "Hun har fortalt om sin mor." not in client.get("/min-side/skrevet-om-mig/").content.decode()
    withholding_lift(actor=p.contact_person, youth=p.youth, withholding=w)
    assert "Hun har fortalt om sin mor." in client.get("/min-side/skrevet-om-mig/").content.decode()
    w.refresh_from_db()
    assert w.lifted_at is not None and w.lifted_by_name == "Mette Kjær"
    with pytest.raises(ValidationError):
        withholding_lift(actor=p.contact_person, youth=p.youth, withholding=w)


def test_the_staff_page_offers_only_items_not_yet_withheld(p: Personas, as_user) -> None:
    shown, held = concern_for(p), concern_for(p, text="Y")
    withholding_create(actor=p.contact_person, youth=p.youth, item=f"bekymring:{held.pk}", ground="internt")
    page = as_user(p.contact_person).get(f"/unge/{p.youth.pk}/undtaget/").content.decode()
    assert f'value="bekymring:{shown.pk}"' in page and f'value="bekymring:{held.pk}"' not in page
    assert "Vis for den unge igen" in page


def test_the_staff_page_costs_the_same_queries_for_little_and_much(p: Personas, as_user, count_queries) -> None:
    client = as_user(p.contact_person)
    concern_for(p)
    small = count_queries(lambda: client.get(f"/unge/{p.youth.pk}/undtaget/"))
    for i in range(8):
        c = concern_for(p, text=f"Bekymring {i}")
        withholding_create(actor=p.contact_person, youth=p.youth, item=f"bekymring:{c.pk}", ground="internt")
    large = count_queries(lambda: client.get(f"/unge/{p.youth.pk}/undtaget/"))
    assert small == large
