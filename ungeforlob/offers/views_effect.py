"""The offer's live fact box and its method-and-effect page (read by every professional of the municipality and
by leaders: aggregates only), and the writes behind them (administrators, as for editing the offer itself)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ungeforlob import policy
from ungeforlob.core.decorators import administrator_required
from ungeforlob.core.forms import keep_on_stale, run_service
from ungeforlob.offers import method as method_services
from ungeforlob.offers import selectors
from ungeforlob.offers.factbox import Period, fact_box
from ungeforlob.offers.forms import (
    ChecklistForm,
    EvaluationEntryForm,
    FidelityRoundForm,
    OfferMethodForm,
    PeriodForm,
)
from ungeforlob.offers.models import FidelityItem, Offer, OfferMethod


def _offer_or_404(request: HttpRequest, pk: int) -> Offer:
    """An offer of the user's own municipality; any other is answered like one that does not exist."""
    offer = selectors.get_offer_for(request.user, pk)
    if offer is None:
        raise Http404
    return offer


def _period(request: HttpRequest) -> tuple[PeriodForm, Period]:
    """The period asked for, or the last 12 months (also when the dates are bad: the form shows why)."""
    today = timezone.localdate()
    default = Period.last_12_months(today)
    form = PeriodForm(request.GET or None, initial={"fra": default.start, "til": default.end})
    if form.is_bound and form.is_valid():
        start = form.cleaned_data.get("fra") or default.start
        end = form.cleaned_data.get("til") or today
        if start <= end:
            return form, Period(start, end)
    return form, default


@require_http_methods(["GET"])
def factbox(request: HttpRequest, pk: int) -> HttpResponse:
    """The live fact box for a chosen period (printable: the page has a print stylesheet)."""
    offer = _offer_or_404(request, pk)
    form, period = _period(request)
    box = fact_box(offer, period, today=timezone.localdate())
    return render(request, "offers/factbox.html", {"offer": offer, "form": form, "box": box})


@require_http_methods(["GET"])
def method_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _offer_or_404(request, pk)
    form, period = _period(request)
    page = method_services.method_page(offer)
    box = fact_box(offer, period, today=timezone.localdate())
    return render(request, "offers/method_detail.html", {
        "offer": offer, "page": page, "form": form, "box": box, "is_admin": policy.is_administrator(request.user),
    })


def _method_form(offer: Offer, data: object = None) -> OfferMethodForm:
    instance = OfferMethod.objects.filter(offer=offer).first() or OfferMethod(offer=offer, version=0)
    return OfferMethodForm(data, instance=instance)


@administrator_required
@require_http_methods(["GET", "POST"])
def method_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _offer_or_404(request, pk)
    form = _method_form(offer, request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(
            form,
            lambda: method_services.offer_method_save(actor=request.user, offer=offer, values=form.values(),
                                                      version=form.cleaned_data["version"]),
            on_error=keep_on_stale(form, lambda data: _method_form(offer, data)),
        )
        if ok:
            messages.success(request, _("Metode og effekt er gemt."))
            return redirect("offers:method", pk=offer.pk)
    return render(request, "offers/method_form.html", {"offer": offer, "form": form})


@administrator_required
@require_http_methods(["GET", "POST"])
def checklist_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _offer_or_404(request, pk)
    current = [i.text for i in FidelityItem.objects.filter(offer=offer, is_active=True)]
    form = ChecklistForm(request.POST or None, initial={
        "items": "\n".join(current), "version": method_services.checklist_version(current)})
    if request.method == "POST" and form.is_valid():
        ok, _items, form = run_service(
            form,
            lambda: method_services.fidelity_items_set(actor=request.user, offer=offer, texts=form.texts(),
                                                       version=form.cleaned_data["version"]),
            on_error=keep_on_stale(form, ChecklistForm),
        )
        if ok:
            messages.success(request, _("Tjeklisten er gemt."))
            return redirect("offers:method", pk=offer.pk)
    return render(request, "offers/checklist_form.html", {"offer": offer, "form": form})


@administrator_required
@require_http_methods(["GET", "POST"])
def fidelity_round(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _offer_or_404(request, pk)
    items = list(FidelityItem.objects.filter(offer=offer, is_active=True))
    form = FidelityRoundForm(request.POST or None, items=items, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        ok, _round, form = run_service(form, lambda: method_services.fidelity_round_create(
            actor=request.user, offer=offer, held_on=form.cleaned_data["held_on"],
            note=form.cleaned_data["note"], answers=form.answers()))
        if ok:
            messages.success(request, _("Gennemgangen af tjeklisten er gemt."))
            return redirect("offers:method", pk=offer.pk)
    return render(request, "offers/fidelity_round_form.html", {"offer": offer, "form": form})


@administrator_required
@require_http_methods(["GET", "POST"])
def evaluation_create(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _offer_or_404(request, pk)
    form = EvaluationEntryForm(request.POST or None, initial={"entry_date": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        ok, _entry, form = run_service(form, lambda: method_services.evaluation_entry_create(
            actor=request.user, offer=offer, entry_date=form.cleaned_data["entry_date"],
            text=form.cleaned_data["text"]))
        if ok:
            messages.success(request, _("Evalueringen er skrevet i loggen."))
            return redirect("offers:method", pk=offer.pk)
    return render(request, "offers/evaluation_form.html", {"offer": offer, "form": form})
