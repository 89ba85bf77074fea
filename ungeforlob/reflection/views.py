"""Pages of "Modellen hos os": the model and its questions, reflection groups and reflections, and the
Kontaktperson+ competence profile. Each view: authorize (access), validate (form), one service or
selector, respond."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob import policy
from ungeforlob.accounts.models import Role, User
from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.core.forms import keep_on_stale, run_service
from ungeforlob.reflection import access as perm
from ungeforlob.reflection import selectors, services
from ungeforlob.reflection.forms import (
    ActionForm,
    CompetenceAddForm,
    CompetenceForm,
    DevelopmentItemForm,
    ElementForm,
    GroupEditForm,
    GroupForm,
    QuestionAddForm,
    QuestionForm,
    ReflectionCreateForm,
    ReflectionForm,
    SelfRatingForm,
)
from ungeforlob.reflection.models import Competence, DevelopmentItem, Element, Question


def _posted(request: HttpRequest) -> Any:
    return request.POST if request.method == "POST" else None


def _element(request: HttpRequest, pk: int) -> Element:
    perm.require_model_editor(request.user)
    element = Element.objects.filter(pk=policy.pk_or_404(pk), municipality_id=request.user.municipality_id).first()
    if element is None:
        raise Http404
    return element


def _question(request: HttpRequest, pk: int) -> Question:
    perm.require_model_editor(request.user)
    question = (Question.objects.select_related("element")
                .filter(pk=policy.pk_or_404(pk), element__municipality_id=request.user.municipality_id).first())
    if question is None:
        raise Http404
    return question


def _competence(request: HttpRequest, pk: int) -> Competence:
    perm.require_model_editor(request.user)
    competence = Competence.objects.filter(pk=policy.pk_or_404(pk),
                                           municipality_id=request.user.municipality_id).first()
    if competence is None:
        raise Http404
    return competence


# --- The model -----------------------------------------------------------------------------------------

def model(request: HttpRequest) -> HttpResponse:
    """The municipality's model: elements and guiding questions, the maturity scale, the user's groups."""
    perm.require_staff(request.user)
    user = request.user
    may_edit = perm.may_edit_model(user)
    return render(request, "reflection/model.html", {
        "elements": selectors.elements_of(user.municipality_id, with_retired=may_edit),
        "scale": selectors.maturity_scale(), "may_edit": may_edit,
        "groups": selectors.groups_overview(perm.visible_groups(user)),
        "teams": list(perm.visible_teams(user).order_by("name")),
        "is_leader": policy.is_leader(user),
        "led": list(User.objects.filter(leader=user, is_active=True).order_by("first_name", "last_name")),
    })


@require_POST
def defaults_install(request: HttpRequest) -> HttpResponse:
    perm.require_model_editor(request.user)
    added = services.defaults_install(actor=request.user, municipality=request.user.municipality)
    if added:
        messages.success(request, _("Modellens elementer, spørgsmål og kompetenceprofil er taget i brug."))
    return redirect("reflection:model")


@require_http_methods(["GET", "POST"])
def element_edit(request: HttpRequest, pk: int) -> HttpResponse:
    element = _element(request, pk)
    form = ElementForm(_posted(request), initial={"version": element.version, "title": element.title,
                                                   "summary": element.summary})
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.element_update(
            actor=request.user, element=element, **form.cleaned_data), on_error=keep_on_stale(form, ElementForm))
        if ok:
            messages.success(request, _("Elementet er gemt."))
            return redirect(reverse("reflection:model") + f"#element-{element.pk}")
    return render(request, "reflection/element_form.html", {
        "element": element, "form": form, "add_form": QuestionAddForm()})


@require_POST
def question_add(request: HttpRequest, pk: int) -> HttpResponse:
    element = _element(request, pk)
    form = QuestionAddForm(request.POST)
    if form.is_valid():
        ok, _r, form = run_service(form, lambda: services.question_add(
            actor=request.user, element=element, text=form.cleaned_data["text"]))
        if ok:
            messages.success(request, _("Spørgsmålet er tilføjet."))
            return redirect(reverse("reflection:model") + f"#element-{element.pk}")
    return render(request, "reflection/element_form.html", {
        "element": element, "form": ElementForm(initial={"version": element.version, "title": element.title,
                                                         "summary": element.summary}),
        "add_form": form}, status=400)


@require_http_methods(["GET", "POST"])
def question_edit(request: HttpRequest, pk: int) -> HttpResponse:
    question = _question(request, pk)
    form = QuestionForm(_posted(request), initial={"text": question.text})
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.question_reword(
            actor=request.user, question=question, text=form.cleaned_data["text"]))
        if ok:
            messages.success(request, _("Spørgsmålet er gemt."))
            return redirect(reverse("reflection:model") + f"#element-{question.element_id}")
    return render(request, "reflection/question_form.html", {"question": question, "form": form})


@require_http_methods(["GET", "POST"])
def question_retire(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then take the question out of use — or back into use when it is retired."""
    question = _question(request, pk)
    if request.method == "POST":
        services.question_retire(actor=request.user, question=question, retire=question.retired_at is None)
        messages.success(request, _("Spørgsmålet er taget ud af brug.") if question.retired_at
                         else _("Spørgsmålet er taget i brug igen."))
        return redirect(reverse("reflection:model") + f"#element-{question.element_id}")
    return render(request, "reflection/question_retire.html", {"question": question})


# --- Groups and reflections ----------------------------------------------------------------------------

def _staff_for_groups(user: Any) -> Any:
    return (policy.visible_professionals(user).filter(is_active=True).exclude(role=Role.ADMINISTRATOR)
            .select_related("organisation").order_by("first_name", "last_name"))


@require_http_methods(["GET", "POST"])
def group_create(request: HttpRequest) -> HttpResponse:
    perm.require_model_editor(request.user)
    form = GroupForm(_posted(request), staff=_staff_for_groups(request.user))
    if request.method == "POST" and form.is_valid():
        d = form.service_data
        ok, group, form = run_service(form, lambda: services.group_create(
            actor=request.user, name=d["name"], kind=d["kind"], members=list(d["members"])))
        if ok:
            messages.success(request, _("Gruppen er oprettet."))
            return redirect("reflection:group", pk=group.pk)
    return render(request, "reflection/group_form.html", {"form": form})


@require_http_methods(["GET", "POST"])
def group_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A leader renames a group and changes its members."""
    perm.require_model_editor(request.user)
    grp = perm.get_group(request.user, pk)
    form = GroupEditForm(_posted(request), staff=_staff_for_groups(request.user), initial={
        "name": grp.name, "kind": grp.kind, "members": list(grp.members.values_list("pk", flat=True))})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        ok, _r, form = run_service(form, lambda: services.group_update(
            actor=request.user, group=grp, name=d["name"], kind=d["kind"], members=list(d["members"])))
        if ok:
            messages.success(request, _("Gruppen er gemt."))
            return redirect("reflection:group", pk=grp.pk)
    return render(request, "reflection/group_form.html", {"form": form, "group": grp})


def group(request: HttpRequest, pk: int) -> HttpResponse:
    """A group's reflections over time, the maturity chart with its figures, and its open actions."""
    grp = perm.get_group(request.user, pk)
    elements = selectors.elements_of(grp.municipality_id)
    reflections = list(grp.reflections.order_by("-held_on", "-pk"))
    return render(request, "reflection/group.html", {
        "group": grp, "members": list(grp.members.select_related("organisation").order_by("first_name")),
        "reflections": reflections, "chart": selectors.maturity_chart(grp, elements),
        "scale": selectors.maturity_scale(),
        "may_write": perm.writable_groups(request.user).filter(pk=grp.pk).exists(),
        "may_edit": perm.may_edit_model(request.user),
        "create_form": ReflectionCreateForm(),
    })


@require_http_methods(["GET", "POST"])
def reflection_create(request: HttpRequest, pk: int) -> HttpResponse:
    grp = perm.get_group(request.user, pk, write=True)
    form = ReflectionCreateForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        ok, reflection, form = run_service(form, lambda: services.reflection_create(
            actor=request.user, group=grp, **form.service_data))
        if ok:
            messages.success(request, _("Refleksionen er oprettet. Skriv jeres svar og vurderinger."))
            return redirect("reflection:reflection_edit", pk=reflection.pk)
    return render(request, "reflection/reflection_create.html", {"group": grp, "form": form})


def reflection(request: HttpRequest, pk: int) -> HttpResponse:
    refl = perm.get_reflection(request.user, pk)
    may_write = perm.writable_groups(request.user).filter(pk=refl.group_id).exists()
    members = refl.group.members.filter(is_active=True).order_by("first_name", "last_name")
    return render(request, "reflection/reflection.html", {
        "reflection": refl, "group": refl.group, "data": selectors.reflection_detail(refl),
        "may_write": may_write, "action_form": ActionForm(members=members) if may_write else None,
        "scale": selectors.maturity_scale(), "today": timezone.localdate(),
    })


@require_http_methods(["GET", "POST"])
def reflection_edit(request: HttpRequest, pk: int) -> HttpResponse:
    refl = perm.get_reflection(request.user, pk, write=True)
    detail = selectors.reflection_detail(refl)
    scale = selectors.maturity_scale()

    def bind(data: Any) -> ReflectionForm:
        return ReflectionForm(data, sections=detail["sections"], scale=scale)

    initial: dict[str, Any] = {"version": refl.version, "title": refl.title}
    for s in detail["sections"]:
        initial[f"rating_{s['element'].pk}"] = s["level"] or ""
        initial.update({f"answer_{q['question'].pk}": q["answer"] for q in s["questions"]})
    form = ReflectionForm(_posted(request), sections=detail["sections"], scale=scale, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.reflection_save(
            actor=request.user, reflection=refl, version=form.cleaned_data["version"],
            title=form.cleaned_data["title"], answers=form.answers(), ratings=form.ratings()),
            on_error=keep_on_stale(form, bind))
        if ok:
            messages.success(request, _("Refleksionen er gemt."))
            return redirect("reflection:reflection", pk=refl.pk)
    return render(request, "reflection/reflection_edit.html", {
        "reflection": refl, "group": refl.group, "form": form, "scale": scale})


@require_http_methods(["GET", "POST"])
def reflection_delete(request: HttpRequest, pk: int) -> HttpResponse:
    refl = perm.get_reflection(request.user, pk, write=True)
    if request.method == "POST":
        group_pk = refl.group_id
        services.reflection_delete(actor=request.user, reflection=refl)
        messages.success(request, _("Refleksionen er slettet."))
        return redirect("reflection:group", pk=group_pk)
    return render(request, "reflection/reflection_delete.html", {"reflection": refl, "group": refl.group})


def reflection_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    from ungeforlob.reflection.pdf import render_reflection_pdf

    refl = perm.get_reflection(request.user, pk)
    pdf = render_reflection_pdf(refl)
    audit_record(actor=request.user, action=AuditAction.EXPORT, obj=refl, object_type="reflection_pdf")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="refleksion-{refl.held_on:%Y-%m-%d}.pdf"'
    return response


@require_POST
def action_add(request: HttpRequest, pk: int) -> HttpResponse:
    refl = perm.get_reflection(request.user, pk, write=True)
    members = refl.group.members.filter(is_active=True).order_by("first_name", "last_name")
    form = ActionForm(request.POST, members=members)
    if form.is_valid():
        ok, action, form = run_service(form, lambda: services.action_add(
            actor=request.user, reflection=refl, **form.service_data))
        if ok:
            messages.success(request, _("Handlingen er tilføjet. Den ansvarlige ser den på I dag, når den er aktuel."))
            return redirect(reverse("reflection:reflection", args=[refl.pk]) + f"#handling-{action.pk}")
    return render(request, "reflection/reflection.html", {
        "reflection": refl, "group": refl.group, "data": selectors.reflection_detail(refl), "may_write": True,
        "action_form": form, "scale": selectors.maturity_scale(), "today": timezone.localdate()}, status=400)


@require_POST
def action_done(request: HttpRequest, pk: int) -> HttpResponse:
    action = perm.get_action(request.user, pk)
    services.action_complete(actor=request.user, action=action)
    messages.success(request, _("Handlingen er markeret som udført."))
    return redirect(reverse("reflection:reflection", args=[action.reflection_id]) + f"#handling-{action.pk}")


# --- The competence profile ----------------------------------------------------------------------------

@require_http_methods(["GET", "POST"])
def competences(request: HttpRequest) -> HttpResponse:
    """The municipality's competence profile, for leaders to adapt: add, reword, retire."""
    perm.require_model_editor(request.user)
    form = CompetenceAddForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.competence_add(actor=request.user, **form.service_data))
        if ok:
            messages.success(request, _("Kompetencen er tilføjet."))
            return redirect("reflection:competences")
    return render(request, "reflection/competences.html", {
        "competences": selectors.competences_of(request.user.municipality_id, with_retired=True), "form": form})


@require_http_methods(["GET", "POST"])
def competence_edit(request: HttpRequest, pk: int) -> HttpResponse:
    competence = _competence(request, pk)
    form = CompetenceForm(_posted(request), initial={"title": competence.title,
                                                      "description": competence.description})
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.competence_update(
            actor=request.user, competence=competence, **form.cleaned_data))
        if ok:
            messages.success(request, _("Kompetencen er gemt."))
            return redirect("reflection:competences")
    return render(request, "reflection/competence_form.html", {"competence": competence, "form": form})


@require_http_methods(["GET", "POST"])
def competence_remove(request: HttpRequest, pk: int) -> HttpResponse:
    """Confirm, then delete an unused competence or archive one in use; an archived one can be restored."""
    competence = _competence(request, pk)
    if request.method == "POST":
        if competence.retired_at is not None:
            services.competence_restore(actor=request.user, competence=competence)
            messages.success(request, _("Kompetencen er taget i brug igen."))
        elif services.competence_remove(actor=request.user, competence=competence) == "archived":
            messages.success(request, _("Kompetencen er i brug og er derfor arkiveret, ikke slettet."))
        else:
            messages.success(request, _("Kompetencen er slettet."))
        return redirect("reflection:competences")
    return render(request, "reflection/competence_remove.html", {
        "competence": competence, "in_use": services.competence_in_use(competence)})


def profile(request: HttpRequest, pk: int) -> HttpResponse:
    """One professional's competence profile: seen by the person and their own leader."""
    person = perm.get_person(request.user, pk)
    data = selectors.profile_of(person)
    active = [row["competence"] for row in data["rows"]]
    return render(request, "reflection/profile.html", {
        "person": person, "data": data, "is_self": person.pk == request.user.pk,
        "scale": selectors.competence_scale(), "today": timezone.localdate(),
        "item_form": DevelopmentItemForm(competences=_active_competences(person), initial={
            "competence": next((r["competence"].pk for r in data["gaps"]), None)}) if active else None,
    })


def _active_competences(person: User) -> Any:
    return Competence.objects.filter(municipality_id=person.municipality_id, retired_at__isnull=True)


@require_http_methods(["GET", "POST"])
def self_rating(request: HttpRequest, pk: int) -> HttpResponse:
    person = perm.get_person(request.user, pk, rate=True)
    data = selectors.profile_of(person)
    competences = [row["competence"] for row in data["rows"]]
    initial = {f"level_{row['competence'].pk}": row["level"] or "" for row in data["rows"]}
    form = SelfRatingForm(_posted(request), competences=competences, scale=selectors.competence_scale(),
                          initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _r, form = run_service(form, lambda: services.self_rating_save(actor=request.user,
                                                                           levels=form.levels()))
        if ok:
            messages.success(request, _("Din vurdering er gemt."))
            return redirect("reflection:profile", pk=person.pk)
    return render(request, "reflection/self_rating.html", {
        "person": person, "form": form, "scale": selectors.competence_scale()})


@require_POST
def development_add(request: HttpRequest, pk: int) -> HttpResponse:
    person = perm.get_person(request.user, pk)
    form = DevelopmentItemForm(request.POST, competences=_active_competences(person))
    if form.is_valid():
        ok, _r, form = run_service(form, lambda: services.development_item_add(
            actor=request.user, person=person, **form.service_data))
        if ok:
            messages.success(request, _("Punktet er føjet til udviklingsplanen."))
            return redirect(reverse("reflection:profile", args=[person.pk]) + "#udviklingsplan")
    return render(request, "reflection/profile.html", {
        "person": person, "data": selectors.profile_of(person), "is_self": person.pk == request.user.pk,
        "scale": selectors.competence_scale(), "today": timezone.localdate(), "item_form": form}, status=400)


@require_POST
def development_done(request: HttpRequest, pk: int) -> HttpResponse:
    item = DevelopmentItem.objects.select_related("person").filter(pk=policy.pk_or_404(pk)).first()
    if item is None or not perm.may_see_profile(request.user, item.person):
        raise Http404
    services.development_item_complete(actor=request.user, item=item)
    messages.success(request, _("Punktet er markeret som udført."))
    return redirect(reverse("reflection:profile", args=[item.person_id]) + "#udviklingsplan")


def team_coverage(request: HttpRequest, pk: int) -> HttpResponse:
    """A team's coverage of the competences, as counts only."""
    team = perm.get_team(request.user, pk)
    return render(request, "reflection/team_coverage.html", {"team": team, "data": selectors.team_coverage(team)})

