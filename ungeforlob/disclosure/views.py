"""The staff side: what is withheld from the young person's own view, and the decision to withhold or lift."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ungeforlob import policy
from ungeforlob.core.forms import run_service
from ungeforlob.disclosure import selectors, services
from ungeforlob.disclosure.access import may_withhold
from ungeforlob.disclosure.forms import ConfirmForm, WithholdForm
from ungeforlob.disclosure.models import Withholding

TAB = "disclosure:youth"


@require_http_methods(["GET", "POST"])
def youth(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """The withholdings in force and lifted, and (for the contact person and caseworker) the form."""
    youth = policy.get_youth_for(request.user, youth_pk, what="disclosure")
    may = may_withhold(request.user, youth)
    if request.method == "POST" and not may:
        raise Http404
    items = selectors.items_for_staff(selectors.written_items(youth))
    withholdings = list(Withholding.objects.filter(youth=youth))
    in_force = {(w.kind, w.item_id) for w in withholdings if w.lifted_at is None}
    form = WithholdForm(request.POST if request.method == "POST" else None, items=items, withheld=in_force)
    if request.method == "POST" and form.is_valid():
        ok, _w, form = run_service(form, lambda: services.withholding_create(
            actor=request.user, youth=youth, **form.service_data))
        if ok:
            messages.success(request, _("Det er undtaget. Den unge ser, at noget er undtaget, og hvorfor."))
            return redirect("disclosure:youth", youth.pk)
    return render(request, "disclosure/youth.html", {
        "youth": youth, "tab": TAB, "form": form if may else None, "withholdings": withholdings,
        "reasons": selectors.YOUTH_REASON}, status=400 if form.is_bound else 200)


@require_http_methods(["GET", "POST"])
def lift(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    """GET asks; POST shows the item to the young person again."""
    youth = policy.get_youth_for(request.user, youth_pk, what="disclosure")
    if not may_withhold(request.user, youth):
        raise Http404
    withholding = policy.access(Withholding.objects.in_force(), user=request.user, youth=youth, pk=pk)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, _w, form = run_service(form, lambda: services.withholding_lift(actor=request.user, youth=youth,
                                                                           withholding=withholding))
        if ok:
            messages.success(request, _("Den unge kan se det igen."))
            return redirect("disclosure:youth", youth.pk)
    return render(request, "disclosure/lift.html", {"youth": youth, "tab": TAB, "form": form,
                                                    "withholding": withholding})
