"""SAML 2.0 for staff (Fælleskommunal Adgangsstyring / OIOSAML 3) with pysaml2, configured at runtime from an
IdentityProvider row: one service provider (SP) per provider, its entity id being its metadata URL.

OIOSAML 3 expectations: the assertion must be signed (a response with an unsigned assertion is refused), the
signatures and digests of our AuthnRequests are RSA-SHA256/SHA-256, the response must answer a request we sent
(InResponseTo; unsolicited responses are refused), and each request is answered once.

Settings (read with defaults): SSO_SAML_KEY_FILE and SSO_SAML_CERT_FILE (the SP's key and certificate, PEM:
AuthnRequests are signed and encrypted assertions decrypted with them; without them requests go unsigned, which
a real IdP refuses — development only), SSO_XMLSEC_BINARY (/usr/bin/xmlsec1), SSO_SAML_REQUEST_MINUTES (10).
"""

from __future__ import annotations

import base64
import datetime
from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ungeforlob.sso.models import IdentityProvider, SamlRequest

SIG_RSA_SHA256 = "http://www.w3.org/2001/04/xmldsig-more#rsa-sha256"
DIGEST_SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256"


class BadMetadata(Exception):
    """The IdP metadata cannot be used; the message is Danish."""


class BadResponse(Exception):
    """The SAML response is not accepted; the argument is a reason code for the log (never shown)."""


def xmlsec_binary() -> str:
    return getattr(settings, "SSO_XMLSEC_BINARY", "/usr/bin/xmlsec1") or "/usr/bin/xmlsec1"


def _sp_keys() -> tuple[str, str]:
    return getattr(settings, "SSO_SAML_KEY_FILE", "") or "", getattr(settings, "SSO_SAML_CERT_FILE", "") or ""


def idp_entity_id(metadata_xml: str, *, wanted: str = "") -> str:
    """The entity id of the (one) IdP in this metadata that has a single sign-on service and a signing key.

    Raises BadMetadata with a Danish message for XML that is not metadata, metadata without such an IdP, or
    (when `wanted` is given) without that entity id."""
    from saml2.config import SPConfig
    from saml2.mdstore import MetadataStore

    if not metadata_xml.strip().startswith("<"):
        raise BadMetadata(_("Metadata er ikke XML. Indsæt identitetsudbyderens metadata, som den er."))
    store = MetadataStore(None, SPConfig().load({"xmlsec_binary": xmlsec_binary()}))
    try:
        store.load("inline", metadata_xml)
    except Exception:  # noqa: BLE001 - pysaml2 raises many kinds for bad XML
        raise BadMetadata(_("Metadata kunne ikke læses. Tjek at det er SAML 2.0-metadata for en "
                            "identitetsudbyder.")) from None
    candidates = []
    for entity_id in store.identity_providers():
        if store.single_sign_on_service(entity_id) and store.certs(entity_id, "idpsso", "signing"):
            candidates.append(entity_id)
    if not candidates:
        raise BadMetadata(_("Metadata beskriver ingen identitetsudbyder med login-adresse og signeringsnøgle."))
    if wanted:
        if wanted not in candidates:
            raise BadMetadata(_("Metadata indeholder ikke identitetsudbyderen %(entity)s.") % {"entity": wanted})
        return wanted
    if len(candidates) > 1:
        raise BadMetadata(_("Metadata beskriver flere identitetsudbydere. Skriv entity id for den rigtige."))
    return candidates[0]


def sp_entity_id(request: HttpRequest, provider: IdentityProvider) -> str:
    return request.build_absolute_uri(reverse("sso:saml_metadata", args=[provider.pk]))


def acs_url(request: HttpRequest, provider: IdentityProvider) -> str:
    return request.build_absolute_uri(reverse("sso:saml_acs", args=[provider.pk]))


def sp_config(request: HttpRequest, provider: IdentityProvider) -> Any:
    from saml2 import BINDING_HTTP_POST
    from saml2.config import SPConfig

    key_file, cert_file = _sp_keys()
    conf: dict[str, Any] = {
        "entityid": sp_entity_id(request, provider),
        "xmlsec_binary": xmlsec_binary(),
        "metadata": {"inline": [provider.metadata_xml]},
        "allow_unknown_attributes": True,
        "accepted_time_diff": 60,
        "signing_algorithm": SIG_RSA_SHA256,
        "digest_algorithm": DIGEST_SHA256,
        "service": {"sp": {
            "name": "Ungeforløb",
            "endpoints": {"assertion_consumer_service": [(acs_url(request, provider), BINDING_HTTP_POST)]},
            "authn_requests_signed": bool(key_file and cert_file),
            "want_assertions_signed": True,
            "want_response_signed": False,
            "allow_unsolicited": False,
        }},
    }
    if key_file and cert_file:
        conf.update({"key_file": key_file, "cert_file": cert_file,
                     "encryption_keypairs": [{"key_file": key_file, "cert_file": cert_file}]})
    return SPConfig().load(conf)


def metadata_xml(request: HttpRequest, provider: IdentityProvider) -> str:
    from saml2.metadata import entity_descriptor

    return str(entity_descriptor(sp_config(request, provider)))


def login_redirect(request: HttpRequest, provider: IdentityProvider, next_url: str = "") -> str:
    """Remember a new AuthnRequest and return the IdP URL to send the browser to (HTTP-Redirect binding,
    signed with RSA-SHA256 when the SP has a key)."""
    from saml2 import BINDING_HTTP_REDIRECT
    from saml2.client import Saml2Client

    client = Saml2Client(config=sp_config(request, provider))
    signed = bool(all(_sp_keys()))
    request_id, info = client.prepare_for_authenticate(
        entityid=provider.entity_id, binding=BINDING_HTTP_REDIRECT, sign=signed,
        sigalg=SIG_RSA_SHA256 if signed else None, digest_alg=DIGEST_SHA256 if signed else None)
    SamlRequest.objects.filter(created_at__lt=timezone.now() - _request_lifetime()).delete()
    SamlRequest.objects.create(provider=provider, request_id=request_id, next_url=next_url[:500])
    return dict(info["headers"])["Location"]


def _request_lifetime() -> datetime.timedelta:
    return datetime.timedelta(minutes=float(getattr(settings, "SSO_SAML_REQUEST_MINUTES", 10)))


def _in_response_to(saml_response: str) -> str:
    """Read InResponseTo before verification, only to find the request we sent (verification follows)."""
    from defusedxml import ElementTree

    try:
        root = ElementTree.fromstring(base64.b64decode(saml_response, validate=True))
    except Exception:  # noqa: BLE001 - not base64, not XML, or dangerous XML: all the same refusal
        raise BadResponse("not a SAML response") from None
    return str(root.get("InResponseTo") or "")[:100]


def verified_login(request: HttpRequest, provider: IdentityProvider, saml_response: str
                   ) -> tuple[str, dict[str, list[str]], str]:
    """Verify a response posted to the ACS; return (subject, attributes, next_url).

    The request it answers is used up (a replayed response is refused). Attributes are keyed by their Name as
    sent (e.g. `dk:gov:saml:attribute:Privileges_intermediate`) and by their FriendlyName."""
    from saml2 import BINDING_HTTP_POST
    from saml2.client import Saml2Client

    request_id = _in_response_to(saml_response)
    if not request_id:
        raise BadResponse("unsolicited response")
    pending = SamlRequest.objects.filter(provider=provider, request_id=request_id,
                                         created_at__gte=timezone.now() - _request_lifetime()).first()
    if pending is None:
        raise BadResponse("unknown, used or expired request")
    pending.delete()  # once, whatever the outcome
    client = Saml2Client(config=sp_config(request, provider))
    try:
        response = client.parse_authn_request_response(saml_response, BINDING_HTTP_POST,
                                                       outstanding={request_id: pending.next_url})
    except Exception as exc:  # noqa: BLE001 - pysaml2 raises many kinds for a bad signature, time or audience
        raise BadResponse(f"not verified ({type(exc).__name__})") from None
    if response is None or response.assertion is None:
        raise BadResponse("no assertion")
    if response.issuer() != provider.entity_id:
        raise BadResponse("issuer")
    name_id = response.name_id
    subject = str(getattr(name_id, "text", "") or "").strip()
    attributes: dict[str, list[str]] = {}
    for statement in response.assertion.attribute_statement or []:
        for attribute in statement.attribute:
            values = [str(v.text or "").strip() for v in attribute.attribute_value]
            for key in {attribute.name, attribute.friendly_name} - {None, ""}:
                attributes.setdefault(key, []).extend(values)
    return subject, attributes, pending.next_url
