"""Views of the sso app: the administrator's providers and mappings, and the staff login through a provider."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_not_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.decorators import administrator_required
from ungeforlob.core.forms import keep_on_stale, run_service
from ungeforlob.core.request_context import safe_next
from ungeforlob.sso import oidc, saml, selectors, services
from ungeforlob.sso.forms import MappingForm, ProviderForm
from ungeforlob.sso.models import ClaimMapping, IdentityProvider, Protocol

logger = logging.getLogger(__name__)
BACKEND = "ungeforlob.accounts.backends.UserBackend"
NEXT_KEY = "sso_next"


# -- administration ---------------------------------------------------------------------------------------------
def _own_provider(request: HttpRequest, pk: int) -> IdentityProvider:
    return get_object_or_404(IdentityProvider, pk=pk, municipality_id=request.user.municipality_id)


@administrator_required
@require_GET
def provider_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "navn")
    qs = selectors.providers_for(municipality_id=request.user.municipality_id, q=q, sort=sort)
    page = Paginator(qs, 50).get_page(request.GET.get("side"))
    return render(request, "sso/provider_list.html", {"page": page, "q": q, "sort": sort})


@administrator_required
@require_http_methods(["GET", "POST"])
def provider_edit(request: HttpRequest, pk: int | None = None) -> HttpResponse:
    instance = _own_provider(request, pk) if pk else None
    municipality_id = request.user.municipality_id

    def bind(data: object = None) -> ProviderForm:
        return ProviderForm(data, instance=instance, municipality_id=municipality_id)

    form = bind(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, provider, form = run_service(form, lambda: services.provider_save(
            actor=request.user, provider=form.save(commit=False),
            client_secret=form.cleaned_data.get("client_secret") or "",
            version=form.cleaned_data.get("version")), on_error=keep_on_stale(form, bind))
        if ok:
            messages.success(request, _("Identitetsudbyderen er gemt."))
            return redirect("sso:provider_edit", provider.pk)
    context = {"form": form, "object": instance, "has_secret": bool(instance and instance.client_secret_encrypted)}
    if instance is not None:
        context["mappings"] = list(selectors.mappings_of(instance))
        context["mapping_form"] = MappingForm(municipality_id=municipality_id)
        if instance.protocol == Protocol.SAML:
            context["sp_metadata_url"] = saml.sp_entity_id(request, instance)
            context["acs_url"] = saml.acs_url(request, instance)
        else:
            context["redirect_uri"] = oidc.redirect_uri(request, instance)
    return render(request, "sso/provider_form.html", context)


@administrator_required
@require_http_methods(["GET", "POST"])
def provider_delete(request: HttpRequest, pk: int) -> HttpResponse:
    provider = _own_provider(request, pk)
    if request.method == "POST":
        services.provider_delete(actor=request.user, provider=provider)
        messages.success(request, _("Identitetsudbyderen er slettet."))
        return redirect("sso:provider_list")
    return render(request, "sso/provider_delete.html", {"object": provider})


@administrator_required
@require_http_methods(["GET", "POST"])
def mapping_create(request: HttpRequest, pk: int) -> HttpResponse:
    provider = _own_provider(request, pk)
    form = MappingForm(request.POST or None, municipality_id=request.user.municipality_id,
                       instance=ClaimMapping(provider=provider))
    if request.method == "POST" and form.is_valid():
        ok, _mapping, form = run_service(form, lambda: services.mapping_save(
            actor=request.user, mapping=form.save(commit=False)))
        if ok:
            messages.success(request, _("Mapningen er gemt."))
            return redirect("sso:provider_edit", provider.pk)
    return render(request, "sso/mapping_form.html", {"form": form, "provider": provider})


@administrator_required
@require_http_methods(["GET", "POST"])
def mapping_delete(request: HttpRequest, pk: int) -> HttpResponse:
    mapping = get_object_or_404(ClaimMapping.objects.select_related("provider", "organisation"), pk=pk,
                                provider__municipality_id=request.user.municipality_id)
    if request.method == "POST":
        services.mapping_delete(actor=request.user, mapping=mapping)
        messages.success(request, _("Mapningen er slettet."))
        return redirect("sso:provider_edit", mapping.provider_id)
    return render(request, "sso/mapping_delete.html", {"object": mapping})


# -- the login -------------------------------------------------------------------------------------------------
def _active_provider(pk: int, protocol: str) -> IdentityProvider:
    provider = IdentityProvider.objects.select_related("municipality").filter(
        pk=pk, protocol=protocol, is_active=True).first()
    if provider is None:
        raise Http404
    return provider


def _refused(request: HttpRequest, message: str, reason: str, provider: IdentityProvider) -> HttpResponse:
    logger.info("SSO login refused (provider %s): %s", provider.pk, reason)  # a reason code, never claims
    return render(request, "sso/refused.html", {"message": message, "provider": provider}, status=403)


def _msg_failed() -> str:
    return _("Vi kunne ikke bekræfte dit login. Prøv igen, eller log ind med brugernavn og adgangskode.")


def _log_in(request: HttpRequest, provider: IdentityProvider, subject: str, claims: dict,
            next_url: str = "") -> HttpResponse:
    try:
        user = services.sso_user_for(provider=provider, subject=subject, claims=claims)
    except services.Refused as refusal:
        return _refused(request, refusal.message, refusal.reason, provider)
    login(request, user, backend=BACKEND)  # a new session; logins tracks it, so it can be ended from elsewhere
    audit_record(actor=user, action=AuditAction.LOGIN, object_type="login_sso",
                 detail={"provider": provider.pk, "protocol": provider.protocol})
    if next_url and url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()},
                                                    require_https=request.is_secure()):
        return redirect(next_url)
    return redirect("core:home")


@never_cache
@login_not_required
@require_GET
def oidc_start(request: HttpRequest, pk: int) -> HttpResponse:
    provider = _active_provider(pk, Protocol.OIDC)
    request.session[NEXT_KEY] = safe_next(request, "")
    try:
        return oidc.authorize_redirect(request, provider)
    except oidc.OidcFailure as exc:
        return _refused(request, _("Vi kan ikke få kontakt til %(name)s lige nu. Prøv igen om lidt, eller log "
                                   "ind med brugernavn og adgangskode.") % {"name": provider.name}, str(exc), provider)


@never_cache
@login_not_required
@require_GET
def oidc_callback(request: HttpRequest, pk: int) -> HttpResponse:
    provider = _active_provider(pk, Protocol.OIDC)
    if error := request.GET.get("error"):
        return _refused(request, _("Login blev afbrudt hos %(name)s. Du er ikke logget ind.") % {"name": provider.name},
                        f"provider error {error[:40]!r}", provider)
    try:
        claims = oidc.verified_claims(request, provider)
    except oidc.OidcFailure as exc:
        return _refused(request, _msg_failed(), str(exc), provider)
    return _log_in(request, provider, str(claims.get("sub") or ""), claims, str(request.session.pop(NEXT_KEY, "")))


@never_cache
@login_not_required
@require_GET
def saml_login(request: HttpRequest, pk: int) -> HttpResponse:
    provider = _active_provider(pk, Protocol.SAML)
    try:
        location = saml.login_redirect(request, provider, next_url=safe_next(request, ""))
    except Exception as exc:  # noqa: BLE001 - a configuration pysaml2 cannot use: a Danish page, not a 500
        return _refused(request, _msg_failed(), f"cannot build the request ({type(exc).__name__})", provider)
    return redirect(location)


@csrf_exempt  # the IdP's cross-site POST; the signed assertion answering our own request is the proof
@never_cache
@login_not_required
@require_POST
def saml_acs(request: HttpRequest, pk: int) -> HttpResponse:
    provider = _active_provider(pk, Protocol.SAML)
    try:
        subject, attributes, next_url = saml.verified_login(request, provider,
                                                            request.POST.get("SAMLResponse", "")[:1_000_000])
    except saml.BadResponse as exc:
        return _refused(request, _msg_failed(), str(exc), provider)
    return _log_in(request, provider, subject, attributes, next_url)


@login_not_required
@require_GET
def saml_metadata(request: HttpRequest, pk: int) -> HttpResponse:
    """Our SP metadata for this provider (public by nature: the IdP's administrator loads it)."""
    provider = _active_provider(pk, Protocol.SAML)
    return HttpResponse(saml.metadata_xml(request, provider), content_type="application/samlmetadata+xml")
