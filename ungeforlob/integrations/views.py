"""The administrator's pages for integration clients: list, register (the token is shown once), revoke."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ungeforlob.core.decorators import administrator_required
from ungeforlob.core.forms import run_service
from ungeforlob.integrations import selectors, services
from ungeforlob.integrations.forms import ApiClientForm, RevokeForm
from ungeforlob.integrations.scopes import Scope

# The token made by the last registration, kept in the session only until the page that shows it once.
NEW_TOKEN_KEY = "integrations_new_token"


@administrator_required
@require_GET
def client_list(request: HttpRequest) -> HttpResponse:
    q = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "navn")
    rows = selectors.clients_for(municipality_id=request.user.municipality_id, q=q, sort=sort)
    page = Paginator(rows, 50).get_page(request.GET.get("side"))
    return render(request, "integrations/client_list.html", {"page": page, "q": q, "sort": sort})


@administrator_required
@require_http_methods(["GET", "POST"])
def client_create(request: HttpRequest) -> HttpResponse:
    form = ApiClientForm(request.POST or None, municipality_id=request.user.municipality_id)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ok, result, form = run_service(form, lambda: services.apiclient_register(
            actor=request.user, organisation=data["organisation"], name=data["name"], scopes=data["scopes"],
            expires_at=form.expires_moment()))
        if ok:
            client, token = result
            request.session[NEW_TOKEN_KEY] = {"pk": client.pk, "token": token}
            return redirect("integrations:client_detail", client.pk)
    return render(request, "integrations/client_form.html", {"form": form})


@administrator_required
@require_GET
def client_detail(request: HttpRequest, pk: int) -> HttpResponse:
    client = selectors.own_client(request.user, pk)
    token = None
    shown = request.session.get(NEW_TOKEN_KEY)
    if isinstance(shown, dict) and shown.get("pk") == client.pk:
        token = shown.get("token")
        del request.session[NEW_TOKEN_KEY]  # shown once: a reload shows it no more
    labels = dict(Scope.choices)
    response = render(request, "integrations/client_detail.html", {
        "client": client, "token": token, "scopes": [labels.get(s, s) for s in client.scopes]})
    if token:
        response["Cache-Control"] = "no-store"
    return response


@administrator_required
@require_http_methods(["GET", "POST"])
def client_revoke(request: HttpRequest, pk: int) -> HttpResponse:
    client = selectors.own_client(request.user, pk)
    form = RevokeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(form, lambda: services.apiclient_revoke(actor=request.user, client=client))
        if ok:
            messages.success(request, _("Tokenet er tilbagekaldt. Systemet kan ikke længere kalde API'et."))
            return redirect("integrations:client_list")
    return render(request, "integrations/client_revoke.html", {"client": client, "form": form})


