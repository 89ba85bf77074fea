from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ungeforlob.core.decorators import leader_required
from ungeforlob.insights.selectors import overview


@leader_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Ledelsesoverblik: the flow and the caseloads, as figures only."""
    return render(request, "insights/dashboard.html", overview(municipality_id=request.user.municipality_id))
