"""The municipality's retention pages: the rules (administrators edit, leaders read), the dry run with its
confirmation, the history of runs, and marking data handed to the archive. Counts only, never a young person."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob.core.decorators import administrator_required, leader_required
from ungeforlob.core.forms import run_service
from ungeforlob.retention import selectors, services
from ungeforlob.retention.forms import AutomaticForm, ConfirmForm, RuleForm
from ungeforlob.retention.kinds import KINDS_BY_KEY
from ungeforlob.retention.models import Disposal


def _municipality(request: HttpRequest) -> Any:
    if request.user.municipality_id is None:
        raise Http404
    return request.user.municipality


@leader_required
def rules(request: HttpRequest) -> HttpResponse:
    municipality = _municipality(request)
    return render(request, "retention/rules.html", {
        "rules": selectors.rules_for(municipality),
        "automatic_form": AutomaticForm(initial={"automatic": selectors.is_automatic(municipality)}),
        "automatic": selectors.is_automatic(municipality),
    })


@administrator_required
@require_http_methods(["GET", "POST"])
def rule_edit(request: HttpRequest, kind: str) -> HttpResponse:
    definition = KINDS_BY_KEY.get(kind)
    if definition is None:
        raise Http404
    municipality = _municipality(request)
    rule = selectors.rule_for(municipality, kind)
    initial = {"keep_for": rule.keep_for, "unit": rule.unit, "disposal": rule.disposal,
               "legal_basis": rule.legal_basis, "archive_note": rule.archive_note, "version": rule.version}
    form = RuleForm(request.POST or None, initial=initial, kind=definition)
    if request.method == "POST" and form.is_valid():
        def stale(exc: ValidationError) -> RuleForm | None:
            if hasattr(exc, "error_dict"):
                return None
            fresh = selectors.rule_for(municipality, kind)
            data = request.POST.copy()
            data["version"] = str(fresh.version)
            rebound = RuleForm(data, kind=definition)
            rebound.is_valid()
            return rebound

        ok, _rule, form = run_service(form, lambda: services.retention_rule_save(
            actor=request.user, municipality=municipality, kind=kind, **form.cleaned_data), on_error=stale)
        if ok:
            messages.success(request, _("Reglen for %(kind)s er gemt.") % {"kind": definition.label})
            return redirect("retention:rules")
    return render(request, "retention/rule_form.html", {"form": form, "rule": rule, "kind": definition})


@administrator_required
@require_POST
def automatic(request: HttpRequest) -> HttpResponse:
    form = AutomaticForm(request.POST)
    if form.is_valid():
        services.retention_setup_set(actor=request.user, municipality=_municipality(request),
                                     automatic=form.cleaned_data["automatic"])
        if form.cleaned_data["automatic"]:
            messages.success(request, _("Reglerne køres nu automatisk hver nat."))
        else:
            messages.success(request, _("Reglerne køres ikke længere automatisk."))
    return redirect("retention:rules")


@leader_required
def dry_run(request: HttpRequest) -> HttpResponse:
    due = selectors.dry_run(_municipality(request))
    return render(request, "retention/dry_run.html", {
        "due": due, "anything": any(d.youth for d in due),
        "awaiting": [d for d in due if d.awaiting_archive],
    })


@administrator_required
@require_http_methods(["GET", "POST"])
def run(request: HttpRequest) -> HttpResponse:
    municipality = _municipality(request)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, done, form = run_service(form, lambda: services.retention_run(municipality=municipality,
                                                                          actor=request.user))
        if ok:
            messages.success(request, _("Kørslen er gennemført: %(n)s unges data blev behandlet.") % {"n": done.total})
            return redirect("retention:runs")
    due = selectors.dry_run(municipality)
    return render(request, "retention/run_confirm.html", {"form": form, "due": due,
                                                          "anything": any(d.youth for d in due)})


@leader_required
def runs(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.runs(_municipality(request)), 25).get_page(request.GET.get("side"))
    labels = {kind.key: kind.label for kind in KINDS_BY_KEY.values()}
    rows = [{"run": r, "counts": [(labels.get(k, k), c) for k, c in r.counts.items() if c.get("youth")
                                  or c.get("awaiting_archive")]} for r in page.object_list]
    return render(request, "retention/runs.html", {"page": page, "rows": rows})


@administrator_required
@require_http_methods(["GET", "POST"])
def archive(request: HttpRequest, kind: str) -> HttpResponse:
    definition = KINDS_BY_KEY.get(kind)
    if definition is None:
        raise Http404
    municipality = _municipality(request)
    rule = selectors.rule_for(municipality, kind)
    if rule.disposal != Disposal.ARCHIVE:
        raise Http404
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, count, form = run_service(form, lambda: services.archive_mark_transferred(
            actor=request.user, municipality=municipality, kind=kind))
        if ok:
            messages.success(request, _("%(n)s unges data er markeret som afleveret til arkiv. Den næste kørsel "
                                        "sletter kommunens egen kopi.") % {"n": count})
            return redirect("retention:dry_run")
    due = next(d for d in selectors.dry_run(municipality) if d.rule.kind == kind)
    return render(request, "retention/archive_confirm.html", {"form": form, "kind": definition, "due": due,
                                                              "rule": rule})
