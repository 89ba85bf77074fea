"""Log ind med MitID: OpenID Connect login for Min side through the municipality's MitID broker.

The protocol work is Authlib's Django client: discovery, authorization code flow with PKCE (S256), state
and nonce kept in the session, the code exchanged at the token endpoint, and the ID token's signature
(JWKS), issuer, audience, expiry, nonce and at_hash checked. This module only configures it, reads the CPR
claim, finds the young person by the keyed CPR hash and logs them in with the portal's own session
(`portal.auth.portal_login`). The CPR number is never logged, stored in the session or kept in clear.

Configuration (settings, read with defaults; see docs/mitid-oidc.md):
PORTAL_OIDC_ENABLED, PORTAL_OIDC_DISCOVERY_URL, PORTAL_OIDC_CLIENT_ID, PORTAL_OIDC_CLIENT_SECRET,
PORTAL_OIDC_SCOPES, PORTAL_OIDC_CPR_CLAIM, PORTAL_OIDC_MUNICIPALITY, and optionally
PORTAL_OIDC_REDIRECT_URI, PORTAL_OIDC_ACR_VALUES, PORTAL_OIDC_TOKEN_AUTH_METHOD, PORTAL_OIDC_TIMEOUT_SECONDS.
The two routes exist only when the login is enabled and configured (see portal/urls.py), so the login page
shows the MitID button exactly when `{% url 'portal:oidc_start' %}` resolves.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.portal.auth import portal_login
from ungeforlob.youth.cpr import lookup_hash, normalize_cpr
from ungeforlob.youth.models import Youth

logger = logging.getLogger(__name__)

CLIENT_NAME = "portal_oidc"
# NemLog-in3 / OIOSAML 3 name of the CPR attribute, which SAML-to-OIDC brokers usually pass on unchanged.
DEFAULT_CPR_CLAIM = "https://data.gov.dk/model/core/eid/cprNumber"


# -- configuration ---------------------------------------------------------------------------------------
def _setting(name: str, default: Any = "") -> Any:
    return getattr(settings, name, default)


def enabled() -> bool:
    """Switched on and complete enough to start a login."""
    return bool(_setting("PORTAL_OIDC_ENABLED", False) and _setting("PORTAL_OIDC_DISCOVERY_URL")
                and _setting("PORTAL_OIDC_CLIENT_ID"))


def cpr_claim() -> str:
    return _setting("PORTAL_OIDC_CPR_CLAIM", DEFAULT_CPR_CLAIM) or DEFAULT_CPR_CLAIM


def scopes() -> str:
    wanted = str(_setting("PORTAL_OIDC_SCOPES", "openid") or "openid").split()
    if "openid" not in wanted:
        wanted.insert(0, "openid")  # without it there is no ID token and no nonce
    return " ".join(wanted)


def _client() -> Any:
    """A fresh Authlib client per request: discovery and keys are fetched anew, so a broker's key rotation
    or a changed configuration takes effect at once (three small HTTP requests per login)."""
    from authlib.integrations.django_client import OAuth

    oauth = OAuth()
    return oauth.register(
        name=CLIENT_NAME,
        client_id=_setting("PORTAL_OIDC_CLIENT_ID"),
        client_secret=_setting("PORTAL_OIDC_CLIENT_SECRET"),
        server_metadata_url=_setting("PORTAL_OIDC_DISCOVERY_URL"),
        client_kwargs={
            "scope": scopes(),
            "code_challenge_method": "S256",
            "token_endpoint_auth_method": _setting("PORTAL_OIDC_TOKEN_AUTH_METHOD", "client_secret_basic")
            or "client_secret_basic",
            "default_timeout": float(_setting("PORTAL_OIDC_TIMEOUT_SECONDS", 10) or 10),
        },
    )


def _redirect_uri(request: HttpRequest) -> str:
    return _setting("PORTAL_OIDC_REDIRECT_URI") or request.build_absolute_uri(reverse("portal:oidc_callback"))


# -- messages (plain Danish; shown on the login page) ----------------------------------------------------
def _msg_unreachable() -> str:
    return _("Vi kan ikke få kontakt til MitID lige nu. Prøv igen om lidt. Du kan også få en kode på SMS.")


def _msg_cancelled() -> str:
    return _("Du afbrød login med MitID. Du er ikke logget ind.")


def _msg_state() -> str:
    return _("Dit login med MitID kunne ikke bekræftes. Det kan være for gammelt. Start forfra.")


def _msg_failed() -> str:
    return _("Vi kunne ikke bekræfte dit login med MitID. Prøv igen, eller få en kode på SMS.")


def _msg_no_cpr() -> str:
    return _("MitID sendte ikke dit CPR-nummer. Log ind med en kode på SMS i stedet.")


def _msg_disabled() -> str:
    return _("Log ind med MitID er ikke slået til. Du kan få en kode på SMS.")


def _msg_level() -> str:
    return _("Dit login med MitID var ikke sikkert nok. Prøv igen med MitID-appen, eller få en kode på SMS.")


# -- level of assurance ----------------------------------------------------------------------------------
NSIS_LEVELS = ("low", "substantial", "high")
NSIS_LOA_CLAIM = "https://data.gov.dk/concept/core/nsis/loa"


def _nsis_rank(value: str) -> int | None:
    """NSIS level of a value such as "https://data.gov.dk/concept/core/nsis/Substantial" or "Substantial"."""
    tail = value.strip().rstrip("/").rsplit("/", 1)[-1].lower()
    return NSIS_LEVELS.index(tail) if tail in NSIS_LEVELS else None


def acr_satisfied(id_claims: dict[str, Any], requested: str) -> bool:
    """Did the broker log the young person in at (at least) the level asked for in PORTAL_OIDC_ACR_VALUES?

    Nothing asked for: nothing to check. Otherwise the ID token's `acr` (or the NSIS `loa` claim some
    brokers use) must be one of the requested values, or a higher NSIS level than one of them
    (High satisfies Substantial). A token without the claim is refused.
    """
    wanted = requested.split()
    if not wanted:
        return True
    returned = str(id_claims.get("acr") or id_claims.get(NSIS_LOA_CLAIM) or "")
    if not returned:
        return False
    if returned in wanted:
        return True
    got = _nsis_rank(returned)
    return got is not None and any((rank := _nsis_rank(w)) is not None and got >= rank for w in wanted)


# -- the young person behind a CPR number ----------------------------------------------------------------
def youth_for_cpr(digits: str) -> Youth:
    """The young person with this (normalised) CPR number, or ValidationError with a Danish message.

    A youth known in several municipalities is picked by PORTAL_OIDC_MUNICIPALITY (a municipality code);
    without that setting, or when none of them matches it, the login is refused.
    """
    youths = list(Youth.objects.filter(cpr_hash=lookup_hash(digits)).select_related("municipality")[:20])
    if not youths:
        raise ValidationError(_("Vi kan ikke finde dig i Ungeforløb. Spørg din kontaktperson, "
                                "eller log ind med en kode på SMS."), code="unknown")
    if len(youths) == 1:
        return youths[0]
    wanted = _setting("PORTAL_OIDC_MUNICIPALITY", "")
    chosen = [y for y in youths if wanted and y.municipality.code == wanted]
    if len(chosen) == 1:
        return chosen[0]
    raise ValidationError(_("Du er skrevet op i mere end én kommune. Log ind med en kode på SMS, "
                            "eller spørg din kontaktperson."), code="ambiguous")


@transaction.atomic
def oidc_login_record(*, youth: Youth) -> None:
    audit_record(actor=None, actor_youth=youth, action=AuditAction.LOGIN, youth=youth,
                 object_type="portal_login_oidc")


# -- views -------------------------------------------------------------------------------------------------
def _refuse(request: HttpRequest, message: str, reason: str) -> HttpResponse:
    logger.info("MitID login refused: %s", reason)  # a reason code only; never claims or the CPR number
    messages.error(request, message)
    return redirect("portal:login")


@never_cache
@login_not_required
@require_GET
def start(request: HttpRequest) -> HttpResponse:
    """Send the young person to the broker (a plain link, so CSP form-action does not apply)."""
    if not enabled():
        return _refuse(request, _msg_disabled(), "disabled")
    import requests
    from authlib.common.errors import AuthlibBaseError

    extra = {}
    if acr := _setting("PORTAL_OIDC_ACR_VALUES", ""):
        extra["acr_values"] = acr
    try:
        return _client().authorize_redirect(request, _redirect_uri(request), **extra)
    except requests.RequestException as exc:
        return _refuse(request, _msg_unreachable(), f"provider unreachable ({type(exc).__name__})")
    except (AuthlibBaseError, RuntimeError, ValueError, KeyError, TypeError) as exc:
        return _refuse(request, _msg_unreachable(), f"bad discovery document ({type(exc).__name__})")


@never_cache
@login_not_required
@require_GET
def callback(request: HttpRequest) -> HttpResponse:
    """The broker sends the young person back here with a code (or an error) and the state."""
    if not enabled():
        return _refuse(request, _msg_disabled(), "disabled")
    error = request.GET.get("error")
    if error:
        message = _msg_cancelled() if error in ("access_denied", "login_required", "consent_required") \
            else _msg_failed()
        return _refuse(request, message, f"provider error {error[:40]!r}")
    try:
        value = _verified_cpr_claim(request)
    except _Refusal as refusal:
        return _refuse(request, refusal.message, refusal.reason)
    if value is None:
        return _refuse(request, _msg_no_cpr(), "no CPR claim")
    try:
        youth = youth_for_cpr(normalize_cpr(str(value)))
    except ValidationError as exc:
        return _refuse(request, exc.messages[0], f"CPR not usable ({exc.error_list[0].code})")
    oidc_login_record(youth=youth)
    portal_login(request, youth)  # flushes the session: the state data and any staff login go with it
    return redirect("portal:home")


class _Refusal(Exception):
    def __init__(self, message: str, reason: str) -> None:
        super().__init__(reason)
        self.message, self.reason = message, reason


def _verified_cpr_claim(request: HttpRequest) -> Any:
    """Exchange the code, verify the ID token (Authlib) and return the CPR claim's raw value, or None.

    The claim is read from the verified ID token, or else from the userinfo endpoint (some brokers put only
    basic claims in the ID token); userinfo is used only when its `sub` equals the ID token's.
    """
    import requests
    from authlib.common.errors import AuthlibBaseError
    from authlib.integrations.base_client import MismatchingStateError
    from joserfc.errors import JoseError

    claim = cpr_claim()
    client = _client()
    try:
        token = client.authorize_access_token(request)
        id_claims = token.get("userinfo")
        if not id_claims:  # no ID token, so nothing was verified: never trust the access token alone
            raise _Refusal(_msg_failed(), "no ID token")
        if not acr_satisfied(id_claims, _setting("PORTAL_OIDC_ACR_VALUES", "")):
            raise _Refusal(_msg_level(), "level of assurance too low")
        if claim in id_claims:
            return id_claims[claim]
        if not client.load_server_metadata().get("userinfo_endpoint"):
            return None
        extra = client.userinfo(token=token)
        if extra.get("sub") != id_claims.get("sub"):
            raise _Refusal(_msg_failed(), "userinfo sub differs from the ID token's")
        return extra.get(claim)
    except MismatchingStateError:
        raise _Refusal(_msg_state(), "state mismatch") from None
    except requests.RequestException as exc:
        raise _Refusal(_msg_unreachable(), f"provider unreachable ({type(exc).__name__})") from None
    except (AuthlibBaseError, JoseError, RuntimeError, ValueError, KeyError, TypeError) as exc:
        raise _Refusal(_msg_failed(), f"token not accepted ({type(exc).__name__})") from None
