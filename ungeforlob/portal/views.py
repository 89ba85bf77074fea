from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob.core.forms import apply_validation_error
from ungeforlob.portal import selectors, services
from ungeforlob.portal.auth import portal_login, portal_logout, youth_required
from ungeforlob.portal.forms import CodeForm, FeedbackForm, MobileForm

PENDING_KEY = "portal_pending"


@login_not_required
@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    form = MobileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ids = services.login_code_request(mobile=form.cleaned_data["mobile"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            request.session[PENDING_KEY] = ids
            return redirect("portal:code")
    return render(request, "portal/login.html", {"form": form})


@login_not_required
@require_http_methods(["GET", "POST"])
def code(request: HttpRequest) -> HttpResponse:
    if PENDING_KEY not in request.session:
        return redirect("portal:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            youth = services.login_code_verify(youth_ids=request.session[PENDING_KEY], code=form.cleaned_data["code"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            portal_login(request, youth)
            return redirect("portal:home")
    return render(request, "portal/code.html", {"form": form})


@login_not_required
@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    portal_logout(request)
    messages.info(request, _("Du er logget ud."))
    return redirect("portal:login")


@youth_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {"youth": request.youth})


@youth_required
def chain(request: HttpRequest) -> HttpResponse:
    services.portal_read(youth=request.youth, what="chain")
    return render(request, "portal/chain.html", {"youth": request.youth, "members": selectors.my_chain(request.youth)})


@youth_required
def access_log(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.who_has_looked(request.youth), 50).get_page(request.GET.get("side"))
    show_names = request.youth.municipality.show_staff_names_to_youth
    return render(request, "portal/access_log.html", {"youth": request.youth, "page": page, "show_names": show_names})


@youth_required
@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest) -> HttpResponse:
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.feedback_give(youth=request.youth, **form.cleaned_data)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Tak! Dit svar hjælper os med at blive bedre."))
            return redirect("portal:home")
    return render(request, "portal/feedback.html", {"youth": request.youth, "form": form})


@youth_required
def data_download(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/data.html", {"youth": request.youth})


@youth_required
def data_json(request: HttpRequest) -> HttpResponse:
    services.export_record(youth=request.youth, fmt="json")
    sections = selectors.export_data(request.youth)
    payload = {"udtrukket": timezone.now().isoformat(), "sektioner": {title: rows for title, rows in sections}}
    response = HttpResponse(json.dumps(payload, ensure_ascii=False, indent=2, default=str),
                            content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mine-data.json"'
    return response


@youth_required
def data_pdf(request: HttpRequest) -> HttpResponse:
    from weasyprint import HTML

    services.export_record(youth=request.youth, fmt="pdf")
    html = render_to_string("portal/data_pdf.html", {"youth": request.youth, "sections": selectors.export_data(request.youth),
                                                     "now": timezone.now()})
    pdf = HTML(string=html, base_url=request.build_absolute_uri("/")).write_pdf()
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="mine-data.pdf"'
    return response
