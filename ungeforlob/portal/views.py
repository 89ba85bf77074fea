from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.core.forms import apply_validation_error, run_service
from ungeforlob.core.request_context import safe_next
from ungeforlob.portal import export, selectors, services
from ungeforlob.portal.auth import portal_login, portal_logout, youth_required
from ungeforlob.portal.forms import (
    CheckInForm,
    CodeForm,
    CommentForm,
    FeedbackForm,
    KeepForm,
    MobileForm,
    WishForm,
    WishHandleForm,
)

PENDING_KEY = "portal_pending"


@never_cache
@login_not_required
@require_http_methods(["GET", "POST"])
def login(request: HttpRequest) -> HttpResponse:
    """Asks for a mobile number. Every answer is the same whether or not the number is registered."""
    form = MobileForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            attempt_id = services.login_code_request(mobile=form.cleaned_data["mobile"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            request.session[PENDING_KEY] = attempt_id
            return redirect("portal:code")
    return render(request, "portal/login.html", {"form": form})


@never_cache
@login_not_required
@require_http_methods(["GET", "POST"])
def code(request: HttpRequest) -> HttpResponse:
    if PENDING_KEY not in request.session:
        return redirect("portal:login")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            youth = services.login_code_verify(attempt_id=request.session[PENDING_KEY], code=form.cleaned_data["code"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            portal_login(request, youth)
            return redirect("portal:home")
    return render(request, "portal/code.html", {"form": form})


@never_cache
@login_not_required
@require_POST
def logout(request: HttpRequest) -> HttpResponse:
    portal_logout(request)
    messages.info(request, _("Du er logget ud."))
    return redirect("portal:login")


@youth_required
def home(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/home.html", {"youth": request.youth, "notices": selectors.notices(request.youth)})


@youth_required
@require_POST
def language(request: HttpRequest) -> HttpResponse:
    """The language switch on Min side: the choice is saved on the young person's record, so SMS and notices
    follow it too, and it is also remembered on this phone for the login page."""
    from django.views.i18n import set_language

    from ungeforlob.youth.services import youth_language_set

    if request.POST.get("language", "") in dict(settings.LANGUAGES):
        youth_language_set(youth=request.youth, language=request.POST["language"])
    request.POST = request.POST.copy()  # type: ignore[misc]
    request.POST["next"] = safe_next(request, reverse("portal:home"))
    return set_language(request)  # Django's own view sets the cookie and redirects


@youth_required
@require_POST
def notices_read(request: HttpRequest) -> HttpResponse:
    """"Jeg har set det": the shown notices leave "Nyt til dig" (they stay under "Tidligere beskeder")."""
    from ungeforlob.notifications.services import notices_mark_read

    if notices_mark_read(youth=request.youth, notice_ids=request.POST.getlist("notice")[:50]):
        messages.success(request, _("Fint. Du kan stadig finde beskederne under „Tidligere beskeder“."))
    return redirect("portal:home")


@youth_required
def chain(request: HttpRequest) -> HttpResponse:
    services.portal_read(youth=request.youth, what="chain")
    return render(request, "portal/chain.html", {"youth": request.youth, "members": selectors.my_chain(request.youth)})


@youth_required
@require_http_methods(["GET", "POST"])
def feedback(request: HttpRequest) -> HttpResponse:
    form = FeedbackForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(form, lambda: services.feedback_give(youth=request.youth, **form.service_data))
        if ok:
            messages.success(request, _("Tak! Dit svar hjælper os med at blive bedre."))
            return redirect("portal:home")
    return render(request, "portal/feedback.html", {"youth": request.youth, "form": form})


@youth_required
def data_download(request: HttpRequest) -> HttpResponse:
    return render(request, "portal/data.html", {"youth": request.youth})


@youth_required
def data_json(request: HttpRequest) -> HttpResponse:
    services.export_record(youth=request.youth, fmt="json")
    response = HttpResponse(export.export_json(request.youth), content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="mine-data.json"'
    return response


@youth_required
def data_pdf(request: HttpRequest) -> HttpResponse:
    services.export_record(youth=request.youth, fmt="pdf")
    response = HttpResponse(export.export_pdf(request.youth), content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="mine-data.pdf"'
    return response


# --- Min plan and check-in ----------------------------------------------------------------------------


@youth_required
def plan(request: HttpRequest) -> HttpResponse:
    from ungeforlob.portal.choose import my_checkins

    services.portal_read(youth=request.youth, what="plan")
    context = selectors.my_plan(request.youth)
    mine = my_checkins(request.youth)
    for sg in context["plan"].subgoals:  # her own words shown back under each sub-goal
        sg.portal_checkins = mine.get(sg.pk, [])
    return render(request, "portal/plan.html", {"youth": request.youth, **context})


@youth_required
@require_http_methods(["GET", "POST"])
def checkin(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    """"Jeg har gjort det" / "Det gik ikke" on one of the youth's own sub-goals or activities (404 otherwise)."""
    if kind == "delmaal":
        subgoal, activity = selectors.my_subgoal(request.youth, pk), None
    elif kind == "aktivitet":
        activity = selectors.my_activity(request.youth, pk)
        subgoal = activity.subgoal
    else:
        raise Http404
    from ungeforlob.plans.models import SubGoalStatus

    form = CheckInForm(request.POST or None, can_reach=subgoal.status != SubGoalStatus.REACHED)
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(form, lambda: services.checkin_record(
            youth=request.youth, subgoal=subgoal, activity=activity, **form.service_data))
        if ok:
            line = form.cleaned_data.get("line", "").strip()
            messages.success(request, (_("Tak! Din kontaktperson kan se det nu. Du skrev: »%(line)s«") % {"line": line})
                             if line else _("Tak! Din kontaktperson kan se det nu."))
            return redirect("portal:plan")
    return render(request, "portal/checkin.html",
                  {"youth": request.youth, "form": form, "subgoal": subgoal, "activity": activity})


# --- Mine ønsker --------------------------------------------------------------------------------------


@youth_required
@require_http_methods(["GET", "POST"])
def wishes(request: HttpRequest) -> HttpResponse:
    """First what she wishes (a goal, a sub-goal, an activity: ?slags=), then only the fields for that kind.
    A goal wish the plan has no room for is refused at once, with the reason, before she writes it."""
    from ungeforlob.portal.models import WishKind

    kind = request.GET.get("slags", "") or request.POST.get("kind", "")
    room = services.goal_room(request.youth)
    if kind == WishKind.GOAL and room <= 0 and request.method == "GET":
        kind = ""
    form = WishForm(request.POST or None, youth=request.youth, kind=kind)
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(form, lambda: services.wish_create(youth=request.youth, **form.service_data))
        if ok:
            messages.success(request, _("Dit ønske er sendt. Din kontaktperson svarer dig her."))
            return redirect("portal:wishes")
    if request.method == "GET":
        services.portal_read(youth=request.youth, what="wishes")
    return render(request, "portal/wishes.html", {
        "youth": request.youth, "form": form, "kind": form.kind,
        "kind_label": dict(WishKind.choices).get(form.kind, ""), "goal_room": room,
        "goals_full": services.goals_full_message(), "wishes": selectors.wishes_for(request.youth)})


@never_cache
def staff_wishes(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """The contact person's side: the youth's wishes, each answered with yes (into the plan) or a talk."""
    action = policy.Action.EDIT if request.method == "POST" else policy.Action.VIEW
    youth = policy.get_youth_for(request.user, youth_pk, what="wishes", action=action)
    bound = None
    if request.method == "POST":
        wish = policy.access(selectors.wishes_for(youth), user=request.user, youth=youth,
                             pk=selectors.pk_or_404(request.POST.get("wish")), action=action)
        bound = WishHandleForm(request.POST, youth=youth, wish=wish)
        if bound.is_valid():
            try:
                services.wish_handle(actor=request.user, youth=youth, wish=wish, **bound.cleaned_data)
            except (ValidationError, PermissionDenied) as exc:
                if isinstance(exc, PermissionDenied):
                    exc = ValidationError(_("Du kan ikke ændre denne unges plan."))
                apply_validation_error(bound, exc)
            else:
                messages.success(request, _("Svaret er gemt. Den unge kan se det på Min side."))
                return redirect("portal:staff_wishes", youth.pk)
    rows = [(w, bound if bound is not None and bound.prefix == f"w{w.pk}" else WishHandleForm(youth=youth, wish=w))
            for w in selectors.wishes_for(youth)]
    return render(request, "portal/staff/wishes.html",
                  {"youth": youth, "rows": rows, "tab": "plans:plan"}, status=400 if bound is not None else 200)


# --- Selvevaluering -----------------------------------------------------------------------------------


@youth_required
@require_http_methods(["GET", "POST"])
def selfeval(request: HttpRequest) -> HttpResponse:
    from ungeforlob.progression import selectors as progression
    from ungeforlob.progression import services as progression_services
    from ungeforlob.progression.questionnaire import DIMENSION_ORDER

    if request.method == "POST":
        round = progression_services.self_evaluation_start(youth=request.youth, by_youth=True)
        return redirect("portal:selfeval_answer", round.pk, DIMENSION_ORDER[0])
    services.portal_read(youth=request.youth, what="selvevaluering")
    context = _in_plain_words(progression.self_evaluation_overview(request.youth))
    return render(request, "portal/selfeval.html", {"youth": request.youth, **context})


def _in_plain_words(context: dict) -> dict:
    """The self-evaluation's result in plain words first (portal.choose.plain_words); the chart is named so too."""
    from django.utils import formats

    from ungeforlob.portal.choose import plain_words

    profile, focus = context.get("focus_profile"), context.get("focus")
    if profile is not None:
        context["plain"] = plain_words(profile["scores"])
    if context.get("radar") is not None and focus is not None:
        def day(r: object) -> str:
            return formats.date_format(r.started_at, "DATE_FORMAT")  # type: ignore[attr-defined]

        context["radar"]["title"] = _("Din selvevaluering fra %(date)s") % {"date": day(focus)}
        earlier = iter([r for r in context.get("kept", []) if r.started_at < focus.started_at][-3:])
        for series in context.get("series", []):  # the legend and the table say "selvevaluering" too
            if series.kind == "current":
                series.label = _("Denne selvevaluering, %(date)s") % {"date": day(focus)}
            elif series.kind == "earlier":
                series.label = _("Selvevaluering %(date)s") % {"date": day(next(earlier))}
        for row in context.get("table", []):
            for value, series in zip(row["values"], context.get("series", []), strict=False):
                value["label"] = series.label
    return context


@youth_required
@require_http_methods(["GET", "POST"])
def selfeval_answer(request: HttpRequest, pk: int, dimension: str) -> HttpResponse:
    from ungeforlob.progression import selectors as progression
    from ungeforlob.progression import services as progression_services
    from ungeforlob.progression.forms import DimensionAnswersForm, answers_initial
    from ungeforlob.progression.questionnaire import DIMENSION_INTRO, DIMENSION_ORDER, Dimension

    round = progression.self_evaluation_round_for(request.youth, pk)
    if dimension not in DIMENSION_ORDER:
        raise Http404
    if not round.is_in_progress:
        return redirect("portal:selfeval")
    group = next(g for g in progression.round_profile(round)["groups"] if g["code"] == dimension)
    form = DimensionAnswersForm(request.POST or None, dimension=dimension, initial=answers_initial(group))
    index = DIMENSION_ORDER.index(dimension)
    if request.method == "POST" and form.is_valid():
        try:
            progression_services.self_evaluation_answer(round=round, answers=form.answers(), goals=form.goals(),
                                                        by_youth=True)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            if request.POST.get("back") and index > 0:
                return redirect("portal:selfeval_answer", round.pk, DIMENSION_ORDER[index - 1])
            if index + 1 < len(DIMENSION_ORDER):
                return redirect("portal:selfeval_answer", round.pk, DIMENSION_ORDER[index + 1])
            return redirect("portal:selfeval_finish", round.pk)
    return render(request, "portal/selfeval_answer.html", {
        "youth": request.youth, "round": round, "form": form, "dimension": Dimension(dimension),
        "intro": DIMENSION_INTRO[dimension], "index": index + 1, "count": len(DIMENSION_ORDER),
        "is_last": index + 1 == len(DIMENSION_ORDER)})


@youth_required
@require_http_methods(["GET", "POST"])
def selfeval_finish(request: HttpRequest, pk: int) -> HttpResponse:
    """The radar, and the youth's choice: keep this round, or let it go."""
    from ungeforlob.progression import selectors as progression
    from ungeforlob.progression import services as progression_services
    if request.session.get(PRINTED_AND_DELETED) == pk:  # "Færdig" pressed after taking the PDF copy
        messages.info(request, _("Selvevalueringen er slettet. Den er ikke gemt."))
        return redirect("portal:selfeval")
    round = progression.self_evaluation_round_for(request.youth, pk)
    if not round.is_in_progress:
        return redirect("portal:selfeval")
    form = KeepForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        keep = form.cleaned_data["keep"] == "ja"
        try:
            progression_services.self_evaluation_finish(round=round, keep=keep, by_youth=True)
            if not keep:
                progression_services.self_evaluation_discard(round=round, by_youth=True)
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Din selvevaluering er gemt.") if keep
                             else _("Din selvevaluering er slettet. Den er ikke gemt."))
            return redirect("portal:selfeval")
    context = _in_plain_words(progression.self_evaluation_overview(request.youth, focus=round))
    from ungeforlob.progression.questionnaire import DIMENSION_ORDER

    return render(request, "portal/selfeval_finish.html", {"youth": request.youth, "round": round, "form": form,
                                                           "first_dimension": DIMENSION_ORDER[0], **context})


PRINTED_AND_DELETED = "portal_selfeval_printed_and_deleted"


@youth_required
@require_http_methods(["GET", "POST"])
def selfeval_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The young person's picture as PDF. A kept round prints any time. A round in progress prints once, by
    POST, as "don't keep it, but give me a copy": it is finished as not kept and deleted in the same step."""
    from ungeforlob.progression import pdf
    from ungeforlob.progression import selectors as progression
    from ungeforlob.progression import services as progression_services

    round = progression.self_evaluation_round_for(request.youth, pk)
    if round.is_in_progress and request.method == "POST":
        try:
            round = progression_services.self_evaluation_finish(round=round, keep=False, by_youth=True)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("portal:selfeval_finish", round.pk)
    elif not round.is_kept:
        return redirect("portal:selfeval")
    content = pdf.round_pdf(request.youth, round)
    if progression_services.self_evaluation_printed(round=round, by_youth=True):  # deletes a round not kept
        request.session[PRINTED_AND_DELETED] = pk
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="min-selvevaluering-{round.started_at:%Y-%m-%d}.pdf"'
    return response


@youth_required
@require_http_methods(["GET", "POST"])
def selfeval_discard(request: HttpRequest, pk: int) -> HttpResponse:
    """GET asks; POST deletes a kept round at the youth's wish."""
    from ungeforlob.progression import selectors as progression
    from ungeforlob.progression import services as progression_services

    round = progression.self_evaluation_round_for(request.youth, pk)
    if request.method == "POST":
        progression_services.self_evaluation_discard(round=round, by_youth=True)
        messages.success(request, _("Selvevalueringen er slettet."))
        return redirect("portal:selfeval")
    return render(request, "portal/selfeval_discard.html", {"youth": request.youth, "round": round})


# --- Hvor er jeg, Alt skrevet om mig --------------------------------------------------------------------


@youth_required
def where(request: HttpRequest) -> HttpResponse:
    from ungeforlob.progression.selectors import youth_journey

    services.portal_read(youth=request.youth, what="progression")
    return render(request, "portal/where.html", {"youth": request.youth, "journey": youth_journey(request.youth)})


@youth_required
def written(request: HttpRequest) -> HttpResponse:
    services.portal_read(youth=request.youth, what="written")
    return render(request, "portal/written.html", {"youth": request.youth, **selectors.written_about_me(request.youth)})


# --- Mine samtykker, overleveringer ----------------------------------------------------------------------


@youth_required
@require_http_methods(["GET"])
def consents(request: HttpRequest) -> HttpResponse:
    """What she has said yes to share. Each withdrawal is asked first on its own page (views_insight: a plan
    share, a consent to share, SMS), so a stray tap on a phone changes nothing; a POST here is refused (405)."""
    services.portal_read(youth=request.youth, what="consents")
    return render(request, "portal/consents.html", {"youth": request.youth, **selectors.my_consents(request.youth)})


@youth_required
@require_http_methods(["GET", "POST"])
def handovers(request: HttpRequest) -> HttpResponse:
    from ungeforlob.chain.selectors import handovers_for_youth

    form = CommentForm(request.POST or None)
    target = request.POST.get("handover", "")
    if request.method == "POST" and form.is_valid():
        try:
            services.my_handover_comment(youth=request.youth, handover_id=target, text=form.cleaned_data["text"])
        except ValidationError as exc:
            apply_validation_error(form, exc)
        else:
            messages.success(request, _("Din kommentar er sendt."))
            return redirect("portal:handovers")
    if request.method == "GET":
        services.portal_read(youth=request.youth, what="handovers")
    return render(request, "portal/handovers.html", {"youth": request.youth, "form": form, "target": target,
                                                     "handovers": handovers_for_youth(request.youth)},
                  status=400 if request.method == "POST" else 200)
