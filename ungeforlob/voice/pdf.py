"""The quarterly report as a PDF (WeasyPrint, like Min plan): the preview's template, a stylesheet file beside
it, local files only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from ungeforlob.core.pdf import font_css, local_only

STYLESHEET = Path(__file__).parent / "static" / "voice" / "report_pdf.css"


def render_report_pdf(context: dict[str, Any]) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    html = render_to_string("voice/report_pdf.html", {**context, "plain": True})
    font_config = FontConfiguration()
    fetcher = local_only()
    sheets = [CSS(filename=str(STYLESHEET), url_fetcher=fetcher, font_config=font_config)]
    fonts = font_css()
    if fonts:
        sheets.insert(0, CSS(string=fonts, url_fetcher=fetcher, font_config=font_config))
    return HTML(string=html, base_url=str(Path(__file__).parent), url_fetcher=fetcher).write_pdf(
        stylesheets=sheets, font_config=font_config)
