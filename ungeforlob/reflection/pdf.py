"""A reflection as a PDF (WeasyPrint), in the manner of the plan PDF: a stylesheet file beside the templates,
the design system's font when installed, and no network (the URL fetcher allows only local files)."""

from __future__ import annotations

from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from ungeforlob.core.pdf import font_css, local_only
from ungeforlob.reflection import selectors
from ungeforlob.reflection.models import Reflection

STYLESHEET = Path(__file__).parent / "static" / "reflection" / "pdf.css"


def render_reflection_pdf(reflection: Reflection) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    html = render_to_string("reflection/reflection_pdf.html", {
        "reflection": reflection, "group": reflection.group, "data": selectors.reflection_detail(reflection),
        "scale": selectors.maturity_scale(), "today": timezone.localdate()})
    font_config = FontConfiguration()
    fetcher = local_only()
    sheets = [CSS(filename=str(STYLESHEET), url_fetcher=fetcher, font_config=font_config)]
    fonts = font_css()
    if fonts:
        sheets.insert(0, CSS(string=fonts, url_fetcher=fetcher, font_config=font_config))
    return HTML(string=html, base_url=str(Path(__file__).parent), url_fetcher=fetcher).write_pdf(
        stylesheets=sheets, font_config=font_config)
