from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.module_loading import import_string

from ungeforlob.core.decorators import leader_required
from ungeforlob.insights.filters import LeaderFilterForm
from ungeforlob.insights.sections import LEADER_SECTIONS
from ungeforlob.insights.selectors import now_figures
from ungeforlob.insights.tables import FORMATS, TABLE_SOURCES, export_response
from ungeforlob.logins.sessions import reauth_required


@leader_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Ledelse: every section's figures for the leader's municipality, in the filters, as aggregates only."""
    form = LeaderFilterForm(request.GET, user=request.user)
    filters = form.filters()
    sections = []
    for section in LEADER_SECTIONS:
        context: dict[str, Any] = {}
        if section.context:
            context = import_string(section.context)(filters, request.user)
        sections.append((section, context))
    return render(request, "insights/dashboard.html", {
        "filter_form": form, "filters": filters, "filter_querystring": filters.querystring,
        "sections": sections, "now": now_figures(filters)})


@leader_required
@reauth_required
def export(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    """One leader table as CSV or XLSX, in the filters of the page it was on."""
    prefix = slug.split("-", 1)[0]
    if fmt not in FORMATS or prefix not in TABLE_SOURCES:
        raise Http404
    filters = LeaderFilterForm(request.GET, user=request.user).filters()
    table = next((t for t in import_string(TABLE_SOURCES[prefix])(filters) if t.slug == slug), None)
    if table is None:
        raise Http404
    return export_response(table=table, fmt=fmt, actor=request.user, filters=filters)
