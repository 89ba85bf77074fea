"""In Chromium at 1280 and 360 px: the staff login with its "Log ind med …" button, and the administrator's
provider page with its mappings."""

from __future__ import annotations

from typing import Any

import pytest
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from ungeforlob.accounts.models import Role
from ungeforlob.sso.models import ClaimMapping, IdentityProvider, MappingKind, Protocol
from ungeforlob.sso.tests.saml_idp import PRIVILEGES, LocalIdP
from ungeforlob.testing import PASSWORD, Personas

pytestmark = pytest.mark.browser


def _kombit(p: Personas) -> IdentityProvider:
    provider = IdentityProvider.objects.create(
        municipality=p.municipality, protocol=Protocol.SAML, name="KOMBIT Adgangsstyring",
        metadata_xml=LocalIdP().metadata(), entity_id="https://kontekst.test/runtime/saml2/metadata.idp",
        username_claim="https://data.gov.dk/model/core/eid/professional/rid", role_claim=PRIVILEGES,
        default_organisation=p.organisation)
    ClaimMapping.objects.create(provider=provider, kind=MappingKind.ROLE, role=Role.PROFESSIONAL,
                                value="http://kombit.dk/roles/usersystemrole/ungeforlob/fagperson/1")
    ClaimMapping.objects.create(provider=provider, kind=MappingKind.ROLE, role=Role.LEADER,
                                value="http://kombit.dk/roles/usersystemrole/ungeforlob/leder/1")
    return provider


@pytest.mark.parametrize("width", [1280, 360])
def test_the_staff_login_offers_single_sign_on_and_keeps_the_password(browse: Any, p: Personas, width: int) -> None:
    provider = _kombit(p)
    s = browse(width)
    s.goto("/login/")
    button = s.page.get_by_role("link", name="Log ind med KOMBIT Adgangsstyring")
    assert button.is_visible()
    assert button.get_attribute("href") == f"/sso/{provider.pk}/saml/"
    assert s.page.get_by_label("Adgangskode").is_visible()
    s.screenshot("sso-login")
    assert s.axe_violations() == []
    assert s.console_errors == []


@pytest.mark.parametrize("width", [1280, 360])
def test_the_administrator_sees_a_provider_with_its_mappings(browse: Any, p: Personas, width: int) -> None:
    provider = _kombit(p)
    s = browse(width)
    s.login("admin", PASSWORD)
    device = TOTPDevice.objects.get(user=p.administrator)
    s.page.get_by_label("Kode fra din authenticator-app").fill(
        f"{TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token():06d}")
    s.page.get_by_role("button", name="Fortsæt").click()
    s.page.wait_for_load_state()
    s.goto("/administration/single-sign-on/")
    assert s.page.get_by_role("link", name="KOMBIT Adgangsstyring").is_visible()
    s.screenshot("sso-provider-list")
    assert s.axe_violations() == []
    s.page.get_by_role("link", name="KOMBIT Adgangsstyring").click()
    s.page.wait_for_url(f"**/single-sign-on/{provider.pk}/")
    assert s.page.get_by_role("heading", name="Mapninger").is_visible()
    assert s.page.get_by_role("cell", name="http://kombit.dk/roles/usersystemrole/ungeforlob/leder/1",
                              exact=True).is_visible()
    s.screenshot("sso-provider")
    assert s.axe_violations() == []
    assert s.console_errors == []
