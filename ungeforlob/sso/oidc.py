"""OpenID Connect for staff (Entra ID, ADFS, Keycloak …), mirroring the MitID login in `portal/oidc.py`.

Authlib's Django client does the protocol: discovery, authorization code flow with PKCE (S256), state and nonce
in the session, the code exchanged at the token endpoint, and the ID token's signature (JWKS), issuer, audience,
expiry and nonce checked. Here: one client per IdentityProvider row, built afresh per request (a changed
configuration or a rotated key takes effect at once), and the verified claims (ID token, plus userinfo when its
`sub` is the same) handed to the mapping.

Settings (read with defaults): SSO_HTTP_TIMEOUT_SECONDS (10), SSO_OIDC_TOKEN_AUTH_METHOD (client_secret_basic).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from ungeforlob.sso.models import IdentityProvider
from ungeforlob.sso.services import decrypt_secret


class OidcFailure(Exception):
    """The login could not be verified; the argument is a reason code for the log (never shown)."""


def _name(provider: IdentityProvider) -> str:
    return f"sso_{provider.pk}"


def _scopes(provider: IdentityProvider) -> str:
    wanted = (provider.scopes or "openid").split()
    if "openid" not in wanted:
        wanted.insert(0, "openid")
    return " ".join(wanted)


def client(provider: IdentityProvider) -> Any:
    from authlib.integrations.django_client import OAuth

    return OAuth().register(
        name=_name(provider),
        client_id=provider.client_id,
        client_secret=decrypt_secret(provider.client_secret_encrypted),
        server_metadata_url=provider.discovery_url,
        client_kwargs={
            "scope": _scopes(provider),
            "code_challenge_method": "S256",
            "token_endpoint_auth_method": getattr(settings, "SSO_OIDC_TOKEN_AUTH_METHOD", "client_secret_basic"),
            "default_timeout": float(getattr(settings, "SSO_HTTP_TIMEOUT_SECONDS", 10)),
        },
    )


def redirect_uri(request: HttpRequest, provider: IdentityProvider) -> str:
    return request.build_absolute_uri(reverse("sso:oidc_callback", args=[provider.pk]))


def authorize_redirect(request: HttpRequest, provider: IdentityProvider) -> HttpResponse:
    import requests
    from authlib.common.errors import AuthlibBaseError

    try:
        return client(provider).authorize_redirect(request, redirect_uri(request, provider))
    except requests.RequestException as exc:
        raise OidcFailure(f"provider unreachable ({type(exc).__name__})") from None
    except (AuthlibBaseError, RuntimeError, ValueError, KeyError, TypeError) as exc:
        raise OidcFailure(f"bad discovery document ({type(exc).__name__})") from None


def verified_claims(request: HttpRequest, provider: IdentityProvider) -> dict[str, Any]:
    """Exchange the code and return the verified ID token's claims (with userinfo's, when its sub agrees)."""
    import requests
    from authlib.common.errors import AuthlibBaseError
    from authlib.integrations.base_client import MismatchingStateError
    from joserfc.errors import JoseError

    oauth = client(provider)
    try:
        token = oauth.authorize_access_token(request)
        claims = dict(token.get("userinfo") or {})
        if not claims:  # no ID token: nothing was verified, and the access token alone is never trusted
            raise OidcFailure("no ID token")
        if claims.get("iss") != oauth.load_server_metadata().get("issuer"):
            raise OidcFailure("issuer")
        if oauth.load_server_metadata().get("userinfo_endpoint"):
            extra = oauth.userinfo(token=token)
            if extra.get("sub") == claims.get("sub"):
                claims = {**dict(extra), **claims}
        return claims
    except MismatchingStateError:
        raise OidcFailure("state mismatch") from None
    except requests.RequestException as exc:
        raise OidcFailure(f"provider unreachable ({type(exc).__name__})") from None
    except (AuthlibBaseError, JoseError, RuntimeError, ValueError, KeyError, TypeError) as exc:
        raise OidcFailure(f"token not accepted ({type(exc).__name__})") from None
