"""The young person's insight pages that are new in issue 17: "Hvem har kigget" by day and person, and
withdrawing what she has said yes to (a plan share, a consent to share, SMS) after a confirmation page."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ungeforlob.plans.services import plan_share_withdraw
from ungeforlob.portal import selectors, services
from ungeforlob.portal.auth import youth_required
from ungeforlob.portal.forms_insight import LookedFilterForm


@youth_required
def access_log(request: HttpRequest) -> HttpResponse:
    """Grouped by day and person, 20 rows at a time ("Vis flere" shows 20 more), filtered by person and period."""
    youth = request.youth  # type: ignore[attr-defined]
    contact_ids = selectors.contact_person_ids(youth)  # read once: the filter's people and the rows both name them
    form = LookedFilterForm(request.GET or None, people=selectors.looked_people(youth, contact_ids=contact_ids))
    filters = form.cleaned_data if form.is_valid() else {}
    try:
        shown = min(max(int(request.GET.get("vis", selectors.LOOKED_PAGE)), selectors.LOOKED_PAGE),
                    selectors.LOOKED_MAX)
    except ValueError:
        shown = selectors.LOOKED_PAGE
    data = selectors.looked_groups(youth, person=filters.get("person") or "", start=filters.get("start"),
                                   end=filters.get("end"), limit=shown, contact_ids=contact_ids)
    more = request.GET.copy()
    more["vis"] = str(shown + selectors.LOOKED_PAGE)
    return render(request, "portal/access_log.html", {
        "youth": youth, "form": form, "rows": data["rows"], "more": data["more"], "more_query": more.urlencode(),
        "filtered": bool(filters.get("person") or filters.get("start") or filters.get("end"))})


@youth_required
@require_http_methods(["GET", "POST"])
def share_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks ("Er du sikker?"); POST withdraws the consent behind one plan share, at once."""
    youth = request.youth  # type: ignore[attr-defined]
    share = selectors.my_share(youth, pk)
    error = ""
    if request.method == "POST":
        try:
            plan_share_withdraw(youth=youth, share=share, by_youth=True)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Dit samtykke er trukket tilbage. Din plan må ikke bruges mere af %(name)s.")
                             % {"name": share.recipient_name})
            return redirect("portal:consents")
    return render(request, "portal/share_withdraw.html", {"youth": youth, "share": share, "error": error},
                  status=400 if error else 200)


@youth_required
@require_http_methods(["GET", "POST"])
def consent_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks ("Er du sikker?"); POST withdraws one of her consents to share, at once. Another youth's consent
    is a 404; a second POST changes nothing and says the same; an expired one is a Danish message."""
    youth = request.youth  # type: ignore[attr-defined]
    consent = selectors.my_consent(youth, pk)
    error = ""
    if request.method == "POST":
        try:
            services.my_consent_withdraw(youth=youth, consent_id=consent.pk)
        except ValidationError as exc:
            error = " ".join(exc.messages)
        else:
            messages.success(request, _("Dit samtykke er trukket tilbage. Det gælder fra nu."))
            return redirect("portal:consents")
    return render(request, "portal/consent_withdraw.html", {"youth": youth, "consent": consent, "error": error},
                  status=400 if error else 200)


@youth_required
@require_http_methods(["GET", "POST"])
def sms_stop(request: HttpRequest) -> HttpResponse:
    """GET asks what stopping SMS means; POST stops it at once (a second POST changes nothing). No SMS consent at
    all is a 404: there is nothing to stop."""
    youth = request.youth  # type: ignore[attr-defined]
    sms = selectors.my_sms_consent(youth)
    if request.method == "POST":
        services.my_sms_consent_withdraw(youth=youth)
        messages.success(request, _("Dit samtykke er trukket tilbage. Det gælder fra nu."))
        return redirect("portal:consents")
    return render(request, "portal/sms_stop.html", {"youth": youth, "sms": sms})
