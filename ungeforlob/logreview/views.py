"""The data protection officer's log review: samples, the review of one read, the report, the export; and the
page where a member of staff answers the officer's question."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ungeforlob import policy
from ungeforlob.core.forms import run_service
from ungeforlob.logreview import access, exports, forms, selectors, services


def index(request: HttpRequest) -> HttpResponse:
    access.require_reviewer(request.user)
    samples = list(selectors.samples_for(request.user)[:60])
    return render(request, "logreview/index.html", {"samples": samples})


def sample(request: HttpRequest, pk: int) -> HttpResponse:
    access.require_reviewer(request.user)
    found = selectors.sample_for(request.user, policy.pk_or_404(pk))
    if found is None:
        raise Http404
    show = request.GET.get("vis", "alle")
    show = show if show in selectors.ROW_FILTERS else "alle"
    rows = list(selectors.sample_rows(found, show=show))
    return render(request, "logreview/sample.html", {"sample": found, "rows": rows, "show": show,
                                                     "filters": selectors.ROW_FILTERS})


@require_http_methods(["GET", "POST"])
def review(request: HttpRequest, pk: int) -> HttpResponse:
    row = access.get_row_for_reviewer(request.user, pk)
    initial = {"outcome": row.outcome, "note": row.note, "version": row.version}
    form = forms.ReviewForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _row, form = run_service(form, lambda: services.sampled_read_review(
            actor=request.user, row=row, **form.service_data))
        if ok:
            messages.success(request, _("Vurderingen er gemt."))
            return redirect("logreview:sample", row.sample_id)
    return render(request, "logreview/review.html", {"row": row, "form": form})


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    row = access.get_row_for_answer(request.user, pk)
    form = forms.AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _row, form = run_service(form, lambda: services.sampled_read_answer(
            actor=request.user, row=row, **form.service_data))
        if ok:
            messages.success(request, _("Tak. Dit svar er sendt til databeskyttelsesrådgiveren."))
            return redirect("logreview:answer", row.pk)
    return render(request, "logreview/answer.html", {"row": row, "form": form})


def report(request: HttpRequest) -> HttpResponse:
    access.require_reviewer(request.user)
    years = list(selectors.samples_for(request.user).dates("month", "year", order="DESC"))
    try:
        year = int(request.GET.get("aar") or (years[0].year if years else timezone.localdate().year))
    except ValueError:
        year = timezone.localdate().year
    year = min(max(year, 2000), 2100)
    samples = list(selectors.samples_for(request.user, year=year).order_by("month"))
    totals = {key: sum(getattr(s, key) for s in samples)
              for key in ("population", "sampled", "reviewed", "justified", "asked", "answered", "not_justified")}
    return render(request, "logreview/report.html", {"samples": samples, "year": year, "years": years,
                                                     "totals": totals, "today": timezone.localdate()})


@require_http_methods(["GET", "POST"])
def export(request: HttpRequest) -> HttpResponse:
    access.require_exporter(request.user)
    form = forms.ExportForm(request.POST or None, professionals=policy.visible_professionals(request.user)
                            .order_by("first_name", "last_name"))
    if request.method == "POST" and form.is_valid():
        ok, result, form = run_service(form, lambda: services.log_export(actor=request.user, **form.cleaned_data))
        if ok:
            rows, name = result
            if form.cleaned_data["fmt"] == "xlsx":
                response: HttpResponse = HttpResponse(exports.xlsx_bytes(rows), content_type=exports.XLSX_TYPE)
                response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
                return response
            streamed = StreamingHttpResponse(exports.csv_stream(rows), content_type=exports.CSV_TYPE)
            streamed["Content-Disposition"] = f'attachment; filename="{name}.csv"'
            return streamed
    return render(request, "logreview/export.html", {"form": form})
