"""The main menu (`core/templatetags/mainnav.py` with base.html and includes/mainnav_*.html): each role sees the
links it saw when the menu was template code, in the same order, and the link to the page shown is marked."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import override_settings
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.models import Organisation, Role, Sector
from ungeforlob.core.templatetags.mainnav import LINKS, Here
from ungeforlob.testing import Personas, client_for, make_user

COMMON_TAIL = ["Fælles sprog", "Modellen hos os"]
EXPECTED = {
    # A contact person in UU/KUI reviews the referral queue and sees the relocations.
    "contact_person": ["Mine unge", "I dag", "Bekymringer", "Henvisninger", "Overleveringer", "Kædemøder",
                       "Notifikationer", "Tilbud", "Uddannelsessteder", "Revurderinger", *COMMON_TAIL,
                       "Fællesskaber", "Flytninger", "Nødadgang", "Mine logins", "Min præsentation for unge",
                       "Lovende praksis"],
    "colleague": ["Mine unge", "I dag", "Bekymringer", "Henvisninger", "Overleveringer", "Kædemøder",
                  "Notifikationer", "Tilbud", "Uddannelsessteder", "Revurderinger", *COMMON_TAIL, "Fællesskaber",
                  "Nødadgang", "Mine logins", "Min præsentation for unge", "Lovende praksis"],
    "leader": ["Mine unge", "Ledelse", "I dag", "Overgange", "Bekymringer", "Henvisninger", "Overleveringer",
               "Kapacitet", "Notifikationer", "Samarbejdsaftaler", "Tilbud", "Uddannelsessteder", "Revurderinger",
               *COMMON_TAIL, "Flytninger", "Nødadgange", "Mine logins", "Ungerådet", "Opbevaring",
               "Lovende praksis"],
    "administrator": ["Medarbejdere", "Organisationer", "Procedurer", "Tilbud", "Uddannelsessteder", "Indikatorer",
                      "Fælles sprog", "Behandlingsfortegnelse", "Nødadgang", "Mine logins", "Ungerådet",
                      "Opbevaring", "Lovende praksis", "Integrationer", "Webhooks", "Single sign-on", "Import"],
    "partner": ["Mine unge", "I dag", "Henvisninger", "Kædemøder", "Notifikationer", "Uddannelsessteder",
                *COMMON_TAIL, "Fællesskaber", "Mine logins", "Min præsentation for unge", "Lovende praksis"],
    "dpo": ["Logkontrol", "Behandlingsfortegnelse", "Fælles sprog"],
}


def _menu(page: str) -> list[tuple[str, bool, str]]:
    start = page.index('<nav class="app-mainnav"')
    nav = page[start:page.index("</nav>", start)]
    return [(href, bool(current), label.strip())
            for href, current, label in re.findall(r'<a href="([^"]+)"\s*(aria-current="page")?\s*>([^<]+)', nav)]


def _users(p: Personas) -> dict[str, Any]:
    fgu = Organisation.objects.create(municipality=p.municipality, name="FGU Test", sector=Sector.FGU)
    dpo = make_user("dpo", p.municipality, p.organisation, role=Role.DPO, profession="DPO", first="Dorte")
    TOTPDevice.objects.create(user=dpo, name="test", confirmed=True)
    return {"contact_person": p.contact_person, "colleague": p.colleague, "leader": p.leader,
            "administrator": p.administrator, "dpo": dpo,
            "partner": make_user("partner", p.municipality, fgu, profession="Lærer", first="Per")}


def test_each_role_sees_its_links_in_the_menus_order(p: Personas) -> None:
    for role, user in _users(p).items():
        links = _menu(client_for(user).get("/om/").content.decode())
        assert [label for _, _, label in links] == EXPECTED[role], role


def test_the_referrals_link_is_the_queue_for_intake_and_ones_own_referrals_for_others(p: Personas) -> None:
    hrefs = {role: dict((label, href) for href, _, label in _menu(client_for(user).get("/om/").content.decode()))
             for role, user in _users(p).items() if role in ("contact_person", "colleague")}
    assert hrefs["contact_person"]["Henvisninger"] == reverse("chain:referral_queue")
    assert hrefs["colleague"]["Henvisninger"] == reverse("chain:referral_mine")


@override_settings(DEBUG=True)
def test_the_development_sms_gateway_is_in_the_menu_only_with_debug_on(p: Personas) -> None:
    labels = [label for _, _, label in _menu(client_for(p.contact_person).get("/om/").content.decode())]
    assert labels[labels.index("Revurderinger") + 1] == "SMS (udvikling)"


def test_english_labels(p: Personas) -> None:
    client = client_for(p.contact_person)
    client.post("/i18n/setlang/", {"language": "en", "next": "/om/"})
    labels = [label for _, _, label in _menu(client.get("/om/").content.decode())]
    assert labels[:3] == ["My young people", "Today", "Concerns"] and "Mine unge" not in labels


@pytest.mark.parametrize("role", ["contact_person", "leader", "administrator", "partner"])
def test_the_link_to_the_page_shown_is_the_current_one(p: Personas, role: str) -> None:
    user = _users(p)[role]
    client = client_for(user)
    marked = 0
    for href, _, label in _menu(client.get("/om/").content.decode()):
        response = client.get(href)
        if response.status_code != 200:
            continue
        links = _menu(response.content.decode())
        assert [(h, label) for h, current, label in links if current] == [(href, label)], (role, href)
        marked += 1
    assert marked >= len(EXPECTED[role]) - 2


def test_every_link_reverses_and_no_other_page_is_current() -> None:
    nowhere = Here(admin=False, leader=False, partner=False, chain=True, intake=False, chain_leader=False,
                   view="core:about", namespace="core", url_name="about", youth_pk=None)
    for name, link in LINKS.items():
        view_name = link.view_name if isinstance(link.view_name, str) else link.view_name(nowhere)
        assert reverse(view_name).startswith("/"), name
        assert not link.current(nowhere), name
