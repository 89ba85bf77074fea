"""The record of processing as a PDF (WeasyPrint, local files only), from the same template as the page."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string

from ungeforlob.core.pdf import font_css, local_only

STYLESHEET = Path(__file__).parent / "static" / "processing" / "record_pdf.css"


def render_record_pdf(context: dict[str, Any]) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    html = render_to_string("processing/record_pdf.html", context)
    font_config = FontConfiguration()
    fetcher = local_only()
    sheets = [CSS(filename=str(STYLESHEET), url_fetcher=fetcher, font_config=font_config)]
    fonts = font_css()
    if fonts:
        sheets.insert(0, CSS(string=fonts, url_fetcher=fetcher, font_config=font_config))
    return HTML(string=html, base_url=str(Path(__file__).parent), url_fetcher=fetcher).write_pdf(
        stylesheets=sheets, font_config=font_config)
