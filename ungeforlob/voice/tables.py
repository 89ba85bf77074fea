"""The voice app's tables as insights `Table`s: drawn on the pages and downloadable as CSV/XLSX through
insights' generic export (registered in `insights.tables.TABLE_SOURCES` as "voice")."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext, gettext_lazy

from ungeforlob.insights.tables import Table
from ungeforlob.voice import benchmark, selectors
from ungeforlob.voice.quarters import Quarter

ANONYMOUS_NOTE = gettext_lazy("Svarene fra Min side er anonyme og kan ikke deles op efter organisation, team, alder "
                              "eller sektor: tallene gælder hele kommunen.")


def quarters_table(rows: list[dict[str, Any]]) -> Table:
    """Per quarter: answers and the average of each question (newest first)."""
    labels = [q["label"] for q in rows[0]["questions"]] if rows else []
    return Table("voice-quarters", gettext("Svar fra de unge pr. kvartal"),
                 [gettext("Kvartal"), gettext("Svar"), *(gettext("%(q)s (gennemsnit 1–5)") % {"q": q} for q in labels)],
                 [(r["quarter"].label, [r["answers"], *(q["mean"] for q in r["questions"])]) for r in reversed(rows)])


def distribution_table(row: dict[str, Any]) -> Table:
    """One quarter: how many answered 1, 2, 3, 4 and 5 to each question (with secondary suppression)."""
    return Table(f"voice-distribution-{row['quarter'].code}",
                 gettext("Fordeling af svarene i %(q)s") % {"q": row["quarter"].label},
                 [gettext("Spørgsmål"), "1", "2", "3", "4", "5", gettext("Svar i alt")],
                 [(q["label"], [*q["distribution"], row["answers"]]) for q in row["questions"]],
                 note=gettext("Antal svar med hvert tal fra 1 (slet ikke) til 5 (helt)."))


def compare_table(data: dict[str, Any]) -> Table:
    first, last = data["period"]
    return Table("voice-compare", gettext("Nøgletal pr. kommune, %(a)s – %(b)s") % {"a": first.label, "b": last.label},
                 [gettext("Kommune"), gettext("Forløb startet"), gettext("Forløb afsluttet"),
                  gettext("Afsluttet i uddannelse eller job"), gettext("Varighed (median, dage)"),
                  gettext("Fastholdt 3 mdr. efter uddannelsesstart"), gettext("Rykket et niveau op"),
                  gettext("Bekymringer"), gettext("Kvitteret inden fristen"), gettext("Svartid (median, timer)"),
                  gettext("Unge følte sig hørt (1–5)")],
                 [(r["name"], [r["started"], r["ended"], r["good_share"], r["median_days"], r["retention_3"],
                               r["moved_up"], r["concerns"], r["on_time"],
                               r["median_response"], r["voice_heard"]]) for r in data["rows"]],
                 note=gettext("Andre kommuner vises med navn, når både de og I deltager med navn. “Rykket et niveau "
                              "op”: af de unge, der var vurderet ved to kvartalers udgang i træk."))


def tables(filters: Any) -> list[Table]:
    """Every voice table in the leader's quarter range (the source of `/ledelse/eksport/voice-…`)."""
    quarters: list[Quarter] = list(filters.quarters)
    rows = selectors.feedback_by_quarter(municipality_id=filters.municipality_id, quarters=quarters)
    out = [quarters_table(rows), *(distribution_table(r) for r in rows)]
    if benchmark.several_municipalities():
        out.append(compare_table(benchmark.comparison(municipality_id=filters.municipality_id,
                                                      quarters=quarters[-4:])))
    if filters.active:
        for t in out:
            t.note = " ".join(filter(None, [t.note, str(ANONYMOUS_NOTE)]))
    return out
