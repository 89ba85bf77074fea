"""Ungerådet: joining and leaving on Min side, what the young people see (and never see), and the leader's pages."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from ungeforlob.accounts.models import Role
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.notifications.models import YouthNotice
from ungeforlob.testing import Personas, client_for, make_user, make_youth, youth_session_client
from ungeforlob.youthcouncil import services
from ungeforlob.youthcouncil.models import CommentShowing, CouncilMeeting, CouncilMember, Proposal
from ungeforlob.youthcouncil.tests.factories import answered_feedback, council

HOME = "/min-side/ungeraadet/"


# --- Joining and leaving ----------------------------------------------------------------------------------


def test_a_youth_joins_from_min_side_with_the_first_name_she_chooses_to_show(p: Personas) -> None:
    response = youth_session_client(p.youth).post(HOME, {"shown_name": "Josie"})
    assert response.status_code == 302
    member = CouncilMember.objects.get(youth=p.youth)
    assert member.shown_name == "Josie"
    assert AuditEvent.objects.filter(action=AuditAction.CREATE, actor_youth_id=p.youth.pk,
                                     object_type="councilmember").exists()


def test_a_youth_may_join_without_showing_a_name(p: Personas) -> None:
    youth_session_client(p.youth).post(HOME, {"shown_name": ""})
    assert CouncilMember.objects.get(youth=p.youth).shown_name == ""


@pytest.mark.parametrize("name", ["Josefine Hansen", "Jo5e", "20123456", "<b>Jo</b>", "x" * 31])
def test_it_refuses_anything_but_one_first_name_as_the_name_shown(p: Personas, name: str) -> None:
    response = youth_session_client(p.youth).post(HOME, {"shown_name": name})
    assert response.status_code == 200
    assert not CouncilMember.objects.filter(youth=p.youth).exists()
    assert "fornavn" in response.content.decode() or "30" in response.content.decode()


def test_joining_twice_keeps_one_membership_and_changes_only_the_name(p: Personas) -> None:
    services.council_join(youth=p.youth, shown_name="Jo")
    services.council_join(youth=p.youth, shown_name="Josie")
    services.council_join(youth=p.youth, shown_name="Josie")
    assert list(CouncilMember.objects.values_list("shown_name", flat=True)) == ["Josie"]


def test_leaving_deletes_the_membership_and_the_name_shown(p: Personas) -> None:
    services.council_join(youth=p.youth, shown_name="Josie")
    client = youth_session_client(p.youth)
    assert "Vil du melde dig ud?" in client.get(f"{HOME}meld-ud/").content.decode()
    assert CouncilMember.objects.filter(youth=p.youth).exists()  # the question changes nothing
    client.post(f"{HOME}meld-ud/")
    assert not CouncilMember.objects.exists()
    assert client.post(f"{HOME}meld-ud/").status_code == 302  # a second click: nothing more to do, no error
    assert AuditEvent.objects.filter(action=AuditAction.DELETE, object_type="councilmember").count() == 1


def test_the_portal_menu_links_to_the_council(p: Personas) -> None:
    assert HOME in youth_session_client(p.youth).get("/min-side/").content.decode()


# --- What the young people see --------------------------------------------------------------------------


def test_every_youth_of_the_municipality_sees_meetings_proposals_and_answers(p: Personas) -> None:
    council(p)
    body = youth_session_client(p.other_youth).get(HOME).content.decode()  # not a member
    for text in ("Ungdomshuset", "Hvordan kan Min side blive nemmere?", "Åbent til kl. 18 om torsdagen",
                 "Nu har vi åbent til kl. 18 hver torsdag.", "Vi gjorde det", "Nu kan du vælge et møde efter kl. 10.",
                 "Vi vil gerne kunne komme efter skole."):
        assert text in body
    assert "Vil du være med?" in body


def test_a_youth_sees_no_other_members_name_than_the_first_name_they_chose_to_show(p: Personas) -> None:
    council(p)  # p.youth (Josefine Hansen) shows "Jose"
    quiet = make_youth(p.contact_person, first_name="Karoline", last_name="Skjult", mobile="+4540123456")
    services.council_join(youth=quiet, shown_name="")
    body = youth_session_client(p.other_youth).get(HOME).content.decode()
    assert "Jose" in body and "2 unge er med." in body
    for hidden in ("Josefine", "Hansen", "Karoline", "Skjult", p.youth.cpr_masked, "20123456"):
        assert hidden not in body


def test_an_answered_comment_shows_its_text_only_when_the_leader_marked_it_fit(p: Personas) -> None:
    c = council(p)
    client = youth_session_client(p.youth)
    assert "Mødet var for tidligt om morgenen" not in client.get(HOME).content.decode()
    assert "En ung skrev til os." in client.get(HOME).content.decode()
    services.comment_show_set(actor=p.leader, feedback=c.answered, show_text=True)
    assert "Mødet var for tidligt om morgenen" in client.get(HOME).content.decode()


def test_unanswered_comments_never_appear_and_no_date_of_a_comment_is_shown(p: Personas) -> None:
    c = council(p)
    services.comment_show_set(actor=p.leader, feedback=c.answered, show_text=True)
    body = youth_session_client(p.youth).get(HOME).content.decode()
    assert "Ingen svarede mig" not in body
    created = timezone.localtime(c.answered.created_at)
    for shown in (f"{created:%Y-%m-%d}", f"{created.day}. {created:%m}"):
        assert shown not in body.split('id="answers"')[1].split("</section>")[0]


def test_a_comment_shown_has_phone_numbers_and_cpr_removed(p: Personas) -> None:
    fb = answered_feedback(p.municipality, p.leader, "Ring til mig på 20 12 34 56, cpr 010203-1234",
                           "Vi ringer til dem, der beder om det.")
    services.comment_show_set(actor=p.leader, feedback=fb, show_text=True)
    body = youth_session_client(p.youth).get(HOME).content.decode()
    assert "Vi ringer til dem" in body
    assert "20 12 34 56" not in body and "010203-1234" not in body


def test_a_youth_of_another_municipality_sees_none_of_this_council(p: Personas) -> None:
    council(p)
    foreign = make_youth(p.stranger, first_name="Nabo", last_name="Ung", mobile="+4550123456")
    body = youth_session_client(foreign).get(HOME).content.decode()
    for text in ("Ungdomshuset", "Åbent til kl. 18", "Nu kan du vælge et møde", "Jose"):
        assert text not in body
    assert "Ingen er med endnu" in body


def test_the_youths_page_has_a_constant_query_count(p: Personas, count_queries) -> None:  # noqa: ANN001
    council(p)
    client = youth_session_client(p.youth)
    small = count_queries(lambda: client.get(HOME))
    for i in range(15):
        y = make_youth(p.contact_person, first_name=f"Ung{i}", mobile=f"+454{i:07d}")
        services.council_join(youth=y, shown_name=f"Navn{chr(97 + i)}")
        services.proposal_create(actor=p.leader, text=f"Forslag {i}", status="gjort", outcome="Vi gjorde det.")
        services.meeting_create(actor=p.leader, held_on=timezone.localdate() - datetime.timedelta(days=i + 1),
                                place=f"Sted {i}", agenda="Dagsorden")
        answered_feedback(p.municipality, p.leader, f"Kommentar {i}", f"Svar {i}")
    assert count_queries(lambda: client.get(HOME)) == small


# --- The leader -----------------------------------------------------------------------------------------


def test_the_leader_sees_how_many_members_but_never_who(p: Personas) -> None:
    council(p)
    body = client_for(p.leader).get("/ledelse/ungeraadet/").content.decode()
    assert "1 ung er med i Ungerådet." in body
    for hidden in ("Jose", "Josefine", "Hansen"):
        assert hidden not in body


def test_a_coming_meeting_is_told_to_every_member_on_min_side(p: Personas) -> None:
    services.council_join(youth=p.youth, shown_name="")
    services.meeting_create(actor=p.leader, held_on=timezone.localdate() + datetime.timedelta(days=7),
                            place="Ungdomshuset", agenda="Sommer")
    notice = YouthNotice.objects.get(youth=p.youth)
    assert "Ungerådet holder møde" in notice.text and "Ungdomshuset" in notice.text
    assert not YouthNotice.objects.filter(youth=p.other_youth).exists()  # not a member


def test_a_double_submitted_meeting_is_saved_once(p: Personas) -> None:
    client = client_for(p.leader)
    data = {"held_on": (timezone.localdate() + datetime.timedelta(days=5)).isoformat(), "place": "Caféen",
            "agenda": "Sommer", "submission": "abc123"}
    assert client.post("/ledelse/ungeraadet/moede/nyt/", data).status_code == 302
    second = client.post("/ledelse/ungeraadet/moede/nyt/", data)
    assert second.status_code == 200 and "allerede sendt" in second.content.decode()
    assert CouncilMeeting.objects.count() == 1


@pytest.mark.parametrize("held_on", ["2026-02-30", "ikke en dato", "1999-01-01", "2999-01-01", ""])
def test_a_bad_meeting_date_is_refused_in_danish(p: Personas, held_on: str) -> None:
    response = client_for(p.leader).post("/ledelse/ungeraadet/moede/nyt/",
                                         {"held_on": held_on, "place": "Caféen", "agenda": "Sommer"})
    assert response.status_code == 200
    assert not CouncilMeeting.objects.exists()
    assert 'class="form-error-message"' in response.content.decode()


def test_over_long_minutes_are_refused_and_nothing_is_saved(p: Personas) -> None:
    c = council(p)
    response = client_for(p.leader).post(f"/ledelse/ungeraadet/moede/{c.past.pk}/", {
        "held_on": c.past.held_on.isoformat(), "place": "X", "agenda": "X", "minutes": "x" * 4001, "version": "1"})
    assert response.status_code == 200
    assert CouncilMeeting.objects.get(pk=c.past.pk).minutes == "Vi vil gerne kunne komme efter skole."


def test_two_leaders_editing_a_proposal_at_once_do_not_overwrite_each_other(p: Personas) -> None:
    c = council(p)
    services.proposal_update(actor=p.leader, proposal=c.proposal, version=1, text=c.proposal.text, status="gjort",
                             outcome="Den første leders svar.")
    response = client_for(p.leader).post(f"/ledelse/ungeraadet/forslag/{c.proposal.pk}/", {
        "text": c.proposal.text, "status": "gjort", "outcome": "Den anden leders svar.", "version": "1"})
    assert response.status_code == 200
    assert "En anden har gemt en ændring imens" in response.content.decode()
    assert Proposal.objects.get(pk=c.proposal.pk).outcome == "Den første leders svar."
    assert 'name="version" value="2"' in response.content.decode()  # saving again is deliberate


def test_a_proposal_marked_done_needs_what_came_of_it(p: Personas) -> None:
    with pytest.raises(ValidationError) as exc:
        services.proposal_create(actor=p.leader, text="Mere frugt", status="gjort", outcome="")
    assert "outcome" in exc.value.message_dict


def test_another_municipalitys_leader_cannot_reach_this_council(p: Personas) -> None:
    c = council(p)
    other_leader = make_user("naboleder", p.other_organisation.municipality, p.other_organisation, role=Role.LEADER)
    client = client_for(other_leader)
    assert "Ungdomshuset" not in client.get("/ledelse/ungeraadet/").content.decode()
    for url in (f"/ledelse/ungeraadet/moede/{c.past.pk}/", f"/ledelse/ungeraadet/moede/{c.past.pk}/slet/",
                f"/ledelse/ungeraadet/forslag/{c.proposal.pk}/", f"/ledelse/ungeraadet/forslag/{c.proposal.pk}/slet/"):
        assert client.get(url).status_code == 404
        assert client.post(url, {"text": "X", "status": "ny", "held_on": "2030-01-01", "place": "X",
                                 "agenda": "X"}).status_code == 404
    assert client.post(f"/ledelse/ungeraadet/kommentarer/{c.answered.pk}/",
                       {f"c{c.answered.pk}-show_text": "ja"}).status_code == 404
    assert CouncilMeeting.objects.count() == 2 and Proposal.objects.count() == 1
    assert not CommentShowing.objects.exists()


def test_a_proposal_cannot_point_at_another_municipalitys_meeting(p: Personas) -> None:
    other = CouncilMeeting.objects.create(municipality=p.other_organisation.municipality,
                                          held_on=timezone.localdate(), place="Nabo", agenda="X")
    response = client_for(p.leader).post("/ledelse/ungeraadet/forslag/nyt/",
                                         {"text": "X", "status": "ny", "meeting": str(other.pk)})
    assert response.status_code == 200 and not Proposal.objects.exists()


def test_the_leaders_pages_have_a_constant_query_count(p: Personas, count_queries) -> None:  # noqa: ANN001
    council(p)
    client = client_for(p.leader)
    small = [count_queries(lambda url=url: client.get(url))
             for url in ("/ledelse/ungeraadet/", "/ledelse/ungeraadet/kommentarer/")]
    for i in range(12):
        services.proposal_create(actor=p.leader, text=f"Forslag {i}")
        services.meeting_create(actor=p.leader, held_on=timezone.localdate() - datetime.timedelta(days=i + 1),
                                place=f"Sted {i}", agenda="Dagsorden")
        answered_feedback(p.municipality, p.leader, f"Kommentar {i}", f"Svar {i}")
    large = [count_queries(lambda url=url: client.get(url))
             for url in ("/ledelse/ungeraadet/", "/ledelse/ungeraadet/kommentarer/")]
    assert large == small


# --- Plain words ------------------------------------------------------------------------------------------


def test_the_councils_youth_facing_text_is_easy_to_read() -> None:
    """LIX ≤ 35 over what the young people read: the council's Min side pages, the join form, the proposal
    statuses and the messages they get."""
    import re
    from pathlib import Path

    from ungeforlob.portal.tests.test_pages import _lix
    from ungeforlob.youthcouncil.forms import JoinForm
    from ungeforlob.youthcouncil.models import ProposalStatus

    root = Path(__file__).resolve().parents[1] / "templates" / "youthcouncil"
    texts = []
    for name in ("home.html", "leave.html"):
        raw = (root / name).read_text()
        raw = re.sub(r"{%\s*(translate|trans)\s+\"([^\"]*)\"[^%]*%}", r" \2. ", raw)
        raw = re.sub(r"{%\s*blocktranslate[^%]*%}(.*?){%\s*(plural|endblocktranslate)\s*%}", r" \1. ", raw,
                     flags=re.S)
        texts.append(re.sub(r"{%.*?%}|{{.*?}}|<[^>]+>", " ", raw, flags=re.S))
    field = JoinForm().fields["shown_name"]
    texts += [f"{field.label}.", f"{field.help_text}"]
    texts += [f"{label}." for label in ProposalStatus.labels]
    source = (Path(__file__).resolve().parents[1] / "views.py").read_text()
    youth_part = source[:source.index("# --- The leader's pages")]
    texts += [m + " " for m in re.findall(r'_\("([^"]+)"\)', youth_part)]
    services_source = (Path(__file__).resolve().parents[1] / "services.py").read_text()
    texts += [m + " " for m in re.findall(r'_\("([^"]+)"\)', services_source[:services_source.index("def council_leave")])]
    lix = _lix(" ".join(texts))
    assert lix <= 35, f"LIX {lix:.1f}"


def test_the_main_menu_links_leaders_to_the_council_and_no_one_else(p: Personas) -> None:
    assert 'href="/ledelse/ungeraadet/"' in client_for(p.leader).get("/ledelse/ungeraadet/").content.decode()
    assert 'href="/ledelse/ungeraadet/"' not in client_for(p.contact_person).get("/unge/").content.decode()


def test_an_anonymous_visitor_is_sent_to_the_login_and_changes_nothing(p: Personas) -> None:
    from django.test import Client

    council(p, member=False)
    client = Client()
    for url in (HOME, f"{HOME}meld-ud/"):
        response = client.post(url, {"shown_name": "Hacker"})
        assert response.status_code == 302 and "/min-side/login/" in response["Location"]
    assert "/login/" in client.get("/ledelse/ungeraadet/")["Location"]
    assert not CouncilMember.objects.exists()


def test_a_youths_session_does_not_open_the_leaders_pages(p: Personas) -> None:
    c = council(p)
    client = youth_session_client(p.youth)
    response = client.post(f"/ledelse/ungeraadet/forslag/{c.proposal.pk}/slet/")
    assert response.status_code in (302, 403)
    assert Proposal.objects.filter(pk=c.proposal.pk).exists()
