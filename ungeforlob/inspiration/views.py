from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ungeforlob.core.forms import run_service
from ungeforlob.inspiration import selectors, services
from ungeforlob.inspiration.forms import PracticeSearchForm, UseForm
from ungeforlob.inspiration.models import Practice

PAGE_SIZE = 25


def _reader(request: HttpRequest) -> None:
    if not selectors.may_read(request.user):
        raise PermissionDenied


def _practice_or_404(slug: str) -> Practice:
    practice = selectors.get_practice(slug)
    if practice is None:
        raise Http404
    return practice


def practice_list(request: HttpRequest) -> HttpResponse:
    """Lovende praksis: other municipalities' projects to learn from (every professional may read it)."""
    _reader(request)
    form = PracticeSearchForm(request.GET)
    f = form.to_filter()
    page = Paginator(selectors.search_practices(f), PAGE_SIZE).get_page(request.GET.get("side"))
    template = "inspiration/_practice_table.html" if request.htmx else "inspiration/practice_list.html"
    return render(request, template, {"form": form, "page": page, "f": f, "sort": f.sort})


def practice_detail(request: HttpRequest, slug: str) -> HttpResponse:
    _reader(request)
    practice = _practice_or_404(slug)
    return render(request, "inspiration/practice_detail.html", {
        "practice": practice, "profile": selectors.profile_rows(practice),
        "described": sum(1 for row in selectors.profile_rows(practice) if row.text),
        "uses": selectors.uses_in_municipality(practice, request.user),
        "may_use": services.may_use(request.user), "form": UseForm(),
    })


@require_http_methods(["GET", "POST"])
def practice_use(request: HttpRequest, slug: str) -> HttpResponse:
    """Brug som inspiration: a draft local offer, linked back to the practice, opened for editing."""
    if not services.may_use(request.user):
        raise PermissionDenied
    practice = _practice_or_404(slug)
    form = UseForm(request.POST if request.method == "POST" else None)  # an empty POST is still a POST
    if request.method == "POST" and form.is_valid():
        ok, result, form = run_service(form, lambda: services.practice_use_as_offer(
            actor=request.user, practice=practice))
        if ok:
            offer, created = result
            if created:
                messages.success(request, _("Der er lavet en kladde til et lokalt tilbud ud fra %(name)s. Tilpas den "
                                            "til kommunen, og gør den aktiv, når den er klar.") % {"name": practice.name})
            else:
                messages.info(request, _("Kommunen har allerede en kladde ud fra %(name)s. Den er åbnet her.")
                              % {"name": practice.name})
            return redirect("offers:edit", offer.pk)
    uses = selectors.uses_in_municipality(practice, request.user)
    return render(request, "inspiration/practice_use.html", {"practice": practice, "form": form, "uses": uses})
