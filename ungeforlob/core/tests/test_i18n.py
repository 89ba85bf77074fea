"""Danish first, English available: the catalogue is complete and current, anyone can switch, and texts
written for someone else (SMS, notices) stay in the installation's language."""

from __future__ import annotations

import datetime
import gettext
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone, translation

from ungeforlob.core.text import possessive
from ungeforlob.testing import Personas, client_for

LOCALE = Path(settings.BASE_DIR) / "ungeforlob" / "locale" / "en" / "LC_MESSAGES"


def _catalog(mo: Path) -> dict[Any, str]:
    with mo.open("rb") as fh:
        catalog = dict(gettext.GNUTranslations(fh)._catalog)  # type: ignore[attr-defined]
    catalog.pop("", None)  # the header carries a creation date
    return catalog


def _switch_to_english(client: Client, next_url: str) -> None:
    response = client.post("/i18n/setlang/", {"language": "en", "next": next_url})
    assert response.status_code == 302 and response["Location"] == next_url


# --- the catalogue ---------------------------------------------------------------------------------------


def test_every_danish_text_in_the_code_has_a_current_english_translation(tmp_path: Path) -> None:
    """Extract the messages again from a copy of the code, merged with the committed catalogue: nothing may
    come out untranslated or fuzzy, and the committed .mo must be exactly what that catalogue compiles to.

    When this fails: `make messages`, translate what `msgattrib --untranslated --only-fuzzy` lists in
    ungeforlob/locale/en/LC_MESSAGES/django.po, then `make messages` again (it compiles the .mo)."""
    if shutil.which("msgfmt") is None:
        pytest.fail("gettext is not installed (make system-deps installs it)")
    base = Path(settings.BASE_DIR)
    copy = tmp_path / "src"
    shutil.copytree(base / "ungeforlob", copy / "ungeforlob",
                    ignore=shutil.ignore_patterns("__pycache__", "static", "*.mo"))
    shutil.copytree(base / "config", copy / "config", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(base / "manage.py", copy / "manage.py")
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "en", "--no-obsolete", "-v0"],
        cwd=copy, capture_output=True, text=True, timeout=120,
        env={"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "config.settings", "PYTHONPATH": str(copy)},
    )
    assert result.returncode == 0, result.stderr
    assert "warning" not in result.stderr.lower(), result.stderr
    po = copy / "ungeforlob" / "locale" / "en" / "LC_MESSAGES" / "django.po"
    stats = subprocess.run(["msgfmt", "--check", "--statistics", "-o", str(tmp_path / "fresh.mo"), str(po)],
                           capture_output=True, text=True)
    assert stats.returncode == 0, stats.stderr
    assert re.fullmatch(r"\d+ translated messages\.", stats.stderr.strip()), (
        "Texts without English translation: " + stats.stderr.strip())
    assert _catalog(tmp_path / "fresh.mo") == _catalog(LOCALE / "django.mo"), (
        "django.mo is not compiled from the current django.po (run `make messages`)")


def test_possessive_follows_the_active_language() -> None:
    with translation.override("da"):
        assert [possessive(n) for n in ("Josefine", "Jonas", "Max", "")] == ["Josefines", "Jonas'", "Max'", ""]
    with translation.override("en"):
        assert [possessive(n) for n in ("Josefine", "Jonas")] == ["Josefine's", "Jonas'"]


# --- switching -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("login_page", ["/login/", "/min-side/login/"])
def test_anyone_can_switch_to_english_on_the_login_pages_before_logging_in(db: Any, login_page: str) -> None:
    client = Client()
    assert 'lang="da"' in client.get(login_page).content.decode()
    _switch_to_english(client, login_page)
    page = client.get(login_page).content.decode()
    assert 'lang="en"' in page and "Log in" in page and "Change language" in page
    assert "Skift sprog" not in page


def test_a_contact_person_who_switches_to_english_works_in_english(p: Personas) -> None:
    client = client_for(p.contact_person)
    assert "Mine unge" in client.get("/unge/").content.decode()
    _switch_to_english(client, "/unge/")
    caseload = client.get("/unge/").content.decode()
    assert "My young people" in caseload and "Mine unge" not in caseload
    assert p.youth.first_name in caseload  # the data stays as written
    youth_page = client.get(f"/unge/{p.youth.pk}/").content.decode()
    assert 'lang="en"' in youth_page and "The circle" in youth_page and "Timeline" in youth_page
    birth = p.youth.birth_date
    with translation.override("en"):
        assert f"{birth.day} {birth:%B} {birth.year}" in youth_page  # "13 October 2007", not "13. October 2007"
    # A form error comes back in English too.
    response = client.post(f"/unge/{p.youth.pk}/ret/", {"first_name": "", "last_name": "", "mobile": "12"})
    assert response.status_code == 200 and "This field is required." in response.content.decode()


def test_switching_back_to_danish_restores_danish(p: Personas) -> None:
    client = client_for(p.contact_person)
    _switch_to_english(client, "/unge/")
    client.post("/i18n/setlang/", {"language": "da", "next": "/unge/"})
    assert "Mine unge" in client.get("/unge/").content.decode()


# --- texts for someone else ------------------------------------------------------------------------------


def test_what_an_english_speaking_professional_does_reaches_the_young_person_in_danish(p: Personas) -> None:
    from ungeforlob.chain import services as chain
    from ungeforlob.chain.models import ChainRole, LegalBasis
    from ungeforlob.messaging.services import consent_give, reminder_schedule
    from ungeforlob.notifications.models import StaffNotification, YouthNotice

    consent_give(actor=p.contact_person, youth=p.youth, note="Mundtligt")
    with translation.override("en"):
        chain.member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider, role=ChainRole.MENTOR,
                         legal_basis=LegalBasis.RETSSIKKERHED_11C)
        message = reminder_schedule(actor=p.contact_person, youth=p.youth, place="Jobcentret",
                                    appointment_at=timezone.now() + datetime.timedelta(days=3))
    notice = YouthNotice.objects.filter(youth=p.youth).latest("pk")
    assert "er kommet med i din kæde" in notice.text
    assert StaffNotification.objects.filter(recipient=p.outsider, text__contains="kæde").exists()
    assert message.body.startswith("Hej ") and "Husk vores aftale" in message.body


# --- the young person's own language ---------------------------------------------------------------------


def test_a_young_person_with_english_on_the_record_gets_sms_notices_and_min_side_in_english(p: Personas) -> None:
    from ungeforlob.chain import services as chain
    from ungeforlob.chain.models import ChainRole, LegalBasis
    from ungeforlob.messaging.models import OutboundMessage
    from ungeforlob.messaging.services import consent_give, reminder_schedule
    from ungeforlob.notifications.models import YouthNotice
    from ungeforlob.portal.testing import youth_client
    from ungeforlob.youth.services import youth_update

    youth_update(actor=p.contact_person, youth=p.youth, language="en")
    consent_give(actor=p.contact_person, youth=p.youth, note="Mundtligt")
    message = reminder_schedule(actor=p.contact_person, youth=p.youth, place="Jobcentret",  # a Danish sender
                                appointment_at=timezone.now() + datetime.timedelta(days=3))
    assert message.body.startswith("Hi ") and "Husk" not in message.body
    chain.member_add(actor=p.contact_person, youth=p.youth, professional=p.outsider, role=ChainRole.MENTOR,
                     legal_basis=LegalBasis.RETSSIKKERHED_11C)
    assert "kæde" not in YouthNotice.objects.filter(youth=p.youth).latest("pk").text
    client = youth_client(p.youth)
    code_sms = OutboundMessage.objects.filter(youth=p.youth, related_type="portal.logincode").latest("pk")
    assert "Din kode" not in code_sms.body
    home = client.get("/min-side/").content.decode()
    assert 'lang="en"' in home and "My plan" in home
    # The staff pages stay in the staff member's language.
    assert "Mine unge" in client_for(p.contact_person).get("/unge/").content.decode()


def test_switching_language_on_min_side_saves_it_on_the_record(p: Personas) -> None:
    from ungeforlob.audit.models import AuditEvent
    from ungeforlob.portal.testing import youth_client

    client = youth_client(p.youth)
    response = client.post("/min-side/sprog/", {"language": "en", "next": "/min-side/plan/"})
    assert response.status_code == 302 and response["Location"] == "/min-side/plan/"
    p.youth.refresh_from_db()
    assert p.youth.language == "en"
    assert AuditEvent.objects.filter(actor_youth_id=p.youth.pk, object_type="youth", action="update").exists()
    assert 'lang="en"' in client.get("/min-side/").content.decode()
    staff_page = client_for(p.contact_person).get(f"/unge/{p.youth.pk}/").content.decode()
    assert "English" in staff_page
    # An unknown language changes nothing; a foreign "next" goes home instead.
    response = client.post("/min-side/sprog/", {"language": "xx", "next": "https://evil.example/"})
    assert response["Location"] == "/min-side/"
    p.youth.refresh_from_db()
    assert p.youth.language == "en"


def test_the_contact_person_sets_the_language_and_an_edit_without_it_keeps_it(p: Personas) -> None:
    client = client_for(p.contact_person)
    data = {"first_name": p.youth.first_name, "last_name": p.youth.last_name, "mobile": "20123456"}
    assert client.post(f"/unge/{p.youth.pk}/ret/", {**data, "language": "en"}).status_code == 302
    p.youth.refresh_from_db()
    assert p.youth.language == "en"
    assert client.post(f"/unge/{p.youth.pk}/ret/", data).status_code == 302
    p.youth.refresh_from_db()
    assert p.youth.language == "en"


def test_a_language_chosen_on_the_login_page_becomes_the_young_persons(p: Personas) -> None:
    from ungeforlob.portal.testing import last_code_sent_to

    client = Client()
    _switch_to_english(client, "/min-side/login/")
    client.post("/min-side/login/", {"mobile": p.youth.mobile})
    assert client.post("/min-side/kode/", {"code": last_code_sent_to(p.youth)}).status_code == 302
    p.youth.refresh_from_db()
    assert p.youth.language == "en"
    assert 'lang="en"' in client.get("/min-side/").content.decode()
