"""Leader pages of the young people's voice, the comparison between municipalities and the quarterly report.

Leaders (and administrators) only, and only their own municipality's figures; no page names a young person.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ungeforlob.core.decorators import leader_required as _leader_required
from ungeforlob.core.forms import run_service
from ungeforlob.voice import access, benchmark, report, selectors, services, tables
from ungeforlob.voice.forms import CommentFilterForm, OptInForm, QuarterForm, ReviewForm
from ungeforlob.voice.quarters import Quarter, last_quarters


def leader_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A leader (or administrator) of a municipality: every figure here is one municipality's."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated and request.user.municipality_id is None:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return _leader_required(wrapped)


@leader_required
def overview(request: HttpRequest) -> HttpResponse:
    """"De unges stemme": answers per quarter over two years, and one quarter's comments to read and answer."""
    form = CommentFilterForm(request.GET or None)
    mid = request.user.municipality_id
    quarter = form.quarter
    quarters = last_quarters(8, until=form.quarters[0])
    voice = report.voice_section(municipality_id=mid, quarters=quarters)
    chosen = next(r for r in voice["rows"] if r["quarter"] == quarter)
    return render(request, "voice/overview.html", {
        "form": form, "quarter": quarter, "rows": voice["rows"], "charts": voice["charts"],
        "quarters_table": tables.quarters_table(voice["rows"]), "chosen": chosen,
        "distribution_table": tables.distribution_table(chosen), "querystring": _range(quarters),
        "comments": selectors.comments_in(municipality_id=mid, quarter=quarter, unread_only=form.unread_only,
                                          page=request.GET.get("side", 1)),
        "unread_only": form.unread_only,
    })


def _range(quarters: list[Quarter]) -> str:
    """The quarter range as insights' filters read it, for the tables' download links."""
    return urlencode({"fra": quarters[0].code, "til": quarters[-1].code})


def _back(kvartal: str) -> str:
    url = reverse("voice:overview")
    q = Quarter.parse(kvartal)
    return f"{url}?{urlencode({'kvartal': q.code})}#kommentarer" if q else f"{url}#kommentarer"


def _on_stale(form: ReviewForm) -> Callable[[Any], ReviewForm | None]:
    """A stale save keeps what the leader wrote and moves the form to the current version (a second "Gem" then
    saves it over the colleague's answer, knowingly)."""
    def on_error(exc: Any) -> ReviewForm | None:
        if not isinstance(exc, services.StaleReview):
            return None
        data = form.data.copy()
        data["version"] = str(exc.current_version)
        fresh = ReviewForm(data)
        fresh.is_valid()
        return fresh
    return on_error


@leader_required
def review(request: HttpRequest, pk: int) -> HttpResponse:
    """One comment: mark it as read, or write what was done about it."""
    feedback = access.reviewable_feedback(request.user, pk)
    if request.method == "POST":
        form = ReviewForm(request.POST)
        if form.is_valid():
            answer = form.cleaned_data["answer"] if form.cleaned_data["action"] == "answer" else None
            ok, _r, form = run_service(form, lambda: services.feedback_review_save(
                actor=request.user, feedback=feedback, answer=answer, version=form.cleaned_data["version"]),
                on_error=_on_stale(form))
            if ok:
                messages.success(request, _("Svaret er gemt.") if answer is not None else _("Markeret som læst."))
                return redirect(_back(form.cleaned_data["kvartal"]))
            feedback = access.reviewable_feedback(request.user, pk)  # with the colleague's answer, to show it
    else:
        current = getattr(feedback, "review", None)
        form = ReviewForm(initial={"answer": current.answer if current else "",
                                   "version": current.version if current else 0,
                                   "kvartal": request.GET.get("kvartal", "")[:10]})
    comment = selectors.comment_shown(feedback)
    return render(request, "voice/review.html", {"form": form, "comment": comment, "pk": feedback.pk,
                                                 "back": _back(form["kvartal"].value() or "")})


@leader_required
def compare(request: HttpRequest) -> HttpResponse:
    """Key figures of the municipalities of this installation, side by side (others by name only if both opted
    in)."""
    mid = request.user.municipality_id
    context = {"several": benchmark.several_municipalities()}
    if context["several"]:
        form = QuarterForm(request.GET or None)
        quarters = last_quarters(4, until=form.quarter)
        data = benchmark.comparison(municipality_id=mid, quarters=quarters)
        context.update(data, form=form, table=tables.compare_table(data), querystring=_range(quarters))
    return render(request, "voice/compare.html", context)


@leader_required
@require_POST
def compare_opt_in(request: HttpRequest) -> HttpResponse:
    form = OptInForm(request.POST)
    if form.is_valid():
        choice = services.benchmark_opt_set(actor=request.user, opted_in=form.cleaned_data["opted_in"])
        messages.success(request, _("Jeres kommune deltager nu med navn i sammenligningen.") if choice.opted_in
                         else _("Jeres kommune vises nu uden navn for de andre kommuner."))
    return redirect("voice:compare")


@leader_required
def report_preview(request: HttpRequest) -> HttpResponse:
    """The quarterly report for the political committee, as a page (the PDF has the same content)."""
    form = QuarterForm(request.GET or None)
    mid = request.user.municipality_id
    context = report.report_context(municipality_id=mid, quarter=form.quarter)
    return render(request, "voice/report_preview.html", {
        **context, "form": form,
        "document": selectors.report_document(municipality_id=mid, quarter=form.quarter)})


@leader_required
def report_pdf(request: HttpRequest) -> HttpResponse:
    """The report's PDF: the one the worker (or a leader's "Lav PDF'en igen") made, or made now if none was."""
    form = QuarterForm(request.GET or None)
    mid = request.user.municipality_id
    document = selectors.report_document(municipality_id=mid, quarter=form.quarter, with_pdf=True)
    if document is None:
        document = services.report_document_prepare(municipality_id=mid, quarter=form.quarter)
    response = HttpResponse(bytes(document.pdf), content_type="application/pdf")
    services.report_export_record(actor=request.user, quarter_code=form.quarter.code)
    response["Content-Disposition"] = f'attachment; filename="kvartalsrapport-{form.quarter.code}.pdf"'
    return response


@leader_required
@require_POST
def report_pdf_refresh(request: HttpRequest) -> HttpResponse:
    """Make the quarter's PDF again now (after figures changed since the worker made it)."""
    form = QuarterForm(request.POST)
    services.report_document_prepare(municipality_id=request.user.municipality_id, quarter=form.quarter)
    messages.success(request, _("PDF'en er lavet igen med tallene, som de er nu."))
    return redirect(f"{reverse('voice:report')}?{urlencode({'kvartal': form.quarter.code})}")
