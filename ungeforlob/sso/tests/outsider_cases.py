from __future__ import annotations

from ungeforlob.sso.tests.factories import world
from ungeforlob.testing import Personas
from ungeforlob.testing_cases import OutsiderCase as C

ADMIN = "/administration/single-sign-on"


def cases(p: Personas) -> list[C]:
    w = world(p)
    k, m, off = w.kombit.pk, w.mapping.pk, w.off.pk
    provider = {"protocol": "oidc", "name": "Ond", "discovery_url": "https://evil.test/.well-known/x",
                "client_id": "x", "username_claim": "sub", "role_claim": "roles", "version": "1"}
    return [
        # Administrators only (of their own municipality): everyone else is refused.
        C("sso:provider_list", f"{ADMIN}/", refused_statuses=(403,)),
        C("sso:provider_create", f"{ADMIN}/ny/", refused_statuses=(403,)),
        C("sso:provider_create", f"{ADMIN}/ny/", "post", provider, refused_statuses=(403,)),
        C("sso:provider_edit", f"{ADMIN}/{k}/", refused_statuses=(403,)),
        C("sso:provider_edit", f"{ADMIN}/{k}/", "post", provider, refused_statuses=(403,)),
        C("sso:provider_delete", f"{ADMIN}/{k}/slet/", refused_statuses=(403,)),
        C("sso:provider_delete", f"{ADMIN}/{k}/slet/", "post", refused_statuses=(403,)),
        C("sso:mapping_create", f"{ADMIN}/{k}/mapning/", "post",
          {"kind": "role", "value": "x", "role": "administrator"}, refused_statuses=(403,)),
        C("sso:mapping_delete", f"{ADMIN}/mapning/{m}/slet/", "post", refused_statuses=(403,)),
        # The login routes are public by nature; a provider that is switched off cannot be used by anyone.
        C("sso:oidc_start", f"/sso/{off}/oidc/", refused_statuses=(404,)),
        C("sso:oidc_callback", f"/sso/{off}/oidc/callback/?code=x&state=y", refused_statuses=(404,)),
        C("sso:saml_login", f"/sso/{off}/saml/", refused_statuses=(404,)),
        C("sso:saml_metadata", f"/sso/{off}/saml/metadata/", refused_statuses=(404,)),
        # A forged response to the ACS logs no one in and writes nothing.
        C("sso:saml_acs", f"/sso/{k}/saml/acs/", "post", {"SAMLResponse": "PGZvcmdlZC8+"}, refused_statuses=(403,)),
    ]
