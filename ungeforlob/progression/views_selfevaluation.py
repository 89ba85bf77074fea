"""The work-readiness self-evaluation, filled in by the young person with a professional.

Everything here is about one young person, reached through `policy.get_youth_for`; there is no page that
lists or compares rounds of different young people.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.core.forms import apply_validation_error
from ungeforlob.progression import pdf, permissions, selectors, services
from ungeforlob.progression.forms import (
    DimensionAnswersForm,
    FinishForm,
    FollowUpForm,
    ReadingForm,
    answers_initial,
)
from ungeforlob.progression.questionnaire import DIMENSION_INTRO, DIMENSION_ORDER, Dimension

TAB = "progression:overview"


def overview(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="selvevaluering")
    context = selectors.self_evaluation_overview(youth)
    context.update(youth=youth, tab=TAB, subtab="selvevaluering", can_write=permissions.may_write_progression(request.user, youth))
    return render(request, "progression/selfeval_overview.html", context)


@require_POST
def start(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="selvevaluering", for_edit=True)
    round = services.self_evaluation_start(youth=youth, actor=request.user)
    return redirect("progression:selfeval_answer", youth.pk, round.pk, DIMENSION_ORDER[0])


@require_http_methods(["GET", "POST"])
def answer(request: HttpRequest, youth_pk: int, pk: int, dimension: str) -> HttpResponse:
    """One dimension per page: its statements (1–5 or ved ikke) and the youth's own goal."""
    youth = policy.get_youth_for(request.user, youth_pk, what="selvevaluering", for_edit=True)
    round = selectors.self_evaluation_round_for(youth, pk)
    if dimension not in DIMENSION_ORDER:
        raise Http404
    if not round.is_in_progress:
        return redirect("progression:selfeval_round", youth.pk, round.pk)
    profile = selectors.round_profile(round)
    group = next(g for g in profile["groups"] if g["code"] == dimension)
    form = DimensionAnswersForm(request.POST or None, dimension=dimension, initial=answers_initial(group))
    index = DIMENSION_ORDER.index(dimension)
    if request.method == "POST" and form.is_valid():
        try:
            services.self_evaluation_answer(round=round, answers=form.answers(), goals=form.goals(),
                                            actor=request.user)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
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
    youth = policy.get_youth_for(request.user, youth_pk, what="selvevaluering", for_edit=True)
    round = selectors.self_evaluation_round_for(youth, pk)
    if not round.is_in_progress:
        return redirect("progression:selfeval_round", youth.pk, round.pk)
    form = FinishForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        keep = form.cleaned_data["keep"] == "ja"
        try:
            services.self_evaluation_finish(round=round, keep=keep, actor=request.user)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            if keep:
                messages.success(request, _("Profilen er gemt."))
            else:
                messages.info(request, _("Profilen gemmes ikke. Udskriv den nu, hvis den unge vil have den med."))
            return redirect("progression:selfeval_round", youth.pk, round.pk)
    context = selectors.self_evaluation_overview(youth, focus=round)
    context.update(youth=youth, round=round, form=form, tab=TAB, subtab="selvevaluering")
    return render(request, "progression/selfeval_finish.html", context)


def round_detail(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="selvevaluering")
    round = selectors.self_evaluation_round_for(youth, pk)
    if round.is_in_progress:
        return redirect("progression:selfeval_answer", youth.pk, round.pk, DIMENSION_ORDER[0])
    context = selectors.self_evaluation_overview(youth, focus=round)
    context.update(youth=youth, round=round, tab=TAB, subtab="selvevaluering", can_write=permissions.may_write_progression(request.user, youth),
                   follow_up_form=FollowUpForm(initial={"note": round.follow_up_note}), reading_form=ReadingForm())
    return render(request, "progression/selfeval_round.html", context)


@require_POST
def follow_up(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="selvevaluering", for_edit=True)
    round = selectors.self_evaluation_round_for(youth, pk)
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
    youth = policy.get_youth_for(request.user, youth_pk, what="selvevaluering", for_edit=True)
    round = selectors.self_evaluation_round_for(youth, pk)
    if not round.is_kept:
        return redirect("progression:selfeval_round", youth.pk, round.pk)
    form = ReadingForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.professional_reading_add(round=round, actor=request.user, text=form.cleaned_data["text"],
                                              scores=form.scores())
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Din læsning er gemt ved siden af den unges svar."))
            return redirect("progression:selfeval_round", youth.pk, round.pk)
    return render(request, "progression/selfeval_reading.html",
                  {"youth": youth, "round": round, "form": form, "tab": TAB, "subtab": "selvevaluering"})


@require_http_methods(["GET", "POST"])
def round_pdf(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    """The profile as PDF. A kept round prints with GET; a round not to be kept prints once, by POST, and is
    deleted in the same step."""
    youth = policy.get_youth_for(request.user, youth_pk, what="selvevaluering", audit=False)
    round = selectors.self_evaluation_round_for(youth, pk)
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
    youth = policy.get_youth_for(request.user, youth_pk, what="selvevaluering", for_edit=True)
    round = selectors.self_evaluation_round_for(youth, pk)
    if request.method == "POST":
        services.self_evaluation_discard(round=round, actor=request.user)
        messages.success(request, _("Runden er slettet."))
        return redirect("progression:selfeval_overview", youth.pk)
    return render(request, "progression/selfeval_discard.html", {"youth": youth, "round": round, "tab": TAB, "subtab": "selvevaluering"})
