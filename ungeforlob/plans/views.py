"""Profile and Min plan pages. Each: form → access policy → one service or selector → redirect/render."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.audit.services import audit_search
from ungeforlob.core.forms import keep_on_stale, run_service
from ungeforlob.core.prepared import along
from ungeforlob.logins.sessions import reauth_required, reauth_required_on_post
from ungeforlob.plans import selectors, services
from ungeforlob.plans.forms import (
    ActivityCreateForm,
    ActivityForm,
    ConfirmDeleteForm,
    EvaluationForm,
    GoalCreateForm,
    GoalForm,
    MeetingCloseForm,
    MeetingForm,
    NoteForm,
    NoteHideForm,
    ProfileForm,
    ShareForm,
    SubGoalCreateForm,
    SubGoalForm,
)
from ungeforlob.plans.models import Activity, Goal, JournalNote, PlanMeeting, PlanShare, SubGoal
from ungeforlob.policy import Action
from ungeforlob.vocabulary.selectors import method_reads
from ungeforlob.youth.models import Youth

TAB = "plans:plan"
PAGE_SIZE = 50


def _context(request: HttpRequest, youth: Youth, section: str, **extra: Any) -> dict[str, Any]:
    return {"youth": youth, "tab": TAB, "section": section, "can_edit": policy.can(request.user, Action.EDIT, youth),
            **extra}


def _posted(request: HttpRequest) -> Any:
    """The form data of a POST (even an empty one: a confirm form has no required field), else unbound."""
    return request.POST if request.method == "POST" else None


def _plan_url(youth: Youth, anchor: str = "") -> str:
    return reverse("plans:plan", args=[youth.pk]) + (f"#{anchor}" if anchor else "")


# --- Min plan -----------------------------------------------------------------------------------------


def plan(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Min plan: the stick figure with up to three goals, sub-goals, activities and progress lines."""
    youth = policy.get_youth_for(request.user, youth_pk, what="plan")
    with along(method_reads(youth.municipality_id)):  # the activities' method labels, with the plan's first reads
        return render(request, "plans/plan.html", _context(request, youth, "plan", plan=selectors.plan_for(youth),
                                                              youth_name=services.youth_display_name(youth)))


@require_http_methods(["GET", "POST"])
def goal_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan", for_edit=True)
    form = GoalCreateForm(_posted(request), initial={"version": 0})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _goal, form = run_service(form, lambda: services.goal_create(
            youth=youth, actor=request.user, text=d["text"], written_by=d["written_by"]))
        if ok:
            messages.success(request, _("Målet er gemt. Del det op i delmål, der kan nås."))
            return redirect(_plan_url(youth))
    return render(request, "plans/form.html", _context(
        request, youth, "plan", form=form, title=_("Nyt mål"), submit=_("Gem mål")))


@require_http_methods(["GET", "POST"])
def goal_edit(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan", for_edit=True)
    goal = policy.access(Goal, user=request.user, youth=youth, pk=pk, action=Action.EDIT)
    form = GoalForm(_posted(request), initial={"text": goal.text, "written_by": goal.written_by,
                                                   "version": goal.version})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _goal, form = run_service(form, lambda: services.goal_update(
            youth=youth, goal=goal, actor=request.user, version=d["version"], text=d["text"],
            written_by=d["written_by"], change_reason=d["change_reason"]), on_error=keep_on_stale(form, GoalForm))
        if ok:
            messages.success(request, _("Målet er gemt."))
            return redirect(_plan_url(youth, f"maal-{goal.pk}"))
    return render(request, "plans/form.html", _context(
        request, youth, "plan", form=form, title=_("Ret mål"), submit=_("Gem mål")))


def _confirm_delete(request: HttpRequest, youth: Youth, obj: Any, call: Callable[[str], None],
                    *, title: str, warning: str, done: str) -> HttpResponse:
    form = ConfirmDeleteForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(form, lambda: call(form.cleaned_data["change_reason"]))
        if ok:
            messages.success(request, done)
            return redirect(_plan_url(youth))
    return render(request, "plans/confirm_delete.html", _context(
        request, youth, "plan", form=form, title=title, warning=warning, obj=obj))


@require_http_methods(["GET", "POST"])
def goal_delete(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan", for_edit=True)
    goal = policy.access(Goal, user=request.user, youth=youth, pk=pk, action=Action.EDIT)
    return _confirm_delete(
        request, youth, goal,
        lambda why: services.goal_delete(youth=youth, goal=goal, actor=request.user, change_reason=why),
        title=_("Fjern målet “%(text)s”?") % {"text": goal.text},
        warning=_("Delmål, aktiviteter og evalueringer under målet bliver også fjernet. Planens historik "
                  "husker, hvad der stod."),
        done=_("Målet er fjernet."))


@require_http_methods(["GET", "POST"])
def subgoal_create(request: HttpRequest, youth_pk: int, goal_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan", for_edit=True)
    goal = policy.access(Goal, user=request.user, youth=youth, pk=goal_pk, action=Action.EDIT)
    form = SubGoalCreateForm(_posted(request), initial={"version": 0})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _subgoal, form = run_service(form, lambda: services.subgoal_create(
            youth=youth, goal=goal, actor=request.user, text=d["text"], success_criterion=d["success_criterion"],
            target_date=d["target_date"], status=d["status"]))
        if ok:
            messages.success(request, _("Delmålet er gemt."))
            return redirect(_plan_url(youth, f"maal-{goal.pk}"))
    return render(request, "plans/form.html", _context(
        request, youth, "plan", form=form, title=_("Nyt delmål"), submit=_("Gem delmål"),
        lead=_("Under målet: “%(text)s”") % {"text": goal.text}))


def _subgoal(request: HttpRequest, youth: Youth, pk: int) -> SubGoal:
    return policy.access(SubGoal.objects.select_related("goal"), user=request.user, youth=youth, pk=pk,
                         action=Action.EDIT, youth_field="goal__youth")


@require_http_methods(["GET", "POST"])
def subgoal_edit(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan", for_edit=True)
    subgoal = _subgoal(request, youth, pk)
    initial = {f: getattr(subgoal, f) for f in ("text", "success_criterion", "target_date", "status", "version")}
    form = SubGoalForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _subgoal_saved, form = run_service(form, lambda: services.subgoal_update(
            youth=youth, subgoal=subgoal, actor=request.user, version=d["version"], text=d["text"],
            success_criterion=d["success_criterion"], target_date=d["target_date"], status=d["status"],
            change_reason=d["change_reason"]), on_error=keep_on_stale(form, SubGoalForm))
        if ok:
            messages.success(request, _("Delmålet er gemt."))
            return redirect(_plan_url(youth, f"delmaal-{subgoal.pk}"))
    return render(request, "plans/form.html", _context(
        request, youth, "plan", form=form, title=_("Ret delmål"), submit=_("Gem delmål"),
        lead=_("Under målet: “%(text)s”") % {"text": subgoal.goal.text}))


@require_http_methods(["GET", "POST"])
def subgoal_delete(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan", for_edit=True)
    subgoal = _subgoal(request, youth, pk)
    return _confirm_delete(
        request, youth, subgoal,
        lambda why: services.subgoal_delete(youth=youth, subgoal=subgoal, actor=request.user, change_reason=why),
        title=_("Fjern delmålet “%(text)s”?") % {"text": subgoal.text},
        warning=_("Aktiviteter og evalueringer under delmålet bliver også fjernet. Planens historik husker, "
                  "hvad der stod."),
        done=_("Delmålet er fjernet."))


def _goals(youth: Youth) -> list[Goal]:
    return list(Goal.objects.filter(youth=youth).prefetch_related("subgoals"))


@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan", for_edit=True)
    goals = _goals(youth)
    initial = {"version": 0, "subgoal": request.GET.get("delmaal", "")[:20]}
    form = ActivityCreateForm(_posted(request), goals=goals, initial=initial, municipality_id=youth.municipality_id)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _activity, form = run_service(form, lambda: services.activity_create(
            youth=youth, subgoal=d["subgoal"], actor=request.user, title=d["title"], reason=d["reason"],
            responsible=d["responsible"], responsible_name=d["responsible_name"], start_date=d["start_date"],
            end_date=d["end_date"], when_text=d["when_text"], place=d["place"], status=d["status"],
            methods=d["methods"]))
        if ok:
            messages.success(request, _("Aktiviteten er gemt."))
            return redirect(_plan_url(youth, f"delmaal-{d['subgoal'].pk}"))
    if not form.subgoals:
        messages.info(request, _("Skriv først et delmål – en aktivitet skal hjælpe på et delmål."))
        return redirect(_plan_url(youth))
    return render(request, "plans/form.html", _context(
        request, youth, "plan", form=form, title=_("Ny aktivitet"), submit=_("Gem aktivitet")))


@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan", for_edit=True)
    activity = policy.access(Activity.objects.select_related("subgoal__goal", "offer"), user=request.user,
                             youth=youth, pk=pk, action=Action.EDIT, youth_field="subgoal__goal__youth")
    goals = _goals(youth)
    fields = ("title", "reason", "responsible", "responsible_name", "start_date", "end_date", "when_text",
              "place", "status", "methods", "version")
    initial = {f: getattr(activity, f) for f in fields} | {"subgoal": str(activity.subgoal_id)}
    form = ActivityForm(_posted(request), goals=goals, initial=initial, municipality_id=youth.municipality_id)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _activity, form = run_service(form, lambda: services.activity_update(
            youth=youth, activity=activity, subgoal=d["subgoal"], actor=request.user, version=d["version"],
            title=d["title"], reason=d["reason"], responsible=d["responsible"],
            responsible_name=d["responsible_name"], start_date=d["start_date"], end_date=d["end_date"],
            when_text=d["when_text"], place=d["place"], status=d["status"], methods=d["methods"],
            offer=activity.offer, change_reason=d["change_reason"]),
            on_error=keep_on_stale(form, lambda data: ActivityForm(data, goals=goals, initial=initial,
                                                               municipality_id=youth.municipality_id)))
        if ok:
            messages.success(request, _("Aktiviteten er gemt."))
            return redirect(_plan_url(youth, f"delmaal-{activity.subgoal_id}"))
    return render(request, "plans/form.html", _context(
        request, youth, "plan", form=form, title=_("Ret aktivitet"), submit=_("Gem aktivitet")))


@require_http_methods(["GET", "POST"])
def activity_delete(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan", for_edit=True)
    activity = policy.access(Activity.objects.select_related("subgoal__goal"), user=request.user, youth=youth,
                             pk=pk, action=Action.EDIT, youth_field="subgoal__goal__youth")
    return _confirm_delete(
        request, youth, activity,
        lambda why: services.activity_delete(youth=youth, activity=activity, actor=request.user,
                                             change_reason=why),
        title=_("Fjern aktiviteten “%(text)s”?") % {"text": activity.title},
        warning=_("Planens historik husker, hvad der stod."), done=_("Aktiviteten er fjernet."))


@require_http_methods(["GET", "POST"])
def evaluation_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan", for_edit=True)
    goals = _goals(youth)
    if not goals:
        messages.info(request, _("Skriv først et mål – så kan I evaluere det."))
        return redirect(_plan_url(youth))
    form = EvaluationForm(_posted(request), goals=goals, initial={"target": request.GET.get("mod", "")[:20]})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _evaluation, form = run_service(form, lambda: services.evaluation_create(
            youth=youth, actor=request.user, closeness=d["closeness"], went_well=d["went_well"],
            was_hard=d["was_hard"], next_step=d["next_step"], youth_voice=d["youth_voice"],
            **form.target_kwargs()))
        if ok:
            messages.success(request, _("Evalueringen er gemt. Den ses på fremskridtslinjen."))
            return redirect(_plan_url(youth))
    return render(request, "plans/form.html", _context(
        request, youth, "plan", form=form, title=_("Ny evaluering"), submit=_("Gem evaluering"),
        lead=_("Spørg den unge først: Hvad gik godt? Hvad var svært? Hvad er næste skridt?")))


# --- profile ------------------------------------------------------------------------------------------


def profile(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="profile")
    prof = selectors.profile_for(youth)
    return render(request, "plans/profile.html", _context(
        request, youth, "profile", profile=prof, motivations=selectors.motivations(prof),
        last_change=selectors.profile_history(youth).first()))


@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="profile", for_edit=True)
    prof = selectors.profile_for(youth)
    initial = {f: getattr(prof, f) for f in services.PROFILE_FIELDS} | {"version": prof.version}
    form = ProfileForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        d = dict(form.cleaned_data)
        version, reason = d.pop("version"), d.pop("change_reason")
        ok, _profile, form = run_service(form, lambda: services.profile_update(
            youth=youth, actor=request.user, version=version, change_reason=reason, **d),
            on_error=keep_on_stale(form, ProfileForm))
        if ok:
            messages.success(request, _("Ungeprofilen er gemt."))
            return redirect("plans:profile", youth.pk)
    return render(request, "plans/form.html", _context(
        request, youth, "profile", form=form, title=_("Ret ungeprofil"), submit=_("Gem profil")))


def profile_history(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="profile")
    page = Paginator(selectors.profile_history(youth), PAGE_SIZE).get_page(request.GET.get("side"))
    return render(request, "plans/history.html", _context(
        request, youth, "profile", page=page, title=_("Ungeprofilens historik"), show_filters=False))


# --- history and meetings -----------------------------------------------------------------------------


def history(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan_history")
    kind = request.GET.get("type", "")
    q = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.plan_history(youth, kind=kind, q=q), PAGE_SIZE).get_page(request.GET.get("side"))
    audit_search(actor=request.user, terms=q, object_type="plan_history", youth=youth)
    meeting, since = selectors.changes_since_last_meeting(youth)
    return render(request, "plans/history.html", _context(
        request, youth, "history", page=page, title=_("Planens historik"), show_filters=True, kind=kind, q=q,
        since_meeting=meeting, since=since))


def meetings(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan_meetings")
    page = Paginator(selectors.meetings_for(youth), PAGE_SIZE).get_page(request.GET.get("side"))
    return render(request, "plans/meetings.html", _context(request, youth, "meetings", page=page))


@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan_meetings", for_edit=True)
    professionals = selectors.circle_professionals(youth)
    form = MeetingForm(_posted(request), professionals=professionals,
                       initial={"participants": [str(request.user.pk)]})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, meeting, form = run_service(form, lambda: services.meeting_create(
            youth=youth, actor=request.user, held_on=d["held_on"], participants=[int(x) for x in d["participants"]],
            other_participants=d["other_participants"], youth_present=d["youth_present"], agreed=d["agreed"],
            keep_open=d["keep_open"]))
        if ok:
            messages.success(request, _("Planmødet er gemt."))
            if not meeting.youth_present:
                messages.warning(request, _("Den unge var ikke med. Planen er den unges – aftal næste møde, "
                                            "så den unge kan være med."))
            if len(d["participants"]) > services.MANY_PARTICIPANTS:
                messages.warning(request, _("Der var mange fagpersoner med. Færre deltagere gør det lettere for "
                                            "den unge at tale."))
            return redirect("plans:meeting_detail", youth.pk, meeting.pk)
    return render(request, "plans/form.html", _context(
        request, youth, "meetings", form=form, title=_("Nyt planmøde"), submit=_("Gem planmøde"),
        lead=_("Så få som muligt, og altid med den unge. Lad den unge tale først.")))


def meeting_detail(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan_meetings")
    meeting = policy.access(PlanMeeting.objects.prefetch_related("participants__organisation"),
                            user=request.user, youth=youth, pk=pk)
    participants = list(meeting.participants.all())
    return render(request, "plans/meeting_detail.html", _context(
        request, youth, "meetings", meeting=meeting, participants=participants,
        changes=selectors.meeting_changes(meeting), close_form=MeetingCloseForm(initial={"agreed": meeting.agreed}),
        many=len(participants) > services.MANY_PARTICIPANTS))


@require_http_methods(["GET", "POST"])
def meeting_close(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan_meetings", for_edit=True)
    meeting = policy.access(PlanMeeting, user=request.user, youth=youth, pk=pk, action=Action.EDIT)
    form = MeetingCloseForm(_posted(request), initial={"agreed": meeting.agreed})
    if request.method == "POST" and form.is_valid():
        ok, _meeting, form = run_service(form, lambda: services.meeting_close(
            youth=youth, meeting=meeting, actor=request.user, agreed=form.cleaned_data["agreed"]))
        if ok:
            messages.success(request, _("Mødet er afsluttet, og aftalerne er gemt."))
            return redirect("plans:meeting_detail", youth.pk, meeting.pk)
    return render(request, "plans/form.html", _context(
        request, youth, "meetings", form=form, title=_("Afslut planmødet"), submit=_("Gem aftaler")))


# --- notes --------------------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
def notes(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="notes", for_edit=request.method == "POST")
    form = NoteForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        ok, _note, form = run_service(form, lambda: services.note_create(
            youth=youth, actor=request.user, text=form.cleaned_data["text"]))
        if ok:
            messages.success(request, _("Notatet er gemt. Den unge kan læse det."))
            return redirect("plans:notes", youth.pk)
    q = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.notes_for_staff(youth, q=q), PAGE_SIZE).get_page(request.GET.get("side"))
    audit_search(actor=request.user, terms=q, object_type="notes", youth=youth)
    return render(request, "plans/notes.html", _context(request, youth, "notes", form=form, page=page, q=q))


@require_http_methods(["GET", "POST"])
def note_hide(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="notes", for_edit=True)
    note = policy.access(JournalNote, user=request.user, youth=youth, pk=pk, action=Action.EDIT)
    if not note.visible_to_youth:
        raise Http404
    form = NoteHideForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        ok, _note, form = run_service(form, lambda: services.note_hide(
            youth=youth, note=note, actor=request.user, reason=form.cleaned_data["reason"],
            explanation=form.cleaned_data["explanation"]))
        if ok:
            messages.success(request, _("Notatet er skjult for den unge. Lovhjemlen er skrevet i adgangsloggen."))
            return redirect("plans:notes", youth.pk)
    return render(request, "plans/note_hide.html", _context(request, youth, "notes", form=form, note=note))


@require_POST
def note_show(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="notes", for_edit=True)
    note = policy.access(JournalNote, user=request.user, youth=youth, pk=pk, action=Action.EDIT)
    services.note_show(youth=youth, note=note, actor=request.user)
    messages.success(request, _("Den unge kan nu læse notatet."))
    return redirect("plans:notes", youth.pk)


# --- print and share ----------------------------------------------------------------------------------


@reauth_required
def plan_pdf(request: HttpRequest, youth_pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="plan_pdf")
    share = None
    if request.GET.get("deling"):
        share = policy.access(PlanShare, user=request.user, youth=youth, pk=request.GET["deling"])
    try:
        pdf = services.plan_pdf(youth=youth, actor=request.user, share=share)
    except ValidationError as exc:  # the young person withdrew the consent behind this share
        messages.error(request, " ".join(exc.messages))
        return redirect("plans:share", youth.pk)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'inline; filename="min-plan.pdf"'
    return response


@require_http_methods(["GET", "POST"])
@reauth_required_on_post
def share(request: HttpRequest, youth_pk: int) -> HttpResponse:
    """Print Min plan, or give it to someone outside the circle with the youth's consent (recorded)."""
    youth = policy.get_youth_for(request.user, youth_pk, what="plan_shares", for_edit=request.method == "POST")
    form = ShareForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, shared, form = run_service(form, lambda: services.plan_share(
            youth=youth, actor=request.user, recipient_name=d["recipient_name"],
            recipient_organisation=d["recipient_organisation"], purpose=d["purpose"], parts=d["parts"],
            consent=d["consent"], consent_confirmed=d["consent_confirmed"]))
        if ok:
            messages.success(request, _("Delingen er registreret. Hent PDF'en med netop det, der deles."))
            return redirect(reverse("plans:share", args=[youth.pk]) + f"#deling-{shared.pk}")
    page = Paginator(selectors.shares_for(youth), PAGE_SIZE).get_page(request.GET.get("side"))
    return render(request, "plans/share.html", _context(request, youth, "share", form=form, page=page))
