"""The project stands on its own: no code, test or build file reads the seed folder beside the repository."""

from __future__ import annotations

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
SKIP_DIRS = {".git", ".venv", "node_modules", "artifacts", "var", "staticfiles", "__pycache__", ".ruff_cache",
             "ungeforlob.egg-info"}
CHECKED_SUFFIXES = {".py", ".toml", ".cfg", ".ini", ".sh", ".json", ".yml", ".yaml", ".txt", ".env"}
CHECKED_NAMES = {"Makefile", "conftest.py", "manage.py", ".env.example"}
# The seed folder's name, put together here so that this file does not itself name the paths it looks for.
FOLDER = "".join(("sha", "red"))
OUTSIDE = re.compile(
    "|".join([
        re.escape("../" + FOLDER),                   # the sibling folder, in code or a help text
        re.escape(FOLDER + "/data"),
        re.escape("/work/" + FOLDER),                # an absolute path to the seed folder
        r"/\s*[\"']" + FOLDER + r"[\"']",            # Path(...).parent / "<folder>" / ...
    ])
)


def _project_files() -> list[Path]:
    files = []
    for folder, dirs, names in os.walk(ROOT):
        dirs[:] = [d for d in dirs if d not in SKIP_DIRS]
        for name in names:
            path = Path(folder) / name
            if path.suffix in CHECKED_SUFFIXES or name in CHECKED_NAMES:
                files.append(path)
    return files


def test_no_code_or_test_refers_to_the_seed_folder_outside_the_repository() -> None:
    files = _project_files()
    assert any(f.name == "conftest.py" for f in files) and len(files) > 100  # the walk really saw the project
    offending = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in files
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1)
        if OUTSIDE.search(line)
    ]
    assert offending == [], "Reads outside the repository (copy the data into the app that owns it):\n" + "\n".join(
        offending)


def test_the_check_recognises_a_read_outside_the_repository() -> None:
    for line in (f'path = BASE_DIR.parent / "{FOLDER}" / "data" / "tilbud.csv"',
                 f'TAXONOMY = Path(__file__).resolve().parents[4] / "{FOLDER}" / "taxonomy.md"',
                 f'"""Reads `../{FOLDER}/data/tilbud.csv`."""',
                 f"open('/work/{FOLDER}/taxonomy.md')"):
        assert OUTSIDE.search(line), line
    assert not OUTSIDE.search("is_shared = models.BooleanField()")
    assert not OUTSIDE.search('PlanShare.objects.filter(shared_with=user)')
