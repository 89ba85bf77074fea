"""Min plan as a PDF (WeasyPrint): plain Danish, large type, the stick figure first.

The stylesheet is a file beside the templates (no inline styles in HTML anywhere). No network: every
resource is a local file, and the URL fetcher refuses any other protocol.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils import timezone

from ungeforlob.core.pdf import font_css, local_only
from ungeforlob.plans import selectors
from ungeforlob.plans.models import PlanShare, SharePart
from ungeforlob.youth.models import Youth

STYLESHEET = Path(__file__).parent / "static" / "plans" / "pdf.css"
def plan_pdf_context(youth: Youth, *, parts: list[str], share: PlanShare | None = None) -> dict[str, Any]:
    from ungeforlob.plans.services import youth_display_name

    profile = selectors.profile_for(youth) if SharePart.PROFILE in parts else None
    return {
        "youth": youth,
        "name": youth_display_name(youth),
        "plan": selectors.plan_for(youth),
        "profile": profile,
        "motivations": selectors.motivations(profile) if profile else [],
        "show_goals": SharePart.GOALS in parts,
        "show_activities": SharePart.ACTIVITIES in parts,
        "show_evaluations": SharePart.EVALUATIONS in parts,
        "today": timezone.localdate(),
        # A share's copy is read by someone else: it names the recipient and the consent and speaks about the
        # young person ("Planen for Josefine"), not to her.
        "share": share,
    }


def render_plan_pdf(youth: Youth, *, parts: list[str], share: PlanShare | None = None) -> bytes:
    from weasyprint import CSS, HTML
    from weasyprint.text.fonts import FontConfiguration

    html = render_to_string("plans/plan_pdf.html", plan_pdf_context(youth, parts=parts, share=share))
    font_config = FontConfiguration()
    fetcher = local_only()
    sheets = [CSS(filename=str(STYLESHEET), url_fetcher=fetcher, font_config=font_config)]
    fonts = font_css()
    if fonts:
        sheets.insert(0, CSS(string=fonts, url_fetcher=fetcher, font_config=font_config))
    return HTML(string=html, base_url=str(Path(__file__).parent), url_fetcher=fetcher).write_pdf(
        stylesheets=sheets, font_config=font_config)
