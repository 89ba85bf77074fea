"""Pages of the imports app: administrators only, their own municipality only. No page shows a young person's
name or CPR number: the dry run and the result speak of rows, columns and counts."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ungeforlob.core.decorators import administrator_required
from ungeforlob.core.forms import run_service
from ungeforlob.imports import files, services
from ungeforlob.imports.forms import ConfirmForm, UploadForm
from ungeforlob.imports.models import ImportJob, ImportKind, ImportStatus

ERRORS_SHOWN = 500  # rows of errors drawn on the page; the rest are counted


def _kind_or_404(kind: str) -> str:
    if kind not in ImportKind.values:
        raise Http404
    return kind


def _job_or_404(request: HttpRequest, pk: int) -> ImportJob:
    return get_object_or_404(ImportJob.objects.select_related("created_by"), pk=pk,
                             municipality_id=request.user.municipality_id)


@administrator_required
def index(request: HttpRequest) -> HttpResponse:
    recent = (ImportJob.objects.filter(municipality_id=request.user.municipality_id)
              .select_related("created_by").defer("payload")[:10])
    return render(request, "imports/index.html", {"recent": recent, "kinds": ImportKind.choices})


@administrator_required
def upload(request: HttpRequest, kind: str) -> HttpResponse:
    kind = _kind_or_404(kind)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["file"]
        ok, job, form = run_service(form, lambda: services.import_check(
            actor=request.user, kind=kind, file_name=upload_file.name,
            data=upload_file.read(files.MAX_FILE_BYTES + 1)))
        if ok:
            return redirect("imports:job", pk=job.pk)
    return render(request, "imports/upload.html", {
        "form": form, "kind": kind, "kind_label": ImportKind(kind).label, "columns": services.COLUMNS[kind]})


@administrator_required
def template_file(request: HttpRequest, kind: str, fmt: str) -> HttpResponse:
    columns = services.COLUMNS.get(_kind_or_404(kind))  # type: ignore[call-overload]
    if fmt == "csv":
        response = HttpResponse(files.template_csv(columns), content_type="text/csv; charset=utf-8")
    elif fmt == "xlsx":
        response = HttpResponse(files.template_xlsx(columns),
                                content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="skabelon-{kind}.{fmt}"'
    return response


@administrator_required
def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The dry run's answer (with the confirm button), the progress of a run, or its result.

    While the worker runs the file, htmx asks for the progress fragment every two seconds; the page only reads."""
    job = _job_or_404(request, pk)
    template = "imports/_progress.html" if request.htmx and job.status != ImportStatus.CHECKED else "imports/job.html"
    counts = job.preview if job.status in {ImportStatus.CHECKED, ImportStatus.CANCELLED} else job.result
    return render(request, template, {
        "job": job, "counts": counts, "form": ConfirmForm(), "errors": job.errors[:ERRORS_SHOWN],
        "errors_hidden": max(0, len(job.errors) - ERRORS_SHOWN), "kind_label": ImportKind(job.kind).label,
        "row_errors": sum(1 for e in job.errors if e.get("level") == "error"),
    })


@require_POST
@administrator_required
def job_confirm(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job_or_404(request, pk)
    form = ConfirmForm(request.POST)
    if form.is_valid():
        ok, job, form = run_service(form, lambda: services.import_confirm(actor=request.user, job=job))
        if ok and job.total <= services.SYNC_LIMIT:
            services.import_run(actor=request.user, job=job)
        elif not ok:
            messages.info(request, _("Importen er allerede sat i gang."))
    return redirect("imports:job", pk=pk)


@require_POST
@administrator_required
def job_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    job = _job_or_404(request, pk)
    services.import_cancel(actor=request.user, job=job)
    messages.success(request, _("Importen er annulleret. Intet blev gemt."))
    return redirect("imports:index")
