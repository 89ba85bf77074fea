"""The open door: a public page per municipality (no login), its offers as open data, and the edit form.

The public views are `login_not_required` and read nothing about young people. The edit form is for the
municipality's own leaders and administrators (`policy.is_leader`); another municipality's code answers 404.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from ungeforlob import policy
from ungeforlob.core.forms import keep_on_stale, run_service
from ungeforlob.offers import exchange
from ungeforlob.offers.selectors import with_load
from ungeforlob.openinfo import selectors, services
from ungeforlob.openinfo.defaults import DEFAULT_TEXTS
from ungeforlob.openinfo.forms import PageForm


@login_not_required
@require_GET
def index(request: HttpRequest) -> HttpResponse:
    """The municipalities whose page is published (the staff login page links here)."""
    return render(request, "openinfo/index.html", {"municipalities": list(selectors.published_municipalities())})


@login_not_required
@require_GET
def page(request: HttpRequest, code: str) -> HttpResponse:
    public = selectors.published_page(code)
    return render(request, "openinfo/page.html", selectors.public_context(public))


@login_not_required
@require_GET
def hsds(request: HttpRequest, code: str) -> HttpResponse:
    """The municipality's active offers as Open Referral HSDS 3 JSON, only when it turned the feed on (404
    otherwise). The same feed staff download from the catalogue, without the offers no longer running."""
    public = selectors.published_page(code)
    if not public.hsds_public:
        raise Http404
    offers = (with_load(selectors.active_offers(public.municipality_id)).select_related("municipality")
              .prefetch_related("need_tags"))
    body = exchange.hsds_page([exchange.hsds_service(o, in_use=o.in_use) for o in offers])
    response = HttpResponse(json.dumps(body, ensure_ascii=False, indent=2), content_type="application/json")
    response["Access-Control-Allow-Origin"] = "*"  # open data: any site may read it
    return response


@require_http_methods(["GET", "POST"])
def edit(request: HttpRequest, code: str) -> HttpResponse:
    """The municipality writes its page in sections; leaders and administrators of that municipality only."""
    if not policy.is_leader(request.user) or request.user.municipality_id is None:
        raise PermissionDenied
    municipality, current = selectors.page_for_edit(request.user, code)
    if current is not None:
        initial = {f: getattr(current, f) for f in (*services.TEXT_FIELDS, *services.FLAG_FIELDS, "version")}
    else:
        initial = {**{k: str(v) for k, v in DEFAULT_TEXTS.items()}, "show_procedures": True, "show_offers": True,
                   "version": 0}
    form = PageForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.service_data
        data["version"] = data.get("version") or 0

        ok, saved, form = run_service(form, lambda: services.public_page_save(actor=request.user, **data),
                                      on_error=keep_on_stale(form, PageForm))
        if ok:
            messages.success(request, _("Siden er gemt.") if not saved.published
                             else _("Siden er gemt og kan ses af alle."))
            return redirect("openinfo:edit", municipality.code)
    return render(request, "openinfo/edit.html", {"form": form, "municipality": municipality, "page": current})
