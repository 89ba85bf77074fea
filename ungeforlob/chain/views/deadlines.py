"""KUI legal deadlines: recording a plan stop, and the contact and the new offer made in time."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.chain import forms, services
from ungeforlob.chain.models import PlanStop
from ungeforlob.core.forms import run_service
from ungeforlob.policy import Action


@require_http_methods(["GET", "POST"])
def plan_stop_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan_stop", action=Action.EDIT)
    form = forms.PlanStopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, stop, form = run_service(form, lambda: services.plan_stop_record(
            actor=request.user, youth=youth, stopped_on=d["stopped_on"], note=d["note"]))
        if ok:
            messages.success(request, _("Stoppet er registreret. Kontakt senest %(c)s, nyt tilbud senest %(o)s.")
                             % {"c": stop.contact_due.strftime("%d.%m.%Y"), "o": stop.offer_due.strftime("%d.%m.%Y")})
            return redirect("chain:circle", youth.pk)
    return render(request, "chain/member_form.html", {"youth": youth, "form": form, "tab": "chain:circle",
                                                      "title": _("Den unge følger ikke længere sin uddannelsesplan"),
                                                      "intro": _("For unge på 15–17 år skal kommunen tage kontakt "
                                                                 "inden for 5 arbejdsdage og tilbyde en ny aktivitet "
                                                                 "inden for 30 dage.")})


@require_POST
def plan_stop_done(request: HttpRequest, youth_pk: int, pk: int, step: str) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan_stop", action=Action.EDIT)
    stop = policy.access(PlanStop, user=request.user, youth=youth, pk=pk, action=Action.EDIT)
    form = forms.DayForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Skriv en gyldig dato."))
        return redirect("chain:circle", youth.pk)
    d = form.cleaned_data
    if step == "kontakt":
        ok, _stop, form = run_service(form, lambda: services.plan_stop_contact(
            actor=request.user, stop=stop, contacted_on=d["day"]))
    else:
        ok, _stop, form = run_service(form, lambda: services.plan_stop_offer(
            actor=request.user, stop=stop, offered_on=d["day"], offer=d["offer"]))
    if ok:
        messages.success(request, _("Gemt."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("chain:circle", youth.pk)
