"""The record of processing (art. 30): a page, a PDF and Markdown, for the data protection officer and the
administrator. Downloads are logged (EXPORT, no young person)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string

from ungeforlob.audit.models import AuditAction
from ungeforlob.audit.services import audit_record
from ungeforlob.processing import access
from ungeforlob.processing.record import build_record


def _context(request: HttpRequest) -> dict:
    return {"record": build_record(request.user.municipality)}


def record(request: HttpRequest) -> HttpResponse:
    access.require_record_reader(request.user)
    return render(request, "processing/record.html", _context(request))


def _download(request: HttpRequest, content: bytes | str, content_type: str, extension: str) -> HttpResponse:
    audit_record(actor=request.user, action=AuditAction.EXPORT, object_type="processing_record",
                 detail={"format": extension})
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="behandlingsfortegnelse.{extension}"'
    return response


def record_pdf(request: HttpRequest) -> HttpResponse:
    access.require_record_reader(request.user)
    from ungeforlob.processing.pdf import render_record_pdf

    return _download(request, render_record_pdf(_context(request)), "application/pdf", "pdf")


def record_markdown(request: HttpRequest) -> HttpResponse:
    access.require_record_reader(request.user)
    text = render_to_string("processing/record.md", _context(request))
    return _download(request, text, "text/markdown; charset=utf-8", "md")
