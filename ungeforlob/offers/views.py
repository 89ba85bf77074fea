from __future__ import annotations

import json

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ungeforlob import policy
from ungeforlob.audit.services import audit_record_list
from ungeforlob.core.decorators import administrator_required, leader_required
from ungeforlob.core.forms import apply_validation_error, run_service
from ungeforlob.offers import exchange, selectors, services
from ungeforlob.offers.forms import AssessmentForm, ImportForm, LinkForm, OfferForm, OfferSearchForm
from ungeforlob.offers.models import Offer, OfferImport, ReadinessLevel

PAGE_SIZE = 25


def _offer_or_404(request: HttpRequest, pk: int) -> Offer:
    offer = selectors.get_offer_for(request.user, pk)
    if offer is None:
        raise Http404
    return offer


def offer_list(request: HttpRequest) -> HttpResponse:
    """Find an offer: every professional of the municipality may search the catalogue."""
    form = OfferSearchForm(request.GET, need_tags=selectors.need_tags_for(request.user))
    f = form.to_filter()
    page = Paginator(selectors.search_offers(request.user, f), PAGE_SIZE).get_page(request.GET.get("side"))
    template = "offers/_offer_table.html" if request.htmx else "offers/offer_list.html"
    return render(request, template, {"form": form, "page": page, "f": f, "sort": f.sort,
                                      "is_admin": policy.is_administrator(request.user)})


def offer_detail(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _offer_or_404(request, pk)
    profile = selectors.practice_profile(offer)
    mine = selectors.my_youths_using(request.user, offer)
    audit_record_list(actor=request.user, youths={a.subgoal.goal.youth for a in mine},
                      purpose=_("Tilbud: %(name)s") % {"name": offer.name})
    return render(request, "offers/offer_detail.html", {
        "offer": offer, "profile": profile, "summary": selectors.practice_summary(profile), "mine": mine,
        "is_admin": policy.is_administrator(request.user),
    })


@administrator_required
@require_http_methods(["GET", "POST"])
def offer_create(request: HttpRequest) -> HttpResponse:
    form = OfferForm(request.POST or None, municipality_id=request.user.municipality_id)
    if request.method == "POST" and form.is_valid():
        ok, offer, form = run_service(form, lambda: services.offer_create(
            actor=request.user, values=form.offer_values(), needs=form.cleaned_data["needs"]))
        if ok:
            messages.success(request, _("Tilbuddet %(name)s er oprettet.") % {"name": offer.name})
            return redirect(offer)
    return render(request, "offers/offer_form.html", {"form": form, "offer": None})


@administrator_required
@require_http_methods(["GET", "POST"])
def offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _offer_or_404(request, pk)
    form = OfferForm(request.POST or None, instance=offer, municipality_id=request.user.municipality_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.offer_update(actor=request.user, offer=offer, values=form.offer_values(),
                                  needs=form.cleaned_data["needs"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Tilbuddet er gemt."))
            return redirect(offer)
    return render(request, "offers/offer_form.html", {"form": form, "offer": offer})


@administrator_required
@require_http_methods(["GET", "POST"])
def offer_status(request: HttpRequest, pk: int) -> HttpResponse:
    """Retire an offer, or bring a retired one back (confirmed on a page of its own)."""
    offer = _offer_or_404(request, pk)
    if request.method == "POST":
        services.offer_set_active(actor=request.user, offer=offer, active=not offer.is_active)
        messages.success(request, _("Tilbuddet er aktivt igen.") if offer.is_active
                         else _("Tilbuddet er markeret som udgået."))
        return redirect(offer)
    return render(request, "offers/offer_status.html", {"offer": offer})


@administrator_required
@require_http_methods(["GET", "POST"])
def offer_delete(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _offer_or_404(request, pk)
    if request.method == "POST":
        try:
            services.offer_delete(actor=request.user, offer=offer)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect(offer)
        messages.success(request, _("Tilbuddet %(name)s er slettet.") % {"name": offer.name})
        return redirect("offers:list")
    return render(request, "offers/offer_delete.html", {"offer": offer})


@administrator_required
@require_http_methods(["GET", "POST"])
def offer_assessment(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _offer_or_404(request, pk)
    form = AssessmentForm(request.POST or None, profile=selectors.practice_profile(offer))
    if request.method == "POST" and form.is_valid():
        try:
            services.assessment_save(actor=request.user, offer=offer, ratings=form.ratings())
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Vurderingen af lovende praksis er gemt."))
            return redirect(offer)
    return render(request, "offers/offer_assessment.html", {"form": form, "offer": offer})


@administrator_required
@require_http_methods(["GET", "POST"])
def import_upload(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = services.offer_import_start(actor=request.user, file_name=upload.name,
                                              data=upload.read(exchange.MAX_FILE_BYTES + 1))
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            return redirect("offers:import_status", pk=job.pk)
    recent = OfferImport.objects.filter(municipality_id=request.user.municipality_id).select_related("created_by")[:5]
    return render(request, "offers/import_upload.html", {"form": form, "recent": recent,
                                                         "columns": exchange.COLUMNS})


def _job_or_404(request: HttpRequest, pk: int) -> OfferImport:
    return get_object_or_404(OfferImport, pk=pk, municipality_id=request.user.municipality_id)


@administrator_required
def import_status(request: HttpRequest, pk: int) -> HttpResponse:
    """How far the worker has come with the file (it imports in the background; this page only reads).

    htmx asks again every two seconds for the progress fragment until the import is done."""
    template = "offers/_import_progress.html" if request.htmx else "offers/import_status.html"
    return render(request, template, {"job": _job_or_404(request, pk)})


@administrator_required
def export_file(request: HttpRequest, fmt: str) -> HttpResponse:
    if fmt not in {"csv", "xlsx"}:
        raise Http404
    offers = selectors.catalogue_for(request.user).select_related("provider").prefetch_related("need_tags")
    stamp = timezone.localdate().isoformat()
    if fmt == "xlsx":
        response = HttpResponse(
            exchange.xlsx_export(offers),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = HttpResponse(exchange.csv_export(offers), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="tilbud-{stamp}.{fmt}"'
    return response


def export_hsds(request: HttpRequest) -> HttpResponse:
    """The municipality's catalogue as Open Referral HSDS 3 JSON (no personal data)."""
    offers = selectors.with_load(selectors.catalogue_for(request.user)).select_related(
        "provider", "municipality").prefetch_related("need_tags")
    body = exchange.hsds_page([exchange.hsds_service(o, in_use=o.in_use) for o in offers])
    response = HttpResponse(json.dumps(body, ensure_ascii=False, indent=2), content_type="application/json")
    if request.GET.get("download"):
        response["Content-Disposition"] = 'attachment; filename="tilbud-hsds.json"'
    return response


@leader_required
def usage(request: HttpRequest) -> HttpResponse:
    """For leaders: which offers are used, by how many young people, and what followed — aggregates only."""
    return render(request, "offers/usage.html", selectors.usage_for(request.user))


def youth_offers(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Tilbud on the youth's page: suggestions that fit, and the activities linked to offers."""
    youth = policy.get_youth_for(request.user, youth_pk, what="tilbud")
    activities = selectors.activities_for_linking(youth)
    linked = selectors.linked_activities(youth)
    context = {
        "youth": youth, "tab": "offers:youth", "activities": activities, "linked": linked,
        "linked_offer_ids": {a.offer_id for a in linked}, "can_edit": policy.can(request.user, policy.Action.EDIT, youth),
        "levels": dict(ReadinessLevel.choices),
    }
    context.update(selectors.suggestions_for(youth))
    return render(request, "offers/youth_offers.html", context)


@require_http_methods(["POST"])
def youth_offer_link(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="tilbud", for_edit=True)
    form = LinkForm(request.POST)
    target = reverse("offers:youth", args=[youth.pk])
    offer = selectors.get_offer_for(request.user, request.POST.get("offer"))
    if not form.is_valid() or offer is None:
        messages.error(request, _("Vælg en af den unges aktiviteter og et tilbud fra kataloget."))
        return redirect(target)
    # Another young person's activity is answered like one that does not exist (404), nothing linked.
    activity = selectors.access_activity(request.user, youth, form.cleaned_data["activity"])
    try:
        activity, full = services.activity_link_offer(actor=request.user, youth=youth, activity_id=activity.pk,
                                                      offer=offer)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect(target)
    if full:
        messages.warning(request, _("Aktiviteten »%(activity)s« er knyttet til %(offer)s, men tilbuddet er fuldt "
                                    "(%(n)d på venteliste). Aftal venteliste eller et andet tilbud med udbyderen.")
                         % {"activity": activity.title, "offer": offer.name, "n": offer.waiting_list})
    else:
        messages.success(request, _("Aktiviteten »%(activity)s« er knyttet til %(offer)s.")
                         % {"activity": activity.title, "offer": offer.name})
    return redirect(target)


@require_http_methods(["POST"])
def youth_offer_unlink(request: HttpRequest, youth_pk: int, activity_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="tilbud", for_edit=True)
    activity = selectors.access_activity(request.user, youth, activity_pk)
    try:
        activity, _full = services.activity_link_offer(actor=request.user, youth=youth, activity_id=activity.pk,
                                                       offer=None)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Aktiviteten »%(activity)s« er ikke længere knyttet til et tilbud.")
                         % {"activity": activity.title})
    return redirect("offers:youth", youth_pk=youth.pk)

