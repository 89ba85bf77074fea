"""What every PDF of the project shares (the plan, a reflection, the quarterly report): WeasyPrint with no network
— the URL fetcher refuses every protocol but local files — and the design system's font when it is installed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

FONT_DIR = Path(settings.BASE_DIR) / "node_modules" / "dkfds" / "dist" / "fonts" / "IBMPlexSans" / "complete" / "ttf"


def local_only() -> Any:
    """A WeasyPrint URL fetcher that reads local files and nothing else."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols={"file"})


def font_css() -> str:
    """@font-face rules for IBM Plex Sans (the design system's font) when it is installed."""
    rules = []
    for weight, name in ((400, "IBMPlexSans-Regular"), (600, "IBMPlexSans-SemiBold")):
        path = FONT_DIR / f"{name}.ttf"
        if path.exists():
            rules.append(f'@font-face {{ font-family: "IBM Plex Sans"; font-weight: {weight}; '
                         f'src: url("{path.as_uri()}"); }}')
    return "\n".join(rules)
