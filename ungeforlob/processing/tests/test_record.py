"""The record of processing (art. 30), generated: purposes, subjects and data, recipients, retention, security;
as a page, a PDF and Markdown, for the data protection officer and the administrator."""

from __future__ import annotations

from ungeforlob.accounts.models import Organisation, Sector
from ungeforlob.audit.models import AuditAction, AuditEvent
from ungeforlob.logreview.tests.factories import dpo, other_dpo
from ungeforlob.processing.record import build_record
from ungeforlob.testing import Personas, client_for


def _markdown(client) -> str:
    response = client.get("/behandlingsfortegnelse/behandlingsfortegnelse.md")
    assert response.status_code == 200
    return response.content.decode()


def test_the_record_names_the_controller_the_officer_and_every_purpose(p: Personas) -> None:
    officer = dpo(p)
    text = _markdown(client_for(officer))
    assert text.startswith("# Behandlingsfortegnelse: Testkommune")
    assert "Dorte Dahl, dpo@example.dk" in text
    for title in ("Den unges forløb", "Samarbejde i kæden", "Kontakt med den unge", "Ledelsesinformation",
                  "Medarbejdere og adgang", "Sikkerhed, logning og kontrol"):
        assert f". {title}\n" in text
    assert "Unge i kommunens ungeindsats (15–24 år)" in text
    assert "Navn, CPR-nummer (krypteret) og fødselsdato" in text
    assert "Journalnotater" in text or "Notater" in text  # the models behind a purpose, by their Danish names


def test_the_recipients_are_the_municipalitys_organisations_by_sector_and_the_integrations(p: Personas,
                                                                                          settings) -> None:
    Organisation.objects.create(municipality=p.municipality, name="FGU Syd", sector=Sector.FGU)
    Organisation.objects.create(municipality=p.municipality, name="Lukket skole", sector=Sector.FGU, is_active=False)
    settings.SMS_GATEWAY = "http"
    settings.SMS_HTTP_URL = "https://sms.example.net/api/send"
    settings.PORTAL_OIDC_ENABLED = True
    settings.PORTAL_OIDC_DISCOVERY_URL = "https://broker.example.org/.well-known/openid-configuration"
    text = _markdown(client_for(dpo(p)))
    assert "- **FGU:** FGU Syd\n" in text
    assert "- **Jobcenter:** Jobcenter Ung\n" in text
    assert "Lukket skole" not in text and "Nabo UU" not in text
    assert "sms.example.net" in text and "broker.example.org" in text


def test_the_security_measures_follow_the_settings(p: Personas, settings) -> None:
    settings.LOGIN_FAILURE_LIMIT = 7
    settings.STAFF_SESSION_IDLE_MINUTES = 20
    settings.AUDIT_RETENTION_MONTHS = 36
    text = _markdown(client_for(dpo(p)))
    assert "Spærring efter 7 mislykkede forsøg" in text
    assert "efter 20 minutters inaktivitet" in text
    assert "Adgangsloggen:** 36 måneder" in text


def test_the_retention_rules_of_the_municipality_are_in_the_record(p: Personas) -> None:
    record = build_record(p.municipality)
    labels = [line.label for line in record.retention]
    assert "Adgangsloggen" in labels
    assert len(labels) > 1  # the retention app's kinds (or the note that none is set up)


def test_the_pdf_is_a_pdf_and_downloads_are_logged(p: Personas) -> None:
    response = client_for(p.administrator).get("/behandlingsfortegnelse/behandlingsfortegnelse.pdf")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")
    assert AuditEvent.objects.filter(action=AuditAction.EXPORT, object_type="processing_record",
                                     actor=p.administrator, youth_id__isnull=True).exists()


def test_the_page_is_for_the_officer_and_the_administrator_only(p: Personas) -> None:
    assert client_for(dpo(p)).get("/behandlingsfortegnelse/").status_code == 200
    assert client_for(p.administrator).get("/behandlingsfortegnelse/").status_code == 200
    for someone in (p.contact_person, p.leader, p.outsider, p.stranger):
        assert client_for(someone).get("/behandlingsfortegnelse/").status_code == 403


def test_another_municipalitys_officer_sees_their_own_record(p: Personas) -> None:
    text = _markdown(client_for(other_dpo(p)))
    assert text.startswith("# Behandlingsfortegnelse: Nabokommune")
    assert "Jobcenter Ung" not in text and "Nabo UU" in text


def test_the_record_page_makes_the_same_number_of_queries_for_few_and_many_organisations(
        p: Personas, count_queries) -> None:
    client = client_for(dpo(p))
    few = count_queries(lambda: client.get("/behandlingsfortegnelse/"))
    Organisation.objects.bulk_create([Organisation(municipality=p.municipality, name=f"Skole {i}",
                                                   sector=Sector.EUD) for i in range(30)])
    assert count_queries(lambda: client.get("/behandlingsfortegnelse/")) == few
