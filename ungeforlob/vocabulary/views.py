"""The shared language's pages: the glossary, role descriptions, method tags, age bounds and the chain's
organisations with their approaches. Read by every member of staff in the municipality; the agreed texts are
kept by leaders and administrators, an approach by its own organisation. No personal data."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ungeforlob.chain.models import ChainRole
from ungeforlob.core.forms import run_service
from ungeforlob.vocabulary import forms, permissions, selectors, services

PAGE_SIZE = 50


def reader_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not permissions.may_read(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def editor_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not permissions.may_edit_vocabulary(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped


def _ctx(request: HttpRequest, tab: str, **extra: Any) -> dict[str, Any]:
    return {"tab": tab, "may_edit": permissions.may_edit_vocabulary(request.user), **extra}


def _stale_form(form: Any, exc: ValidationError, current_version: Callable[[], int]) -> Any:
    """After a concurrent edit: keep what the user wrote, move the form to the version now saved."""
    if getattr(exc, "error_dict", None) and any(e.code == "stale" for e in exc.error_dict.get("__all__", [])):
        data = form.data.copy()
        data["version"] = str(current_version())
        return type(form)(data)
    return None


# --- the glossary ------------------------------------------------------------------------------------------


@reader_required
def glossary(request: HttpRequest) -> HttpResponse:
    search = forms.GlossarySearchForm(request.GET or None)
    f = search.values()
    municipality_id = request.user.municipality_id
    page = Paginator(selectors.glossary(municipality_id, **f), PAGE_SIZE).get_page(request.GET.get("side"))
    missing = selectors.missing_shipped_terms(municipality_id) if permissions.may_edit_vocabulary(request.user) \
        else []
    return render(request, "vocabulary/glossary.html", _ctx(request, "glossary", search=search, f=f, page=page,
                                                             missing=len(missing)))


@editor_required
@require_POST
def glossary_seed(request: HttpRequest) -> HttpResponse:
    added = services.glossary_seed(municipality_id=request.user.municipality_id, actor=request.user)
    messages.success(request, _("%(n)s standardbegreber er hentet ind i kommunens fælles sprog.") % {"n": added})
    return redirect("vocabulary:glossary")


@editor_required
@require_http_methods(["GET", "POST"])
def term_create(request: HttpRequest) -> HttpResponse:
    form = forms.TermForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, term, form = run_service(form, lambda: services.term_create(actor=request.user, **form.service_data))
        if ok:
            messages.success(request, _("Begrebet »%(term)s« er tilføjet.") % {"term": term.term})
            return redirect(f"{reverse('vocabulary:glossary')}#{term.anchor}")
    return render(request, "vocabulary/term_form.html", _ctx(request, "glossary", form=form, term=None))


def _term_or_404(request: HttpRequest, pk: Any) -> Any:
    term = selectors.get_term(request.user.municipality_id, pk)
    if term is None:
        raise Http404
    return term


@editor_required
@require_http_methods(["GET", "POST"])
def term_edit(request: HttpRequest, pk: int) -> HttpResponse:
    term = _term_or_404(request, pk)
    initial = {"term": term.term, "meaning": term.meaning, "examples": term.examples, "agreed_by": term.agreed_by,
               "agreed_on": term.agreed_on, "is_archived": term.is_archived, "version": term.version}
    form = forms.TermEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(
            form, lambda: services.term_update(actor=request.user, term_obj=term, **form.service_data),
            on_error=lambda exc: _stale_form(form, exc, lambda: _term_or_404(request, pk).version))
        if ok:
            messages.success(request, _("Begrebet er gemt."))
            return redirect(f"{reverse('vocabulary:glossary')}#{term.anchor}")
        term = _term_or_404(request, pk)
    return render(request, "vocabulary/term_form.html", _ctx(request, "glossary", form=form, term=term))


@editor_required
@require_http_methods(["GET", "POST"])
def term_delete(request: HttpRequest, pk: int) -> HttpResponse:
    term = _term_or_404(request, pk)
    if request.method == "POST":
        if services.term_delete(actor=request.user, term_obj=term):
            messages.success(request, _("Begrebet »%(term)s« er slettet.") % {"term": term.term})
        else:
            messages.info(request, _("Begrebet »%(term)s« bruges som forklaring ved en etiket og er derfor "
                                     "arkiveret i stedet for slettet.") % {"term": term.term})
        return redirect("vocabulary:glossary")
    return render(request, "vocabulary/term_delete.html",
                  _ctx(request, "glossary", term=term, in_use=services.term_in_use(term)))


# --- roles -------------------------------------------------------------------------------------------------


@reader_required
def roles(request: HttpRequest) -> HttpResponse:
    texts = selectors.role_texts(request.user.municipality_id)
    return render(request, "vocabulary/roles.html", _ctx(request, "roles", roles=list(texts.values())))


def _role_or_404(role: str) -> str:
    if role not in ChainRole.values:
        raise Http404
    return role


@editor_required
@require_http_methods(["GET", "POST"])
def role_edit(request: HttpRequest, role: str) -> HttpResponse:
    role = _role_or_404(role)
    current = selectors.role_texts(request.user.municipality_id)[role]
    initial = {"staff_text": current["staff"], "youth_helps": current["helps"], "youth_not": current["not"],
               "decides": current["decides"], "version": current["version"]}
    form = forms.RoleDescriptionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(
            form, lambda: services.role_description_save(actor=request.user, role=role, **form.service_data),
            on_error=lambda exc: _stale_form(
                form, exc, lambda: selectors.role_texts(request.user.municipality_id)[role]["version"]))
        if ok:
            messages.success(request, _("Beskrivelsen af rollen er gemt."))
            return redirect("vocabulary:roles")
    return render(request, "vocabulary/role_form.html", _ctx(request, "roles", form=form, current=current))


@editor_required
@require_http_methods(["GET", "POST"])
def role_reset(request: HttpRequest, role: str) -> HttpResponse:
    role = _role_or_404(role)
    if request.method == "POST":
        services.role_description_reset(actor=request.user, role=role)
        messages.success(request, _("Rollen bruger nu standardteksten igen."))
        return redirect("vocabulary:roles")
    current = selectors.role_texts(request.user.municipality_id)[role]
    return render(request, "vocabulary/role_reset.html", _ctx(request, "roles", current=current))


# --- method tags -------------------------------------------------------------------------------------------


@reader_required
def methods(request: HttpRequest) -> HttpResponse:
    tags = selectors.method_tags(request.user.municipality_id)
    return render(request, "vocabulary/methods.html", _ctx(request, "methods", tags=tags))


@editor_required
@require_http_methods(["GET", "POST"])
def method_create(request: HttpRequest) -> HttpResponse:
    form = forms.MethodTagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        ok, tag, form = run_service(form, lambda: services.method_tag_create(actor=request.user,
                                                                             **form.service_data))
        if ok:
            messages.success(request, _("Metoden »%(label)s« er tilføjet.") % {"label": tag.label})
            return redirect("vocabulary:methods")
    return render(request, "vocabulary/method_form.html", _ctx(request, "methods", form=form, tag=None))


def _tag_or_404(request: HttpRequest, code: str) -> dict[str, Any]:
    for tag in selectors.method_tags(request.user.municipality_id):
        if tag["code"] == code:
            return tag
    raise Http404


@editor_required
@require_http_methods(["GET", "POST"])
def method_edit(request: HttpRequest, code: str) -> HttpResponse:
    tag = _tag_or_404(request, code)
    initial = {"label": tag["label"], "description": tag["description"], "is_retired": tag["is_retired"],
               "version": tag["version"]}
    form = forms.MethodTagEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(
            form, lambda: services.method_tag_update(actor=request.user, code=code, **form.service_data),
            on_error=lambda exc: _stale_form(form, exc, lambda: _tag_or_404(request, code)["version"]))
        if ok:
            messages.success(request, _("Metoden er gemt."))
            return redirect("vocabulary:methods")
    return render(request, "vocabulary/method_form.html", _ctx(request, "methods", form=form, tag=tag))


@editor_required
@require_http_methods(["GET", "POST"])
def method_delete(request: HttpRequest, code: str) -> HttpResponse:
    tag = _tag_or_404(request, code)
    if request.method == "POST":
        if services.method_tag_delete(actor=request.user, code=code):
            messages.success(request, _("Metoden »%(label)s« er slettet.") % {"label": tag["label"]})
        else:
            messages.info(request, _("Metoden »%(label)s« er brugt på aktiviteter og er derfor markeret som "
                                     "udgået i stedet for slettet.") % {"label": tag["label"]})
        return redirect("vocabulary:methods")
    return render(request, "vocabulary/method_delete.html", _ctx(request, "methods", tag=tag))


# --- age bounds --------------------------------------------------------------------------------------------


@reader_required
@require_http_methods(["GET", "POST"])
def age_bounds(request: HttpRequest) -> HttpResponse:
    municipality_id = request.user.municipality_id
    row = selectors.age_bounds_row(municipality_id)
    low, high = selectors.age_bounds(municipality_id)
    may_edit = permissions.may_edit_vocabulary(request.user)
    if request.method == "POST" and not may_edit:
        raise PermissionDenied
    initial = {"min_age": low, "max_age": high, "note": row.note if row else "", "version": row.version if row else 0}
    form = forms.AgeBoundsForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(
            form, lambda: services.age_bounds_set(actor=request.user, **form.service_data),
            on_error=lambda exc: _stale_form(form, exc, lambda: getattr(
                selectors.age_bounds_row(municipality_id), "version", 0)))
        if ok:
            messages.success(request, _("Målgruppens alder er gemt."))
            return redirect("vocabulary:age_bounds")
    return render(request, "vocabulary/age_bounds.html", _ctx(request, "age", form=form, low=low, high=high))


# --- organisations and approaches --------------------------------------------------------------------------


@reader_required
def organisations(request: HttpRequest) -> HttpResponse:
    search = forms.OrganisationSearchForm(request.GET or None)
    q = search.cleaned_data["q"] if search.is_valid() else ""
    orgs = selectors.chain_organisations(request.user.municipality_id, q=q)
    page = Paginator(orgs, PAGE_SIZE).get_page(request.GET.get("side"))
    return render(request, "vocabulary/organisations.html", _ctx(request, "organisations", search=search, q=q,
                                                                  page=page))


def _organisation_or_404(request: HttpRequest, pk: Any) -> Any:
    org = selectors.get_organisation(request.user.municipality_id, pk)
    if org is None:
        raise Http404
    return org


@reader_required
def organisation(request: HttpRequest, pk: int) -> HttpResponse:
    org = _organisation_or_404(request, pk)
    return render(request, "vocabulary/organisation.html", _ctx(
        request, "organisations", org=org, approach=selectors.approach_of(org),
        may_edit_approach=permissions.may_edit_approach(request.user, org)))


@reader_required
@require_http_methods(["GET", "POST"])
def approach_edit(request: HttpRequest, pk: int) -> HttpResponse:
    org = _organisation_or_404(request, pk)
    if not permissions.may_edit_approach(request.user, org):
        raise PermissionDenied
    current = selectors.approach_of(org)
    initial = {"approach": current.approach if current else "", "methods": current.methods if current else "",
               "contact": current.contact if current else "", "version": current.version if current else 0}
    form = forms.ApproachForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        ok, _result, form = run_service(
            form, lambda: services.approach_save(actor=request.user, organisation=org, **form.service_data),
            on_error=lambda exc: _stale_form(form, exc, lambda: getattr(
                selectors.approach_of(_organisation_or_404(request, pk)), "version", 0)))
        if ok:
            messages.success(request, _("Jeres tilgang er gemt."))
            return redirect("vocabulary:organisation", pk=org.pk)
    return render(request, "vocabulary/approach_form.html", _ctx(request, "organisations", form=form, org=org))
