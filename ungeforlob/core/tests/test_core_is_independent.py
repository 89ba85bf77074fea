"""`core` is the ground the domain apps stand on: it imports none of them, not even by dotted string.

Apps contribute to core's gatherings by declaring them on their own AppConfig (see `core.agenda`), and
the demo lives in `ungeforlob.demo`. A core module that needs a domain app belongs in that app.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from django.apps import apps

import ungeforlob.core

# Every other app of the project, installed or about to be (notifications is moving out of chain).
DOMAIN_APPS = sorted({
    "accounts", "audit", "youth", "chain", "plans", "progression", "transitions", "messaging", "offers",
    "insights", "portal", "notifications", "scheduler", "demo",
    *(config.name.removeprefix("ungeforlob.") for config in apps.get_app_configs()
      if config.name.startswith("ungeforlob.") and config.name != "ungeforlob.core"),
})
CORE = Path(ungeforlob.core.__file__).parent
DOMAIN = re.compile(rf"\bungeforlob\.({'|'.join(DOMAIN_APPS)})\b")


def domain_references(source: str) -> list[str]:
    """Every import of, or string naming, `ungeforlob.<domain app>` in a module's source."""
    found = []
    for node in ast.walk(ast.parse(source)):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            names = [node.value]
        if hits := [name for name in names if DOMAIN.search(name)]:
            found.append(f"line {node.lineno}: {hits[-1]!r}")  # type: ignore[attr-defined]
    return found


def core_modules() -> list[Path]:
    return sorted(path for path in CORE.rglob("*.py") if "tests" not in path.relative_to(CORE).parts)


def test_core_imports_no_domain_app_nor_names_one_in_a_string() -> None:
    offenders = {
        str(path.relative_to(CORE)): refs
        for path in core_modules() if (refs := domain_references(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_check_sees_imports_from_imports_and_dotted_strings() -> None:
    source = (
        "import ungeforlob.youth.models\n"
        "from ungeforlob.chain import selectors\n"
        "from ungeforlob import plans\n"
        "SOURCES = ['ungeforlob.transitions.agenda.followup_items']\n"
        "from ungeforlob import policy\n"
        "from ungeforlob.core.text import possessive\n"
        "NOTE = 'ungeforlob.youthful is not an app'\n"
    )
    assert [ref.split(":")[0] for ref in domain_references(source)] == ["line 1", "line 2", "line 3", "line 4"]
    assert core_modules() and all(CORE in path.parents for path in core_modules())
