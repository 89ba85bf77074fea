import json
import re
from pathlib import Path

from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.audit.services import audit_record
from ungeforlob.portal.models import ServiceFeedback
from ungeforlob.portal.selectors import feedback_summary
from ungeforlob.portal.testing import youth_client
from ungeforlob.testing import Personas


def test_my_chain_explains_each_role_in_plain_words(p: Personas) -> None:
    page = youth_client(p.youth).get("/min-side/kaede/").content.decode()
    assert "Mette Kjær" in page and "Kontaktperson" in page
    assert "Kontaktperson+" not in page  # the contact person in the youth effort, not the extended Kontaktperson+
    assert "Kan hjælpe med:" in page and "Kan også træffe afgørelser om dig." in page  # the job consultant decides


def test_who_has_looked_shows_date_organisation_role_and_purpose_but_not_names_by_default(p: Personas, as_user) -> None:
    as_user(p.colleague).get(f"/unge/{p.youth.pk}/")
    audit_record(actor=p.contact_person, action=AuditAction.REVEAL, youth=p.youth, purpose="Indberetning til SU")
    audit_record(actor=p.contact_person, action=AuditAction.READ, youth=p.other_youth, purpose="Anden ung")
    page = youth_client(p.youth).get("/min-side/hvem-har-kigget/").content.decode()
    assert "Jobcenter Ung" in page and "Jobkonsulent" in page and "Indberetning til SU" in page
    assert "Jonas" not in page
    assert "Anden ung" not in page


def test_staff_names_are_shown_when_the_municipality_has_chosen_so(p: Personas, as_user) -> None:
    p.municipality.show_staff_names_to_youth = True
    p.municipality.save()
    as_user(p.colleague).get(f"/unge/{p.youth.pk}/")
    assert "Jonas" in youth_client(p.youth).get("/min-side/hvem-har-kigget/").content.decode()


def test_download_my_data_as_json_holds_my_data_and_nobody_elses(p: Personas) -> None:
    client = youth_client(p.youth)
    response = client.get("/min-side/mine-data.json")
    data = json.loads(response.content)
    text = json.dumps(data, ensure_ascii=False)
    assert "Josefine Hansen" in text and "Mikkel" not in text
    assert p.youth.cpr_reveal() not in text
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, youth_id=p.youth.pk, actor_youth_id=p.youth.pk).exists()


def test_download_my_data_as_pdf_renders_a_real_pdf(p: Personas) -> None:
    response = youth_client(p.youth).get("/min-side/mine-data.pdf")
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    out = Path(__file__).resolve().parents[3] / "artifacts" / "mine-data.pdf"
    out.parent.mkdir(exist_ok=True)
    out.write_bytes(response.content)


def test_feedback_is_anonymous_and_summarised_for_leaders(p: Personas) -> None:
    client = youth_client(p.youth)
    bad = client.post("/min-side/hvordan-gaar-det/", {"heard": "9", "useful": "3"})
    assert "Marker en gyldig valgmulighed" in bad.content.decode()
    assert not ServiceFeedback.objects.exists()
    client.post("/min-side/hvordan-gaar-det/", {"heard": "4", "useful": "2", "comment": "Godt møde"})
    feedback = ServiceFeedback.objects.get()
    assert not hasattr(feedback, "youth_id")
    summary = feedback_summary(p.municipality.pk)
    assert summary["count"] == 1 and summary["heard"] == 4


def _lix(text: str) -> float:
    words = re.findall(r"[A-Za-zÆØÅæøå]+", text)
    sentences = max(1, len(re.findall(r"[.!?:]+(\s|$)", text)))
    long_words = [w for w in words if len(w) > 6]
    return len(words) / sentences + 100 * len(long_words) / max(1, len(words))


def test_youth_facing_texts_are_easy_to_read() -> None:
    """LIX ≤ 35 over the texts of the youth's pages (template tags and markup removed)."""
    root = Path(__file__).resolve().parents[1] / "templates" / "portal"
    texts = []
    for path in root.glob("*.html"):
        if "pdf" in path.name:
            continue
        raw = path.read_text()
        raw = re.sub(r"{%\s*(translate|trans)\s+\"([^\"]*)\"[^%]*%}", r" \2. ", raw)
        raw = re.sub(r"{%\s*blocktranslate[^%]*%}(.*?){%\s*endblocktranslate\s*%}", r" \1. ", raw, flags=re.S)
        raw = re.sub(r"{%.*?%}|{{.*?}}|<[^>]+>", " ", raw, flags=re.S)
        texts.append(raw)
    from ungeforlob.vocabulary.defaults import ROLE_DEFAULTS

    texts += [f"{e['helps']} {e['not']}" for e in ROLE_DEFAULTS.values()]
    lix = _lix(" ".join(texts))
    assert lix <= 35, f"LIX {lix:.1f}"


def test_the_youths_forms_statuses_and_messages_are_easy_to_read() -> None:
    """LIX ≤ 35 also over what the youth reads outside the templates: form labels, hints, choices, the wish
    statuses and the messages from the portal's own services."""
    from ungeforlob.portal import forms
    from ungeforlob.portal.models import WishKind, WishStatus
    from ungeforlob.portal.services import checkins, choosing, consents, wishes

    texts: list[str] = []
    for form in (forms.CheckInForm(), forms.WishForm(youth=None), forms.CommentForm(), forms.KeepForm()):
        for field in form.fields.values():
            texts += [f"{field.label}.", f"{field.help_text}."]
            if not hasattr(field, "queryset"):  # model choices are the youth's own goals, not our words
                texts += [f"{label}." for _value, label in getattr(field, "choices", [])]
            texts += [f"{m}" for m in field.error_messages.values() if "%" not in str(m)]
    texts += [f"{label}." for label in [*WishStatus.labels, *WishKind.labels]]
    source = "".join(Path(module.__file__).read_text() for module in (checkins, wishes, consents, choosing))
    texts += [m + " " for m in re.findall(r'_\("([^"]+)"\)', source) if "%" not in m]
    texts += _insight_texts()
    lix = _lix(" ".join(texts))
    assert lix <= 35, f"LIX {lix:.1f}"


def test_every_portal_page_is_sent_with_no_store(p: Personas) -> None:
    """Min side is opened on shared phones: no browser or proxy may keep a copy of any of its answers (pages,
    redirects, mine-data.json and the PDFs), for the young person and for the contact person's side alike."""
    from django.db import transaction
    from django.test import Client
    from django.urls import get_resolver

    from ungeforlob.portal.tests.success_cases import cases
    from ungeforlob.testing import client_for, youth_session_client

    all_cases = cases(p)
    portal_names = {f"portal:{name}" for name in get_resolver().namespace_dict["portal"][1].reverse_dict
                    if isinstance(name, str)}
    assert portal_names - {c.url_name for c in all_cases} <= {"portal:code", "portal:oidc_start",
                                                              "portal:oidc_callback"}
    cached = []
    for case in all_cases:
        if case.who == "youth":
            client = youth_session_client(p.youth)
        else:
            client = Client() if case.who == "anonymous" else client_for(getattr(p, case.who))
        savepoint = transaction.savepoint()
        try:
            response = client.generic(case.method.upper(), case.url, data=case.encoded_data(),
                                      content_type=case.content_type)
            if "no-store" not in response.get("Cache-Control", ""):
                cached.append(f"{case.method.upper()} {case.url} -> {response.get('Cache-Control')!r}")
        finally:
            transaction.savepoint_rollback(savepoint)
    code = Client().get("/min-side/kode/")  # without a pending login it sends you back to the login page
    if "no-store" not in code.get("Cache-Control", ""):
        cached.append("GET /min-side/kode/")
    assert not cached, "Sent without Cache-Control: no-store:\n" + "\n".join(cached)


def test_the_language_switch_on_min_side_refuses_a_next_to_another_site(p: Personas) -> None:
    from ungeforlob.testing import youth_session_client

    response = youth_session_client(p.youth).post("/min-side/sprog/",
                                                  {"language": "en", "next": "https://ond.example/"})
    assert response.status_code == 302 and response["Location"] == "/min-side/"


def _insight_texts() -> list[str]:
    """What "Alt skrevet om mig", "Hvem har kigget" and "Mine samtykker" say outside their templates: why something
    is withheld, the sentences of the access log, the filter's labels and messages."""
    from ungeforlob.disclosure.selectors import YOUTH_REASON
    from ungeforlob.portal import selectors
    from ungeforlob.portal.forms_insight import LookedFilterForm

    texts = [str(t) for t in YOUTH_REASON.values()]
    texts += [selectors.looked_sentence({"who": "Din kontaktperson", "action": action, "part": part,
                                         "recipient": "Tømrerskolen" if action == "export" else ""}) + "."
              for part in selectors.LOOKED_PARTS for action in ("read", "update", "export")]
    for field in LookedFilterForm(people=[]).fields.values():
        texts += [f"{field.label}."] + [f"{m}" for m in field.error_messages.values() if "%" not in str(m)]
    return texts
