"""The work-readiness self-evaluation, filled in by the young person with a professional.

Everything here is about one young person, reached through `policy.get_youth_for`; there is no page that
lists or compares rounds of different young people.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.core.forms import ALREADY_SUBMITTED, run_service
from ungeforlob.policy import Action
from ungeforlob.progression import pdf, selectors, services
from ungeforlob.progression.forms import (
    DimensionAnswersForm,
    FinishForm,
    FollowUpForm,
    ReadingForm,
    StartForm,
    answers_initial,
)
from ungeforlob.progression.models import SelfEvaluationRound
from ungeforlob.progression.questionnaire import DIMENSION_INTRO, DIMENSION_ORDER, Dimension

TAB = "progression:overview"
WRITE = Action.WRITE_PROGRESSION


def _youth(request: HttpRequest, youth_pk: int, *, write: bool = False, audit: bool = True) -> Any:
    return policy.get_youth_for(request.user, youth_pk, what="selvevaluering", audit=audit,
                                action=WRITE if write else Action.VIEW)


def _round(request: HttpRequest, youth: Any, pk: int, *, write: bool = False) -> SelfEvaluationRound:
    """One of the youth's rounds (404 for another youth's, or when the user may not do what the page does)."""
    rounds: QuerySet[SelfEvaluationRound] = selectors.rounds_with_answers()
    return policy.access(rounds, user=request.user, youth=youth, pk=pk, action=WRITE if write else Action.VIEW)


def overview(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = _youth(request, youth_pk)
    context = selectors.self_evaluation_overview(youth)
    context.update(youth=youth, tab=TAB, subtab="selvevaluering", can_write=policy.can(request.user, WRITE, youth),
                   start_form=StartForm())
    return render(request, "progression/selfeval_overview.html", context)


@require_POST
def start(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Start a round (or continue the one in progress). The same button sent twice starts one round."""
    youth = _youth(request, youth_pk, write=True)
    form = StartForm(request.POST)
    form.is_valid()  # only the optional one-time token
    ok, round, _form = run_service(form, lambda: services.self_evaluation_start(youth=youth, actor=request.user))
    if not ok:
        messages.info(request, ALREADY_SUBMITTED)
        return redirect("progression:selfeval_overview", youth.pk)
    return redirect("progression:selfeval_answer", youth.pk, round.pk, DIMENSION_ORDER[0])


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, youth_pk: int, pk: int, dimension: str) -> HttpResponse:
    """One dimension per page: its statements (1–5 or ved ikke) and the youth's own goal."""
    youth = _youth(request, youth_pk, write=True)
    round = _round(request, youth, pk, write=True)
    if dimension not in DIMENSION_ORDER:
        raise Http404
    if not round.is_in_progress:
        return redirect("progression:selfeval_round", youth.pk, round.pk)
    profile = selectors.round_profile(round)
    group = next(g for g in profile["groups"] if g["code"] == dimension)
    form = DimensionAnswersForm(request.POST or None, dimension=dimension, initial=answers_initial(group))
    index = DIMENSION_ORDER.index(dimension)
    if request.method == "POST" and form.is_valid():
        ok, _saved, form = run_service(form, lambda: services.self_evaluation_answer(
            round=round, answers=form.answers(), goals=form.goals(), actor=request.user))
        if ok:
            if request.POST.get("back") and index > 0:
                return redirect("progression:selfeval_answer", youth.pk, round.pk, DIMENSION_ORDER[index - 1])
            if index + 1 < len(DIMENSION_ORDER):
                return redirect("progression:selfeval_answer", youth.pk, round.pk, DIMENSION_ORDER[index + 1])
            return redirect("progression:selfeval_finish", youth.pk, round.pk)
    return render(request, "progression/selfeval_answer.html", {
        "youth": youth, "round": round, "form": form, "tab": TAB, "subtab": "selvevaluering", "dimension": Dimension(dimension),
        "intro": DIMENSION_INTRO[dimension], "index": index + 1, "count": len(DIMENSION_ORDER),
        "steps": profile["groups"], "is_last": index + 1 == len(DIMENSION_ORDER),
    })


@require_http_methods(["GET", "POST"])
def finish(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    """The profile picture, and the young person's decision: keep it, or print it and let it go."""
    youth = _youth(request, youth_pk, write=True)
    round = _round(request, youth, pk, write=True)
    if not round.is_in_progress:
        return redirect("progression:selfeval_round", youth.pk, round.pk)
    form = FinishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        keep = form.cleaned_data["keep"] == "ja"
        ok, _finished, form = run_service(form, lambda: services.self_evaluation_finish(
            round=round, keep=keep, actor=request.user))
        if ok:
            if keep:
                messages.success(request, _("Profilen er gemt."))
            else:
                messages.info(request, _("Profilen gemmes ikke. Udskriv den nu, hvis den unge vil have den med."))
            return redirect("progression:selfeval_round", youth.pk, round.pk)
    context = selectors.self_evaluation_overview(youth, focus=round)
    context.update(youth=youth, round=round, form=form, tab=TAB, subtab="selvevaluering")
    return render(request, "progression/selfeval_finish.html", context)


def round_detail(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = _youth(request, youth_pk)
    round = _round(request, youth, pk)
    if round.is_in_progress:
        return redirect("progression:selfeval_answer", youth.pk, round.pk, DIMENSION_ORDER[0])
    context = selectors.self_evaluation_overview(youth, focus=round)
    context.update(youth=youth, round=round, tab=TAB, subtab="selvevaluering", can_write=policy.can(request.user, WRITE, youth),
                   follow_up_form=FollowUpForm(initial={"note": round.follow_up_note}), reading_form=ReadingForm())
    return render(request, "progression/selfeval_round.html", context)


@require_POST
def follow_up(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = _youth(request, youth_pk, write=True)
    round = _round(request, youth, pk, write=True)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        try:
            services.self_evaluation_follow_up(round=round, note=form.cleaned_data["note"], actor=request.user)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Opfølgningen er gemt."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("progression:selfeval_round", youth.pk, round.pk)


@require_http_methods(["GET", "POST"])
def reading(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = _youth(request, youth_pk, write=True)
    round = _round(request, youth, pk, write=True)
    if not round.is_kept:
        return redirect("progression:selfeval_round", youth.pk, round.pk)
    form = ReadingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _reading, form = run_service(form, lambda: services.professional_reading_add(
            round=round, actor=request.user, text=form.cleaned_data["text"], scores=form.scores()))
        if ok:
            messages.success(request, _("Din læsning er gemt ved siden af den unges svar."))
            return redirect("progression:selfeval_round", youth.pk, round.pk)
    return render(request, "progression/selfeval_reading.html",
                  {"youth": youth, "round": round, "form": form, "tab": TAB, "subtab": "selvevaluering"})


@require_http_methods(["GET", "POST"])
def round_pdf(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    """The profile as PDF. A kept round prints with GET; a round not to be kept prints once, by POST, and is
    deleted in the same step."""
    printing_deletes = request.method == "POST"  # only a round not to be kept prints by POST, and is deleted
    youth = _youth(request, youth_pk, write=printing_deletes, audit=False)
    round = _round(request, youth, pk, write=printing_deletes)
    if round.is_in_progress or (not round.is_kept and request.method != "POST"):
        return redirect("progression:selfeval_round", youth.pk, round.pk)
    content = pdf.round_pdf(youth, round)
    discarded = services.self_evaluation_printed(round=round, actor=request.user)
    response = HttpResponse(content, content_type="application/pdf")
    name = f"profil-{round.started_at:%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    if discarded:
        response["X-Round-Discarded"] = "1"
    return response


@require_http_methods(["GET", "POST"])
def discard(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    """GET asks; POST deletes the round at the young person's wish."""
    youth = _youth(request, youth_pk, write=True)
    round = _round(request, youth, pk, write=True)
    if request.method == "POST":
        services.self_evaluation_discard(round=round, actor=request.user)
        messages.success(request, _("Runden er slettet."))
        return redirect("progression:selfeval_overview", youth.pk)
    return render(request, "progression/selfeval_discard.html", {"youth": youth, "round": round, "tab": TAB, "subtab": "selvevaluering"})
