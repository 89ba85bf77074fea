from __future__ import annotations

from ungeforlob.sso.models import ClaimMapping, Identity, IdentityProvider, SamlRequest
from ungeforlob.sso.tests.factories import local_oidc, signed_response, world
from ungeforlob.sso.tests.saml_idp import SSO_URL
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import SuccessCase as S

ADMIN = "/administration/single-sign-on"


def cases(p: Personas) -> list[S]:
    w = world(p)
    k, m = w.kombit.pk, w.mapping.pk
    a = "administrator"
    new = {"protocol": "oidc", "name": "Keycloak", "is_active": "on", "discovery_url": local_oidc().discovery_url,
           "client_id": "ungeforlob", "client_secret": "hemmelig", "scopes": "openid", "username_claim": "sub",
           "role_claim": "roles"}
    edit = {"protocol": "saml", "name": "KOMBIT Adgangsstyring", "is_active": "on", "metadata_xml": w.kombit.metadata_xml,
            "entity_id": w.kombit.entity_id, "username_claim": "uid", "role_claim": "roles",
            "version": str(w.kombit.version)}
    acs_response = signed_response(w.kombit)
    return [
        S("sso:provider_list", f"{ADMIN}/", who=a, contains="KOMBIT"),
        S("sso:provider_create", f"{ADMIN}/ny/", who=a),
        S("sso:provider_create", f"{ADMIN}/ny/", "post", new, who=a,
          effect=lambda r: IdentityProvider.objects.filter(name="Keycloak", municipality=p.municipality).exists()),
        S("sso:provider_edit", f"{ADMIN}/{k}/", who=a, contains="Assertion Consumer Service"),
        S("sso:provider_edit", f"{ADMIN}/{k}/", "post", edit, who=a,
          effect=lambda r: IdentityProvider.objects.get(pk=k).name == "KOMBIT Adgangsstyring"),
        S("sso:provider_delete", f"{ADMIN}/{k}/slet/", who=a),
        S("sso:provider_delete", f"{ADMIN}/{k}/slet/", "post", who=a,
          effect=lambda r: not IdentityProvider.objects.filter(pk=k).exists()),
        S("sso:mapping_create", f"{ADMIN}/{k}/mapning/", who=a),
        S("sso:mapping_create", f"{ADMIN}/{k}/mapning/", "post", {"kind": "role", "value": "leder", "role": "leader"},
          who=a, effect=lambda r: ClaimMapping.objects.filter(provider_id=k, value="leder", role="leader").exists()),
        S("sso:mapping_delete", f"{ADMIN}/mapning/{m}/slet/", who=a),
        S("sso:mapping_delete", f"{ADMIN}/mapning/{m}/slet/", "post", who=a,
          effect=lambda r: not ClaimMapping.objects.filter(pk=m).exists()),
        # The login routes, as the browser of a member of staff who is not logged in yet.
        S("sso:saml_metadata", f"/sso/{k}/saml/metadata/", who="anonymous", contains="AssertionConsumerService"),
        S("sso:saml_login", f"/sso/{k}/saml/", who="anonymous", statuses=(302,),
          effect=lambda r: r["Location"].startswith(SSO_URL) and SamlRequest.objects.filter(provider_id=k).exists()),
        S("sso:saml_acs", f"/sso/{k}/saml/acs/", "post", {"SAMLResponse": acs_response}, who="anonymous",
          settings={"SSO_SAML_REQUEST_MINUTES": 120},  # the walk posts it minutes after making it
          effect=lambda r: Identity.objects.filter(provider_id=k, user__username="sso-walk").exists()),
        S("sso:oidc_start", f"/sso/{w.entra.pk}/oidc/", who="anonymous", statuses=(302,),
          effect=lambda r: r["Location"].startswith(local_oidc().issuer + "/authorize?")),
        # The callback needs the state the start left in this browser's session, which a case cannot carry: this
        # case is the person who pressed Afbryd at the provider (a Danish page); the whole flow, JIT user and
        # refusals are in sso/tests/test_oidc.py.
        S("sso:oidc_callback", f"/sso/{w.entra.pk}/oidc/callback/?error=access_denied&state=x", who="anonymous",
          statuses=(403,), contains="Login blev afbrudt"),
    ]
