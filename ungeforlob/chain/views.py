from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ungeforlob import policy
from ungeforlob.chain.selectors import circle_for


def circle(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Kæden: who is around the young person now, and who has been."""
    youth = policy.get_youth_for(request.user, youth_pk, what="circle")
    context = {"youth": youth, "tab": "chain:circle", "can_edit": policy.can_edit_youth(request.user, youth)}
    context.update(circle_for(youth))
    return render(request, "chain/circle.html", context)
