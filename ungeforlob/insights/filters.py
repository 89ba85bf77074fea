"""The leader's filters: quarter range, organisation, team, age band and sector of the current station.

Use from a leader view (any app)::

    from ungeforlob.insights.filters import LeaderFilterForm

    form = LeaderFilterForm(request.GET, user=request.user)   # always valid: bad values fall back, with errors
    f = form.filters()              # a LeaderFilters
    f.quarters                      # [Quarter, ...] oldest first (8 by default, up to 12)
    f.snapshots()                   # QuarterSnapshot rows of the municipality, range and filters
    f.restrict(Course.objects.all(), youth_field="youth")   # any queryset, cut to the filtered young people
    f.base() / f.parent_bases()     # for suppression.suppress_for_filter
    f.querystring                   # "fra=2024-1&til=2025-4&team=3" to keep the filters on links/exports

Draw it with `{% include "insights/_filters.html" with form=filter_form %}`.

What "belongs to a filter" means: the young person's situation at the end of a quarter, as the worker's
snapshot (`QuarterSnapshot`) recorded it — their contact person's organisation and team, their age band, the
sector of the station they were in. `restrict()` keeps the young people who matched the filters at the end of
at least one quarter of the range. Everything starts from the leader's own municipality.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ungeforlob.accounts.models import Organisation, Team
from ungeforlob.insights.models import AgeBand, QuarterSnapshot, StationSector
from ungeforlob.insights.quarters import Quarter, quarter_range, quarters_back

DEFAULT_QUARTERS = 8
MAX_QUARTERS = 12


@dataclass
class LeaderFilters:
    municipality_id: int
    quarters: list[Quarter]
    organisation: Organisation | None = None
    team: Team | None = None
    age_band: str = ""
    sector: str = ""
    _bases: dict[str, int] = field(default_factory=dict, repr=False)

    def _q(self, *, without: str = "") -> Q:
        q = Q(municipality_id=self.municipality_id, quarter__gte=self.quarters[0].start,
              quarter__lte=self.quarters[-1].start)
        if self.organisation and without != "organisation":
            q &= Q(organisation=self.organisation)
        if self.team and without != "team":
            q &= Q(team=self.team)
        if self.age_band and without != "age_band":
            q &= Q(age_band=self.age_band)
        if self.sector and without != "sector":
            q &= Q(sector=self.sector)
        return q

    @property
    def active(self) -> list[str]:
        return [name for name in ("organisation", "team", "age_band", "sector") if getattr(self, name)]

    def snapshots(self, *, without: str = "") -> QuerySet[QuarterSnapshot]:
        return QuarterSnapshot.objects.filter(self._q(without=without))

    def youth_ids(self) -> QuerySet[QuarterSnapshot]:
        """A subquery of the ids of the young people in the filters (use with `youth_id__in=`)."""
        return self.snapshots().values("youth_id")

    def restrict(self, queryset: QuerySet[Any], *, youth_field: str = "youth") -> QuerySet[Any]:
        """`queryset` of any model with a path to a young person, cut to the municipality and the filters."""
        qs = queryset.filter(**{f"{youth_field}__municipality_id": self.municipality_id})
        if not self.active:
            return qs
        return qs.filter(**{f"{youth_field}__in": self.youth_ids()})

    def _count(self, without: str = "") -> int:
        if without not in self._bases:
            self._bases[without] = self.snapshots(without=without).values("youth_id").distinct().count()
        return self._bases[without]

    def base(self) -> int:
        """How many young people the filtered view rests on."""
        return self._count()

    def parent_bases(self) -> list[int]:
        """The same count with one active filter removed at a time (one query each, at most four)."""
        return [self._count(name) for name in self.active]

    @property
    def querystring(self) -> str:
        params = {"fra": self.quarters[0].code, "til": self.quarters[-1].code}
        if self.organisation:
            params["organisation"] = str(self.organisation.pk)
        if self.team:
            params["team"] = str(self.team.pk)
        if self.age_band:
            params["alder"] = self.age_band
        if self.sector:
            params["sektor"] = self.sector
        return urlencode(params)


class LeaderFilterForm(forms.Form):
    fra = forms.ChoiceField(label=_("Fra kvartal"), required=False)
    til = forms.ChoiceField(label=_("Til kvartal"), required=False)
    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=Organisation.objects.none(),
                                          required=False, empty_label=_("Alle organisationer"))
    team = forms.ModelChoiceField(label=_("Team"), queryset=Team.objects.none(), required=False,
                                  empty_label=_("Alle teams"))
    alder = forms.ChoiceField(label=_("Alder"), required=False,
                              choices=[("", _("Alle aldre")), *AgeBand.choices])
    sektor = forms.ChoiceField(label=_("Sektor for nuværende station"), required=False,
                               choices=[("", _("Alle sektorer")), *StationSector.choices])

    def __init__(self, data: Any = None, *, user: Any, today: datetime.date | None = None) -> None:
        # An empty GET is the default view, not a form with errors.
        super().__init__(data if data else None)
        self.user = user
        self.today = today or timezone.localdate()
        self.available = quarters_back(self.today, MAX_QUARTERS)
        choices = [(q.code, q.label) for q in reversed(self.available)]
        self.fields["fra"].choices = choices
        self.fields["til"].choices = choices
        self.fields["fra"].initial = self.available[-DEFAULT_QUARTERS].code
        self.fields["til"].initial = self.available[-1].code
        self.fields["organisation"].queryset = Organisation.objects.filter(municipality_id=user.municipality_id)
        self.fields["team"].queryset = Team.objects.filter(municipality_id=user.municipality_id)
        for name in ("fra", "til", "organisation", "team", "alder", "sektor"):
            self.fields[name].widget.attrs["class"] = "form-select"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        first = Quarter.parse(data.get("fra") or "") or self.available[-DEFAULT_QUARTERS]
        last = Quarter.parse(data.get("til") or "") or self.available[-1]
        if first > last:
            raise forms.ValidationError(gettext("Fra-kvartalet skal ligge før til-kvartalet."))
        data["quarters"] = quarter_range(first, last)
        return data

    def filters(self) -> LeaderFilters:
        """The filters to apply; a form with errors gives the default view (its errors are shown above it)."""
        default = quarter_range(self.available[-DEFAULT_QUARTERS], self.available[-1])
        if not self.is_bound or not self.is_valid():
            return LeaderFilters(self.user.municipality_id, default)
        d = self.cleaned_data
        return LeaderFilters(self.user.municipality_id, d["quarters"], organisation=d.get("organisation"),
                             team=d.get("team"), age_band=d.get("alder") or "", sector=d.get("sektor") or "")
