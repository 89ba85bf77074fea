"""A short, human name for the device behind a user agent ("Firefox på Windows"), without a dependency."""

from __future__ import annotations

from django.utils.translation import gettext as _

_BROWSERS = [("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chrome/", "Chrome"),
             ("Chromium/", "Chromium"), ("Safari/", "Safari")]
_SYSTEMS = [("iPhone", "iPhone"), ("iPad", "iPad"), ("Android", "Android"), ("Windows", "Windows"),
            ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("CrOS", "ChromeOS"), ("Linux", "Linux")]


def describe(user_agent: str) -> str:
    """E.g. "Chrome på Windows"; "Ukendt enhed" when nothing is recognised."""
    ua = user_agent or ""
    browser = next((name for marker, name in _BROWSERS if marker in ua), "")
    system = next((name for marker, name in _SYSTEMS if marker in ua), "")
    if browser and system:
        return _("%(browser)s på %(system)s") % {"browser": browser, "system": system}
    return browser or system or _("Ukendt enhed")
