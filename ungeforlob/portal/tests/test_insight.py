"""Issue 17, points 1-4: "Alt skrevet om mig", "Hvem har kigget", "Mine samtykker" (plan shares) and the data PDF."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.test import Client
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.audit.services import audit_record
from ungeforlob.chain.models import Concern, Handover, Referral
from ungeforlob.plans.models import JournalNote, PlanShare
from ungeforlob.plans.services import note_create, note_hide, plan_share, profile_update
from ungeforlob.portal import selectors
from ungeforlob.portal.testing import give_plan, youth_client
from ungeforlob.testing import Personas


def _concern(p: Personas, text: str, **extra) -> Concern:  # noqa: ANN003
    return Concern.objects.create(youth=p.youth, category="trivsel", description=text, raised_by=p.colleague,
                                  ack_due=timezone.localdate() + datetime.timedelta(days=2), **extra)


def _referral(p: Personas, problem: str) -> Referral:
    return Referral.objects.create(municipality=p.municipality, submitted_by=p.colleague, organisation_name="Gadeplan",
                                   first_name="Josefine", last_name="Hansen", birth_date=datetime.date(2006, 1, 1),
                                   problem=problem, youth_accepted=True, accepted_asked_by="Ali",
                                   accepted_on=timezone.localdate(), youth=p.youth)


def _share(p: Personas, recipient: str = "Tømrerskolen", purpose: str = "Optagelse") -> PlanShare:
    return plan_share(youth=p.youth, actor=p.contact_person, recipient_name=recipient, purpose=purpose,
                      parts=["maal", "profil"], consent="mundtligt", consent_confirmed=True)


def _written(p: Personas, n: int, tag: str, occurrence) -> None:  # noqa: ANN001
    """n of every kind of thing written about p.youth."""
    from ungeforlob.chain.models import ChainRole
    from ungeforlob.meetings.models import AgendaEntry, Decision, Occurrence

    roles = [r for r in ChainRole.values if r != ChainRole.CONTACT_PERSON]
    for i in range(n):
        note_create(youth=p.youth, actor=p.contact_person, text=f"Note nummer {tag}{i}")
        _concern(p, f"Bekymring nummer {tag}{i}")
        _referral(p, f"Henvisning nummer {tag}{i}")
        Handover.objects.create(youth=p.youth, sender=p.contact_person, receiver=p.outsider if tag == "a" else p.reader,
                                role=roles[i], what_works=f"Overlevering nummer {tag}{i}")
        held = Occurrence.objects.create(meeting=occurrence.meeting, created_by=p.contact_person,
                                         held_on=timezone.localdate() + datetime.timedelta(days=30 + i + 10 * len(tag)))
        entry = AgendaEntry.objects.create(occurrence=held, youth=p.youth, question=f"Spørgsmål {tag}{i}",
                                           legal_basis="kui", raised_by=p.contact_person)
        Decision.objects.create(entry=entry, text=f"Beslutning {tag}{i}", owner=p.colleague,
                                due_on=timezone.localdate(), created_by=p.contact_person)


# --- 1. Alt skrevet om mig ---------------------------------------------------------------------------------------


def test_everything_written_about_her_is_on_the_page(p: Personas) -> None:
    from ungeforlob.meetings.tests.factories import world

    profile_update(youth=p.youth, actor=p.contact_person, version=1,
                   professional_description="Josefine er stille, men meget vedholdende.")
    note_create(youth=p.youth, actor=p.contact_person, text="Vi talte om tømreruddannelsen.")
    _concern(p, "Hun virker træt og ked af det.", acknowledged_at=timezone.now())
    _referral(p, "Har brug for hjælp til at komme i gang.")
    Handover.objects.create(youth=p.youth, sender=p.contact_person, receiver=p.outsider, role="mentor",
                            what_works="Korte møder om formiddagen")
    w = world(p)
    page = youth_client(p.youth).get("/min-side/skrevet-om-mig/").content.decode()
    for text in ("Josefine er stille, men meget vedholdende.", "Vi talte om tømreruddannelsen.",
                 "Hun virker træt og ked af det.", "Nogen arbejder med det", "Har brug for hjælp til at komme i gang.",
                 "Gadeplan", "Korte møder om formiddagen", w.entry.question):
        assert text in page, text
    assert any(d.text in page for d in w.entry.decisions.all())


def test_a_withheld_item_shows_that_something_is_withheld_and_why_never_its_text(p: Personas) -> None:
    from ungeforlob.disclosure.services import withholding_create

    kept = _concern(p, "Naboen har fortalt om hendes bror.")
    withholding_create(actor=p.contact_person, youth=p.youth, item=f"bekymring:{kept.pk}", ground="tredjemand",
                       explanation="Spørg Mette, hvis du vil vide mere.")
    note = note_create(youth=p.youth, actor=p.contact_person, text="Oplysning fra politiet")
    note_hide(youth=p.youth, note=note, actor=p.contact_person, reason="strafbart")
    page = youth_client(p.youth).get("/min-side/skrevet-om-mig/").content.decode()
    assert "Naboen" not in page and "Oplysning fra politiet" not in page
    assert page.count("Noget er undtaget:") == 2
    assert "Der står noget om andre mennesker. Dem skal vi også passe på." in page
    assert "Spørg Mette, hvis du vil vide mere." in page
    assert "Politiet eller en anden myndighed er ved at se på en sag" in page


def test_the_written_page_costs_the_same_queries_for_little_and_much(p: Personas, count_queries) -> None:
    from ungeforlob.meetings.tests.factories import world

    give_plan(p.youth, p.contact_person)
    occurrence = world(p).later
    _written(p, 1, "a", occurrence)
    small = count_queries(lambda: selectors.written_about_me(p.youth))
    _written(p, 6, "bb", occurrence)
    large = count_queries(lambda: selectors.written_about_me(p.youth))
    assert small == large <= 16


# --- 2. Hvem har kigget ------------------------------------------------------------------------------------------


def test_reads_are_grouped_by_day_and_person_with_the_part_read(p: Personas) -> None:
    for _ in range(3):
        audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth, object_type="plan")
    audit_record(actor=p.colleague, action=AuditAction.READ, youth=p.youth, object_type="profile",
                 purpose="Forberede mødet")
    page = youth_client(p.youth).get("/min-side/hvem-har-kigget/").content.decode()
    assert "Din kontaktperson læste din plan" in page and "3 gange" in page
    assert "Jobkonsulent, Jobcenter Ung læste din profil" in page and "Forberede mødet" in page
    assert "Mette" not in page  # names only when the municipality shows them


def test_a_chain_meeting_item_and_its_decision_read_as_one_part_not_as_her_details(p: Personas) -> None:
    """Found in review: an agenda entry and a decision on a chain meeting each read "skrev i dine oplysninger",
    as two rows; so did a plan meeting, a station and her place in Ungerådet."""
    for object_type in ("agendaentry", "decision"):
        audit_record(actor=p.contact_person, action=AuditAction.CREATE, youth=p.youth, object_type=object_type,
                     purpose="kædemøde")
    for object_type in ("planmeeting", "station", "councilmember"):
        audit_record(actor=p.contact_person, action=AuditAction.CREATE, youth=p.youth, object_type=object_type)
    page = youth_client(p.youth).get("/min-side/hvem-har-kigget/").content.decode()
    assert re.search(r"Din kontaktperson skrev i et punkt om dig på et kædemøde <span[^>]*>2 gange", page)
    assert "skrev i dine planmøder" in page and "skrev i dine overgange" in page
    assert "skrev i din plads i Ungerådet" in page


def test_a_system_is_shown_by_its_name_and_a_share_by_its_recipient(p: Personas) -> None:
    AuditEvent.objects.create(action=AuditAction.READ, youth_id=p.youth.pk, actor_name="Nødadgang (system)",
                              object_type="youth", purpose="Akut: den unge er forsvundet")
    _share(p, recipient="Tømrerskolen")
    page = youth_client(p.youth).get("/min-side/hvem-har-kigget/").content.decode()
    assert "Nødadgang (system) læste dine oplysninger" in page and "Akut: den unge er forsvundet" in page
    assert "gav din plan til Tømrerskolen" in page


def test_her_own_reads_are_not_listed(p: Personas) -> None:
    client = youth_client(p.youth)
    client.get("/min-side/plan/")
    page = client.get("/min-side/hvem-har-kigget/").content.decode()
    assert "Din kontaktperson skrev i dine oplysninger" in page  # the record made for her, by staff
    assert "læste din plan" not in page  # her own reading


def test_it_filters_by_person_and_period(p: Personas) -> None:
    audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth, object_type="plan")
    audit_record(actor=p.colleague, action=AuditAction.READ, youth=p.youth, object_type="profile")
    client = youth_client(p.youth)
    page = client.get("/min-side/hvem-har-kigget/", {"person": f"u{p.colleague.pk}"}).content.decode()
    assert "læste din profil" in page and "læste din plan" not in page
    today = timezone.localdate()
    past = client.get("/min-side/hvem-har-kigget/", {"start": (today - datetime.timedelta(days=9)).isoformat(),
                                                     "end": (today - datetime.timedelta(days=1)).isoformat()})
    assert "Ingen har kigget i den periode." in past.content.decode()


@pytest.mark.parametrize("query", [{"start": "31-02-2026"}, {"end": "x"}, {"person": "u999999999999999999999"},
                                   {"vis": "abc"}, {"vis": "-5"}, {"start": "2026-03-01", "end": "2026-01-01"}])
def test_a_bad_filter_is_a_message_never_an_error(p: Personas, query: dict[str, str]) -> None:
    response = youth_client(p.youth).get("/min-side/hvem-har-kigget/", query)
    assert response.status_code == 200


def test_twenty_rows_at_a_time_and_show_more(p: Personas) -> None:
    for i in range(25):
        audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth, object_type="plan",
                     purpose=f"Formål {i:02d}")
    client = youth_client(p.youth)
    first = client.get("/min-side/hvem-har-kigget/").content.decode()
    assert len(re.findall(r"Formål \d\d", first)) == 20 and "Vis flere" in first
    more = client.get("/min-side/hvem-har-kigget/", {"vis": "40"}).content.decode()
    assert len(re.findall(r"Formål \d\d", more)) == 25 and "Vis flere" not in more


def test_who_has_looked_costs_no_more_queries_for_a_long_log_than_for_a_short_one(p: Personas, count_queries) -> None:
    """Each selector reads the contact persons when not given them; the older days are read only when the recent
    ones give fewer rows than a page — so a short log costs one query more than a long recent one, never less
    (test_looked_fast: at most four as the page asks, the contact persons read once)."""

    p.youth.municipality  # noqa: B018 - Min side reads her with her municipality (portal.auth)

    def run() -> None:
        selectors.looked_groups(p.youth)
        selectors.looked_people(p.youth)

    audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.youth, object_type="plan")
    small = count_queries(run)
    for day in range(30):
        for who in (p.contact_person, p.colleague, p.reader):
            audit_record(actor=who, action=AuditAction.READ, youth=p.youth, object_type="plan", purpose=str(day))
    large = count_queries(run)
    assert small == 5 and large == 4


# --- 3. Mine samtykker -----------------------------------------------------------------------------------------


def test_a_plan_share_is_a_consent_she_sees_and_withdraws_after_confirming(p: Personas) -> None:
    share = _share(p)
    client = youth_client(p.youth)
    page = client.get("/min-side/samtykker/").content.decode()
    assert "Tømrerskolen" in page and "Optagelse" in page
    confirm = client.get(f"/min-side/samtykker/deling/{share.pk}/traek-tilbage/")
    assert "Træk dit ja tilbage?" in confirm.content.decode()
    share.refresh_from_db()
    assert share.withdrawn_at is None  # asking is not doing
    response = client.post(f"/min-side/samtykker/deling/{share.pk}/traek-tilbage/")
    assert response.status_code == 302
    share.refresh_from_db()
    assert share.withdrawn_at is not None and share.withdrawn_by_youth
    assert AuditEvent.objects.filter(action=AuditAction.UPDATE, object_type="planshare", youth_id=p.youth.pk,
                                     actor_youth_id=p.youth.pk).exists()
    assert "Du trak det tilbage den" in client.get("/min-side/samtykker/").content.decode()
    again = client.post(f"/min-side/samtykker/deling/{share.pk}/traek-tilbage/")
    assert again.status_code == 400 and "allerede trukket det tilbage" in again.content.decode()


def test_another_youth_cannot_withdraw_her_share(p: Personas) -> None:
    share = _share(p)
    response = youth_client(p.other_youth).post(f"/min-side/samtykker/deling/{share.pk}/traek-tilbage/")
    assert response.status_code == 404
    share.refresh_from_db()
    assert share.withdrawn_at is None


def test_an_anonymous_visitor_is_sent_to_the_login(p: Personas) -> None:
    share = _share(p)
    for url in ("/min-side/skrevet-om-mig/", "/min-side/hvem-har-kigget/", "/min-side/samtykker/",
                f"/min-side/samtykker/deling/{share.pk}/traek-tilbage/", "/min-side/mine-data/"):
        assert Client().get(url)["Location"] == "/min-side/login/", url


def test_a_withdrawn_share_no_longer_gives_its_pdf(p: Personas, as_user) -> None:
    share = _share(p)
    client = as_user(p.contact_person)
    assert client.get(f"/unge/{p.youth.pk}/plan/pdf/?deling={share.pk}").status_code == 200
    youth_client(p.youth).post(f"/min-side/samtykker/deling/{share.pk}/traek-tilbage/")
    response = client.get(f"/unge/{p.youth.pk}/plan/pdf/?deling={share.pk}")
    assert response.status_code == 302
    assert "trukket samtykket" in client.get(response["Location"]).content.decode()


def test_the_shared_pdf_names_the_recipient_and_the_consent_and_speaks_about_her(p: Personas) -> None:
    from django.template.loader import render_to_string

    from ungeforlob.plans.pdf import plan_pdf_context

    give_plan(p.youth, p.contact_person)
    share = _share(p, recipient="Tømrerskolen", purpose="Optagelse på grundforløbet")
    html = render_to_string("plans/plan_pdf.html", plan_pdf_context(p.youth, parts=share.parts, share=share))
    assert "Planen for Josefine" in html and "Tømrerskolen" in html and "Optagelse på grundforløbet" in html
    assert "Mundtligt samtykke" in html
    assert "Min plan" not in html and "Sådan ved jeg" not in html and "Planen er din" not in html
    own = render_to_string("plans/plan_pdf.html", plan_pdf_context(p.youth, parts=share.parts))
    assert "Min plan" in own and "Tømrerskolen" not in own
    from ungeforlob.plans.pdf import render_plan_pdf

    out = Path(__file__).resolve().parents[3] / "artifacts" / "plan-share.pdf"
    out.parent.mkdir(exist_ok=True)
    out.write_bytes(render_plan_pdf(p.youth, parts=share.parts, share=share))  # looked at as PNG (pdftoppm)


# --- 4. Hent mine data -------------------------------------------------------------------------------------------


def test_the_data_pdf_opens_with_her_plan_then_the_contents(p: Personas) -> None:
    from ungeforlob.portal.export import export_pdf_html

    give_plan(p.youth, p.contact_person)
    html = export_pdf_html(p.youth)
    plan, contents = html.index('id="plan"'), html.index('id="toc"')
    assert plan < contents < html.index('id="s1"')
    assert html.index("Jeg vil gerne være tømrer") < contents
    assert 'href="#s1"' in html


def test_the_data_pdf_writes_local_times_and_danish_dates(p: Personas) -> None:
    from ungeforlob.portal.export import export_pdf_html, readable

    assert readable("2026-06-01T10:00:00+00:00") == "1. juni 2026 12:00"  # summer time in Copenhagen
    assert readable("2026-01-15") == "15. januar 2026"
    assert readable(True) == "Ja" and readable("") == "—"
    html = export_pdf_html(p.youth)
    assert not re.search(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", html)


def test_the_data_pdf_is_a_real_pdf(p: Personas) -> None:
    give_plan(p.youth, p.contact_person)
    response = youth_client(p.youth).get("/min-side/mine-data.pdf")
    assert response.content.startswith(b"%PDF")
    out = Path(__file__).resolve().parents[3] / "artifacts" / "mine-data-plan-first.pdf"
    out.parent.mkdir(exist_ok=True)
    out.write_bytes(response.content)  # looked at as PNG (pdftoppm) when the layout changes


def test_the_json_keeps_iso_times_and_every_section(p: Personas) -> None:
    import json

    from ungeforlob.portal.export import EXPORT_SECTIONS

    _share(p)
    data = json.loads(youth_client(p.youth).get("/min-side/mine-data.json").content)
    assert len(data["sektioner"]) == len(EXPORT_SECTIONS)
    shares = data["sektioner"]["Deling af din plan"]
    assert re.match(r"\d{4}-\d{2}-\d{2}T", shares[0]["dato"]) and "trukket tilbage" in shares[0]


def test_withheld_notes_and_items_are_in_the_export_without_their_text(p: Personas) -> None:
    from ungeforlob.disclosure.export import withholdings_section
    from ungeforlob.disclosure.services import withholding_create

    kept = _concern(p, "Naboen har fortalt om hendes bror.")
    withholding_create(actor=p.contact_person, youth=p.youth, item=f"bekymring:{kept.pk}", ground="tredjemand")
    note = note_create(youth=p.youth, actor=p.contact_person, text="Hemmelig note")
    note_hide(youth=p.youth, note=note, actor=p.contact_person, reason="internt")
    title, rows = withholdings_section(p.youth)
    assert len(rows) == 2 and "Naboen" not in str(rows) and "Hemmelig" not in str(rows)
    assert JournalNote.objects.filter(visible_to_youth=False).count() == 1


def test_the_insight_pages_own_words_are_easy_to_read_on_their_own() -> None:
    """LIX ≤ 35 for the reasons, the access log's sentences and the filter, also without the rest of Min side."""
    from ungeforlob.portal.tests.test_pages import _insight_texts, _lix

    assert _lix(" ".join(_insight_texts())) <= 35


def test_absence_a_school_recorded_is_among_what_is_written_about_her(p: Personas) -> None:
    from ungeforlob.education import services as education
    from ungeforlob.education.tests.factories import world

    w = world(p)
    education.attendance_record(actor=p.colleague, station=w.station, week=w.today, absence_percent=35,
                                note="Mødte ikke op om mandagen")
    page = youth_client(p.youth).get("/min-side/skrevet-om-mig/").content.decode()
    assert "35 % fravær på" in page and "Mødte ikke op om mandagen" in page
    other = youth_client(p.other_youth).get("/min-side/skrevet-om-mig/").content.decode()
    assert "Mødte ikke op om mandagen" not in other
