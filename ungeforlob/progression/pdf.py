"""PDF rendering with WeasyPrint: a template rendered to HTML, styled by a CSS file (no inline styles)."""

from __future__ import annotations

from typing import Any

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    from weasyprint import CSS, HTML  # imported here: only PDF views pay for loading it

    html = render_to_string(template, context)
    stylesheet = finders.find("progression/pdf.css")
    return HTML(string=html).write_pdf(stylesheets=[CSS(filename=stylesheet)] if stylesheet else None)


def round_pdf(youth: Any, round: Any) -> bytes:
    """One self-evaluation round as the young person's picture (staff print and Min side use the same)."""
    from ungeforlob.progression import selectors

    context = selectors.self_evaluation_overview(youth, focus=round)
    context.update(youth=youth, round=round)
    return render_pdf("progression/selfeval_pdf.html", context)
