import datetime
import re

from django.test import Client, override_settings
from django.utils import timezone

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.portal.auth import SEEN_KEY
from ungeforlob.portal.models import LoginAttempt, LoginCode
from ungeforlob.portal.testing import last_code_sent_to, youth_client
from ungeforlob.testing import Personas


def _ask(client: Client, mobile: str):
    return client.post("/min-side/login/", {"mobile": mobile})


def test_a_youth_logs_in_with_a_code_sent_by_sms(p: Personas) -> None:
    client = Client()
    assert _ask(client, "20 12 34 56").url == "/min-side/kode/"
    code = last_code_sent_to(p.youth)
    assert LoginCode.objects.get(youth=p.youth).code_hash != code  # only a hash is stored
    response = client.post("/min-side/kode/", {"code": code})
    assert response.url == "/min-side/"
    assert "Hej Josefine" in client.get("/min-side/").content.decode()
    assert AuditEvent.objects.filter(action=AuditAction.LOGIN, actor_youth_id=p.youth.pk).exists()


def test_an_unknown_number_gets_the_same_answer_and_no_sms(p: Personas) -> None:
    from ungeforlob.messaging.models import OutboundMessage

    response = _ask(Client(), "99 99 99 99")
    assert response.url == "/min-side/kode/"
    assert not OutboundMessage.objects.filter(related_type="portal.logincode").exists()


def test_a_malformed_number_gets_a_danish_message(db) -> None:
    response = _ask(Client(), "12")
    assert "Telefonnummeret er ikke" in response.content.decode()


def test_a_wrong_code_says_how_many_tries_are_left_and_then_locks(p: Personas) -> None:
    client = Client()
    _ask(client, p.youth.mobile)
    right = last_code_sent_to(p.youth)
    wrong = "000000" if right != "000000" else "111111"
    first = client.post("/min-side/kode/", {"code": wrong}).content.decode()
    assert "Koden er forkert. Du kan prøve 4 gange mere." in first
    for _ in range(4):
        client.post("/min-side/kode/", {"code": wrong})
    locked = client.post("/min-side/kode/", {"code": right}).content.decode()
    assert "Du har prøvet for mange gange" in locked
    assert client.get("/min-side/").status_code == 302


def test_an_expired_code_is_refused(p: Personas) -> None:
    client = Client()
    _ask(client, p.youth.mobile)
    code = last_code_sent_to(p.youth)
    past = timezone.now() - datetime.timedelta(seconds=1)
    LoginCode.objects.update(expires_at=past)
    LoginAttempt.objects.update(expires_at=past)
    assert "Koden er udløbet" in client.post("/min-side/kode/", {"code": code}).content.decode()


def test_asking_for_too_many_codes_is_refused(p: Personas) -> None:
    client = Client()
    for _ in range(3):
        _ask(client, p.youth.mobile)
    assert "for mange koder" in _ask(client, p.youth.mobile).content.decode()


def test_a_code_works_only_once(p: Personas) -> None:
    client = Client()
    _ask(client, p.youth.mobile)
    code, attempt = last_code_sent_to(p.youth), client.session["portal_pending"]
    client.post("/min-side/kode/", {"code": code})
    other = Client()
    session = other.session
    session["portal_pending"] = attempt
    session.save()
    assert "virker ikke længere" in other.post("/min-side/kode/", {"code": code}).content.decode()


@override_settings(PORTAL_IDLE_SECONDS=60)
def test_the_session_ends_after_a_short_idle_time(p: Personas) -> None:
    client = youth_client(p.youth)
    assert client.get("/min-side/").status_code == 200
    session = client.session
    session[SEEN_KEY] = timezone.now().timestamp() - 61
    session.save()
    assert client.get("/min-side/").url == "/min-side/login/"


def test_logout_ends_the_youth_session(p: Personas) -> None:
    client = youth_client(p.youth)
    client.post("/min-side/logout/")
    assert client.get("/min-side/").status_code == 302


def test_a_staff_session_does_not_open_the_portal(p: Personas, as_user) -> None:
    assert as_user(p.contact_person).get("/min-side/").url == "/min-side/login/"


def test_a_youth_session_does_not_open_staff_pages(p: Personas) -> None:
    client = youth_client(p.youth)
    assert client.get(f"/unge/{p.youth.pk}/").status_code == 302


def _answers(client: Client, number: str, steps: list[tuple[str, dict]]) -> list[tuple[int, str, str]]:
    """Status, redirect target and page of each step, without the per-session CSRF token and the number typed."""
    out = []
    for url, data in steps:
        response = client.post(url, {k: v.format(n=number) for k, v in data.items()})
        body = re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", response.content.decode())
        out.append((response.status_code, response.get("Location", ""), body.replace(number, "<nummer>")))
    return out


def test_a_registered_and_an_unregistered_number_get_identical_answers(p: Personas) -> None:
    """Nobody can learn from Min side's login whether a number belongs to a young person: the same pages, in
    the same order, through the rate limit on asking for codes and through the tries at a code."""
    wrong = {"code": "0000000"}  # seven digits: never one of the six-digit codes
    ask = ("/min-side/login/", {"mobile": "{n}"})
    steps = [ask, ("/min-side/kode/", wrong), ("/min-side/kode/", wrong), ask, ask, ask]
    steps += [("/min-side/kode/", wrong)] * 6
    registered = _answers(Client(REMOTE_ADDR="10.0.0.1"), p.youth.mobile, steps)
    unknown = _answers(Client(REMOTE_ADDR="10.0.0.2"), "+4599999999", steps)
    assert [a[:2] for a in registered] == [a[:2] for a in unknown]
    assert registered == unknown
    pages = " ".join(a[2] for a in unknown)
    assert "for mange koder" in pages and "Koden er forkert" in pages and "Du har prøvet for mange gange" in pages
    assert LoginCode.objects.filter(youth=p.youth).exists()  # the registered number really was sent codes


def test_asking_for_codes_is_limited_per_client_address_whatever_the_numbers(p: Personas, settings) -> None:
    settings.PORTAL_CODES_PER_CLIENT = 3
    client = Client(REMOTE_ADDR="10.0.0.3")
    for n in range(3):
        assert _ask(client, f"+45999999{n:02d}").status_code == 302
    assert "for mange koder" in _ask(client, p.youth.mobile).content.decode()
    assert not LoginCode.objects.filter(youth=p.youth).exists()
    assert _ask(Client(REMOTE_ADDR="10.0.0.4"), p.youth.mobile).status_code == 302
