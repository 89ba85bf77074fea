"""Fællesskaber: the staff pages (list, create, change, cancel, participants and attendance) and the young
person's page on Min side (see the coming activities, sign up and withdraw).

Views are short: a form validates, `activities.access` authorises (404 when not visible, the same as not
existing), one service or selector, then redirect/render.
"""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.accounts.models import Organisation, Role, User
from ungeforlob.activities import access, forms, selectors, services
from ungeforlob.activities.models import Activity
from ungeforlob.audit.services import audit_record_list
from ungeforlob.core.forms import run_service
from ungeforlob.portal.auth import youth_required


def _choices(user: User) -> dict[str, object]:
    return {
        "organisations": Organisation.objects.filter(municipality_id=user.municipality_id).order_by("name"),
        "people": User.objects.filter(municipality_id=user.municipality_id, role=Role.PROFESSIONAL, is_active=True)
        .select_related("organisation").order_by("first_name", "last_name"),
    }


# --- Staff -----------------------------------------------------------------------------------------------------

def activity_list(request: HttpRequest) -> HttpResponse:
    access.require_may_run(request.user)
    q = request.GET.get("q", "").strip()[:100]
    when = "tidligere" if request.GET.get("hvornaar") == "tidligere" else "kommende"
    sort = request.GET.get("sort", "")
    sort = sort if sort in selectors.SORTS else ("-tid" if when == "tidligere" else "tid")
    return render(request, "activities/activity_list.html", {
        "activities": selectors.activity_list(request.user, q=q, when=when, sort=sort), "q": q, "when": when,
        "sort": sort})


@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest) -> HttpResponse:
    access.require_may_run(request.user)
    form = forms.ActivityCreateForm(request.POST or None, initial={"organisation": request.user.organisation_id,
                                                                   "runner": request.user.pk},
                                    **_choices(request.user))
    if request.method == "POST" and form.is_valid():
        ok, activity, form = run_service(form, lambda: services.activity_create(actor=request.user,
                                                                                **form.service_data))
        if ok:
            messages.success(request, _("Fællesskabet er oprettet. De unge kan nu melde sig til på Min side."))
            return redirect("activities:detail", activity.pk)
    return render(request, "activities/activity_form.html", {"form": form})


def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.get_activity_for(request.user, pk)
    return render(request, "activities/activity_detail.html", {
        "activity": activity, "counts": selectors.activity_counts(activity),
        "may_manage": access.may_manage(request.user, activity), "started": activity.starts_at <= timezone.now()})


@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.get_managed_activity(request.user, pk)
    initial = {f: getattr(activity, f) for f in services.FIELDS}
    initial["starts_at"] = timezone.localtime(activity.starts_at)
    initial["version"] = activity.version
    form = forms.ActivityEditForm(request.POST or None, initial=initial, **_choices(request.user))

    def on_stale(exc: ValidationError) -> forms.ActivityEditForm | None:
        """Someone saved meanwhile: keep what this user wrote, on the current version (saving again is
        deliberate)."""
        if getattr(exc, "code", None) != "stale":
            return None
        data = request.POST.copy()
        data["version"] = str(Activity.objects.values_list("version", flat=True).get(pk=activity.pk))
        rebound = forms.ActivityEditForm(data, **_choices(request.user))
        rebound.is_valid()
        return rebound

    if request.method == "POST" and form.is_valid():
        ok, _a, form = run_service(form, lambda: services.activity_update(actor=request.user, activity=activity,
                                                                          **form.cleaned_data), on_error=on_stale)
        if ok:
            messages.success(request, _("Fællesskabet er gemt."))
            return redirect("activities:detail", activity.pk)
    return render(request, "activities/activity_edit.html", {"form": form, "activity": activity})


@require_http_methods(["GET", "POST"])
def activity_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    activity = access.get_managed_activity(request.user, pk)
    form = forms.CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, _a, form = run_service(form, lambda: services.activity_cancel(actor=request.user, activity=activity,
                                                                          reason=form.cleaned_data["reason"]))
        if ok:
            messages.success(request, _("Fællesskabet er aflyst. De tilmeldte får en SMS."))
            return redirect("activities:detail", activity.pk)
    return render(request, "activities/activity_cancel.html", {
        "form": form, "activity": activity, "counts": selectors.activity_counts(activity)})


@require_http_methods(["GET", "POST"])
def activity_participants(request: HttpRequest, pk: int) -> HttpResponse:
    """Who signed up and who waits, and attendance once it has begun: for the one who runs it. Each young
    person shown is logged ("fællesskab"), so she sees it on "Hvem har kigget"."""
    activity = access.get_managed_activity(request.user, pk)
    people = selectors.participants(activity)
    audit_record_list(actor=request.user, youths=[s.youth for s in people["signed"] + people["waiting"]],
                      purpose=access.PURPOSE)
    form = forms.AttendanceForm(request.POST or None, signups=people["signed"])
    if request.method == "POST" and form.is_valid():
        ok, changed, form = run_service(form, lambda: services.attendance_record(
            actor=request.user, activity=activity, attended=form.attended()))
        if ok:
            messages.success(request, _("Fremmødet er gemt."))
            return redirect("activities:participants", activity.pk)
    return render(request, "activities/participants.html", {
        "activity": activity, "people": people, "form": form, "started": activity.starts_at <= timezone.now()},
        status=400 if form.is_bound else 200)


# --- Min side ------------------------------------------------------------------------------------------------

@youth_required
def youth_list(request: HttpRequest) -> HttpResponse:
    youth = request.youth  # type: ignore[attr-defined]
    return render(request, "activities/youth_list.html", {
        "youth": youth, "items": selectors.youth_activities(youth), "signup_form": forms.SignUpForm()})


@youth_required
@require_POST
def youth_signup(request: HttpRequest, pk: int) -> HttpResponse:
    youth = request.youth  # type: ignore[attr-defined]
    activity = access.activities_for_youth(youth).filter(pk=policy.pk_or_404(pk)).first()
    form = forms.SignUpForm(request.POST)
    if activity is None or not form.is_valid():
        messages.error(request, _("Fællesskabet findes ikke."))
        return redirect("activities:youth_list")
    ok, signup, form = run_service(form, lambda: services.signup_create(
        youth=youth, activity=activity, show_first_name=form.cleaned_data["show_first_name"]))
    if not ok:
        messages.error(request, " ".join(str(e) for e in form.non_field_errors()))
    elif signup.status == "venteliste":
        messages.success(request, _("Du er på ventelisten. Du får en SMS, hvis der bliver plads."))
    else:
        messages.success(request, _("Du er tilmeldt. Du får en SMS dagen før."))
    return redirect("activities:youth_list")


@youth_required
@require_POST
def youth_withdraw(request: HttpRequest) -> HttpResponse:
    youth = request.youth  # type: ignore[attr-defined]
    form = forms.WithdrawForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Du er ikke tilmeldt."))
        return redirect("activities:youth_list")
    ok, _s, form = run_service(form, lambda: services.signup_withdraw(youth=youth,
                                                                      signup_id=form.cleaned_data["signup"]))
    if ok:
        messages.success(request, _("Du er meldt fra."))
    else:
        messages.error(request, " ".join(str(e) for e in form.non_field_errors()))
    return redirect("activities:youth_list")
