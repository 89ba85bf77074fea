"""Chain meetings, the participants of a young person's meetings, and cooperation agreements.

Views are short: a form validates, `meetings.access` (the participant predicate) or `ungeforlob.policy`
authorises (404 when not visible, the same as not existing), one service or selector, then redirect/render.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.audit.services import audit_record_list, audit_search
from ungeforlob.core.decorators import leader_required
from ungeforlob.core.forms import run_service
from ungeforlob.meetings import access, forms, invitations, selectors, services
from ungeforlob.meetings.models import CooperationAgreement, Decision, MeetingMember, MeetingParticipant

PURPOSE = "kædemøde"


def _participant_only(request: HttpRequest) -> None:
    if not access.may_take_part(request.user):
        raise PermissionDenied


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=invitations.CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# --- Chain meetings ------------------------------------------------------------------------------------------

def meeting_list(request: HttpRequest) -> HttpResponse:
    _participant_only(request)
    q = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "navn")
    sort = sort if sort in selectors.MEETING_SORTS else "navn"
    meetings = list(selectors.meeting_list(request.user, q=q, sort=sort)[:200])
    return render(request, "meetings/meeting_list.html", {"meetings": meetings, "q": q, "sort": sort})


@require_http_methods(["GET", "POST"])
def meeting_create(request: HttpRequest) -> HttpResponse:
    _participant_only(request)
    form = forms.MeetingForm(request.POST or None, organisations=selectors.partner_organisations(request.user),
                             people=selectors.colleagues(request.user))
    if request.method == "POST" and form.is_valid():
        ok, meeting, form = run_service(form, lambda: services.meeting_create(actor=request.user,
                                                                              **form.service_data))
        if ok:
            messages.success(request, _("Kædemødet er oprettet."))
            return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def meeting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for(request.user, pk)
    initial = {f: getattr(meeting, f) for f in ("name", "purpose", "rhythm", "starts_at", "duration_minutes",
                                                "location", "ended_on")}
    initial["organisations"] = list(meeting.organisations.all())
    form = forms.MeetingEditForm(request.POST or None, initial=initial,
                                 organisations=selectors.partner_organisations(request.user))
    if request.method == "POST" and form.is_valid():
        ok, _meeting, form = run_service(form, lambda: services.meeting_update(
            actor=request.user, meeting=meeting, **form.cleaned_data))
        if ok:
            messages.success(request, _("Kædemødet er gemt."))
            return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/meeting_edit.html", {"form": form, "meeting": meeting})


def meeting_detail(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for(request.user, pk)
    today = timezone.localdate()
    detail = selectors.meeting_detail(meeting, today=today)
    # The form suggests the rhythm's next day after the meetings already planned.
    after = detail["upcoming"][-1].held_on + datetime.timedelta(days=1) if detail["upcoming"] else today
    return render(request, "meetings/meeting_detail.html", {
        "meeting": meeting, **detail,
        "member_form": forms.MemberForm(people=selectors.member_choices(meeting)),
        "occurrence_form": forms.OccurrenceForm(initial={"held_on": services.next_date(meeting, on_or_after=after)}),
    })


@require_POST
def member_add(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for(request.user, pk)
    form = forms.MemberForm(request.POST, people=selectors.member_choices(meeting))
    if form.is_valid():
        ok, _member, form = run_service(form, lambda: services.meeting_member_add(
            actor=request.user, meeting=meeting, professional=form.cleaned_data["professional"]))
        if ok:
            messages.success(request, _("Deltageren er tilføjet og har fået invitationen på e-mail."))
            return redirect("meetings:detail", meeting.pk)
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect("meetings:detail", meeting.pk)


@require_http_methods(["GET", "POST"])
def member_remove(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    meeting = access.get_meeting_for(request.user, pk)
    member = (MeetingMember.objects.filter(meeting=meeting, pk=policy.pk_or_404(member_pk))
              .select_related("professional", "meeting").first())
    if member is None:
        raise Http404
    form = forms.EmptyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.meeting_member_remove(actor=request.user, member=member))
        if ok:
            messages.success(request, _("Deltageren er taget af mødet."))
            if member.professional_id == request.user.pk:
                return redirect("meetings:list")
            return redirect("meetings:detail", meeting.pk)
    return render(request, "meetings/member_remove.html", {"meeting": meeting, "member": member, "form": form})


@require_POST
def occurrence_create(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for(request.user, pk)
    form = forms.OccurrenceForm(request.POST)
    if form.is_valid():
        ok, occurrence, form = run_service(form, lambda: services.occurrence_create(
            actor=request.user, meeting=meeting, held_on=form.cleaned_data["held_on"]))
        if ok:
            messages.success(request, _("Mødet er planlagt. Deltagerne kan nu sætte unge på dagsordenen."))
            return redirect("meetings:occurrence", occurrence.pk)
    messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors)
                   or _("Skriv en gyldig dato."))
    return redirect("meetings:detail", meeting.pk)


def meeting_ics(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = access.get_meeting_for(request.user, pk)
    return _ics(invitations.meeting_series_ics(meeting), "kaedemoede.ics")


# --- One meeting and its agenda -------------------------------------------------------------------------------

def _agenda_form(request: HttpRequest, data: Any = None) -> forms.AgendaForm:
    return forms.AgendaForm(data, youth=policy.visible_youth(request.user).order_by("first_name", "last_name"))


def occurrence_detail(request: HttpRequest, pk: int, form: forms.AgendaForm | None = None) -> HttpResponse:
    occurrence = access.get_occurrence_for(request.user, pk)
    entries = selectors.occurrence_agenda(request.user, occurrence)
    audit_record_list(actor=request.user, youths=[e.youth for e in entries], purpose=PURPOSE)
    return render(request, "meetings/occurrence.html", {
        "occurrence": occurrence, "meeting": occurrence.meeting, "entries": entries,
        "form": form or _agenda_form(request), "today": timezone.localdate(),
    }, status=400 if form is not None else 200)


@require_POST
def agenda_add(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = access.get_occurrence_for(request.user, pk)
    form = _agenda_form(request, request.POST)
    if form.is_valid():
        youth = policy.get_youth_for(request.user, form.cleaned_data["youth"].pk, what="meeting_agenda",
                                     purpose=PURPOSE)
        data = form.service_data
        ok, entry, form = run_service(form, lambda: services.agenda_add(
            actor=request.user, occurrence=occurrence, youth=youth, question=data["question"],
            grounds=data["grounds"], legal_basis_note=data["legal_basis_note"]))
        if ok:
            messages.success(request, _("Den unge er sat på dagsordenen."))
            return redirect("meetings:occurrence", occurrence.pk)
    return occurrence_detail(request, occurrence.pk, form=form)


def occurrence_ics(request: HttpRequest, pk: int) -> HttpResponse:
    occurrence = access.get_occurrence_for(request.user, pk)
    return _ics(invitations.occurrence_ics(occurrence), "kaedemoede.ics")


def _entry_and_youth(request: HttpRequest, pk: int) -> tuple[Any, Any]:
    """The agenda entry and its young person, read as a participant: audited with the purpose "kædemøde"."""
    entry = access.get_entry_for(request.user, pk)
    youth = policy.get_granted_youth(request.user, entry.youth_id,
                                     granted=access.agenda_youth(request.user, entry.occurrence),
                                     what="meeting_agenda", purpose=PURPOSE)
    return entry, youth


@require_http_methods(["GET", "POST"])
def entry_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """During the meeting: the minimum about the young person, the question and the decisions."""
    entry, youth = _entry_and_youth(request, pk)
    meeting = entry.occurrence.meeting
    form = forms.DecisionForm(request.POST or None, people=selectors.participant_users(meeting))
    if request.method == "POST" and form.is_valid():
        ok, _decision, form = run_service(form, lambda: services.decision_record(
            actor=request.user, entry=entry, **form.service_data))
        if ok:
            messages.success(request, _("Beslutningen er gemt og vises på den ansvarliges I dag."))
            return redirect("meetings:entry", entry.pk)
    return render(request, "meetings/entry.html", {
        "entry": entry, "meeting": meeting, "occurrence": entry.occurrence,
        "person": selectors.agenda_youth_minimum(youth), "decisions": selectors.entry_decisions(entry),
        "form": form,
    }, status=400 if request.method == "POST" else 200)


@require_http_methods(["GET", "POST"])
def entry_remove(request: HttpRequest, pk: int) -> HttpResponse:
    entry, youth = _entry_and_youth(request, pk)
    form = forms.EmptyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        occurrence_pk = entry.occurrence_id
        ok, _result, form = run_service(form, lambda: services.agenda_remove(actor=request.user, entry=entry))
        if ok:
            messages.success(request, _("Punktet er fjernet fra dagsordenen."))
            return redirect("meetings:occurrence", occurrence_pk)
    return render(request, "meetings/entry_remove.html", {"entry": entry, "person": youth.first_name,
                                                          "form": form})


@require_http_methods(["GET", "POST"])
def decision_done(request: HttpRequest, pk: int) -> HttpResponse:
    """The owner marks a task from a chain meeting done (GET asks, POST does it)."""
    decision = (Decision.objects.filter(pk=policy.pk_or_404(pk), owner=request.user,
                                        entry__in=access.entries_for(request.user))
                .select_related("entry__occurrence__meeting").first())
    if decision is None:
        raise Http404
    form = forms.EmptyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(form, lambda: services.decision_complete(actor=request.user,
                                                                                 decision=decision))
        if ok:
            messages.success(request, _("Opgaven er markeret som udført."))
            return redirect("transitions:today")
    return render(request, "meetings/decision_done.html", {"decision": decision, "form": form})


# --- Participants of a young person's plan meetings and follow-ups --------------------------------------------

def _participant_form(youth: Any, data: Any = None) -> forms.ParticipantForm:
    return forms.ParticipantForm(data, people=selectors.circle_staff(youth), guardians=youth.guardians.all(),
                                 consents=selectors.guardian_consents(youth))


def youth_meetings(request: HttpRequest, youth_pk: int, form: Any = None, target: str = "") -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="meetings")
    form = form if form is not None else _participant_form(youth)
    # The add form is drawn once per meeting: its choices are read once.
    choices = [(field, list(field.field.choices)) for field in form.visible_fields()]
    return render(request, "meetings/youth_meetings.html", {
        "youth": youth, "tab": "meetings:youth", "data": selectors.youth_meetings(youth, today=timezone.localdate()),
        "can_edit": policy.can(request.user, policy.Action.EDIT, youth), "form": form, "choices": choices,
        "target": target,
    }, status=400 if form.is_bound else 200)


def _plan_meeting(request: HttpRequest, youth: Any, pk: Any) -> Any:
    from ungeforlob.plans.models import PlanMeeting

    return policy.access(PlanMeeting, user=request.user, youth=youth, pk=pk)


def _followup(request: HttpRequest, youth: Any, pk: Any) -> Any:
    from ungeforlob.transitions.models import FollowUp

    return policy.access(FollowUp, user=request.user, youth=youth, pk=pk)


def _add_participant(request: HttpRequest, youth_pk: int, *, plan_meeting: Any = None, followup: Any = None,
                     youth: Any, target: str) -> HttpResponse:
    form = _participant_form(youth, request.POST)
    if form.is_valid():
        ok, _p, form = run_service(form, lambda: services.participant_add(
            actor=request.user, youth=youth, plan_meeting=plan_meeting, followup=followup, **form.service_data))
        if ok:
            messages.success(request, _("Deltageren er tilføjet."))
            return redirect("meetings:youth", youth.pk)
    return youth_meetings(request, youth.pk, form=form, target=target)


@require_POST
def plan_meeting_participant_add(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="meetings", for_edit=True)
    meeting = _plan_meeting(request, youth, pk)
    return _add_participant(request, youth_pk, plan_meeting=meeting, youth=youth, target=f"p{meeting.pk}")


@require_POST
def followup_participant_add(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="meetings", for_edit=True)
    followup = _followup(request, youth, pk)
    return _add_participant(request, youth_pk, followup=followup, youth=youth, target=f"f{followup.pk}")


@require_http_methods(["GET", "POST"])
def participant_remove(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    from django.db.models import Q

    youth = policy.get_youth_for(request.user, youth_pk, what="meetings", for_edit=True)
    participant = (MeetingParticipant.objects.filter(Q(plan_meeting__youth=youth) | Q(followup__youth=youth))
                   .filter(pk=policy.pk_or_404(pk)).select_related("professional", "guardian", "plan_meeting",
                                                                    "followup").first())
    if participant is None:
        raise Http404
    form = forms.EmptyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.participant_remove(actor=request.user, youth=youth,
                                                                             participant=participant))
        if ok:
            messages.success(request, _("Deltageren er fjernet fra mødet."))
            return redirect("meetings:youth", youth.pk)
    return render(request, "meetings/participant_remove.html", {"youth": youth, "participant": participant,
                                                                "form": form, "tab": "meetings:youth"})


def plan_meeting_ics(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="meetings")
    return _ics(invitations.plan_meeting_ics(_plan_meeting(request, youth, pk), first_name=youth.first_name), "planmoede.ics")


def followup_ics(request: HttpRequest, youth_pk: int, pk: int) -> HttpResponse:
    youth = policy.get_youth_for(request.user, youth_pk, what="meetings")
    return _ics(invitations.followup_ics(_followup(request, youth, pk), first_name=youth.first_name), "opfoelgning.ics")


# --- Cooperation agreements -----------------------------------------------------------------------------------

def _staff_only(request: HttpRequest) -> None:
    if not policy.is_staff_user(request.user) or request.user.municipality_id is None or \
            policy.is_administrator(request.user):
        raise PermissionDenied


def _agreement(request: HttpRequest, pk: Any) -> CooperationAgreement:
    _staff_only(request)
    agreement = selectors.agreement_list(request.user).filter(pk=policy.pk_or_404(pk)).first()
    if agreement is None:
        raise Http404
    return agreement


def agreement_list(request: HttpRequest) -> HttpResponse:
    _staff_only(request)
    q = request.GET.get("q", "").strip()[:100]
    sort = request.GET.get("sort", "gennemgang")
    sort = sort if sort in selectors.AGREEMENT_SORTS else "gennemgang"
    audit_search(actor=request.user, terms=q, object_type="agreement_list")
    return render(request, "meetings/agreement_list.html", {
        "agreements": list(selectors.agreement_list(request.user, q=q, sort=sort)[:200]), "q": q, "sort": sort,
        "may_edit": policy.is_leader(request.user), "today": timezone.localdate(),
    })


def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _agreement(request, pk)
    return render(request, "meetings/agreement_detail.html", {"agreement": agreement,
                                                              "may_edit": policy.is_leader(request.user)})


@leader_required
@require_http_methods(["GET", "POST"])
def agreement_create(request: HttpRequest) -> HttpResponse:
    _staff_only(request)
    form = forms.AgreementForm(request.POST or None, organisations=selectors.partner_organisations(request.user))
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.service_data.items() if k != "version"}
        ok, agreement, form = run_service(form, lambda: services.agreement_create(actor=request.user, **data))
        if ok:
            messages.success(request, _("Samarbejdsaftalen er gemt."))
            return redirect("meetings:agreement", agreement.pk)
    return render(request, "meetings/agreement_form.html", {"form": form})


@leader_required
@require_http_methods(["GET", "POST"])
def agreement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _agreement(request, pk)
    initial = {f: getattr(agreement, f) for f in ("organisation", "title", "agreed", "contact_people", "starts_on",
                                                  "review_on", "version")}
    form = forms.AgreementForm(request.POST or None, initial=initial,
                               organisations=selectors.partner_organisations(request.user))
    if request.method == "POST" and form.is_valid():
        data = form.service_data
        data["version"] = data.get("version") or 0
        ok, agreement, form = run_service(form, lambda: services.agreement_update(
            actor=request.user, agreement=agreement, **data))
        if ok:
            messages.success(request, _("Samarbejdsaftalen er gemt."))
            return redirect("meetings:agreement", agreement.pk)
    return render(request, "meetings/agreement_form.html", {"form": form, "agreement": agreement})


@leader_required
@require_http_methods(["GET", "POST"])
def agreement_delete(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = _agreement(request, pk)
    form = forms.EmptyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.agreement_delete(actor=request.user, agreement=agreement))
        if ok:
            messages.success(request, _("Samarbejdsaftalen er slettet."))
            return redirect("meetings:agreements")
    return render(request, "meetings/agreement_delete.html", {"agreement": agreement, "form": form})
