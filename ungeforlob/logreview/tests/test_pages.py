"""The officer's pages: the samples, one sample, the report; constant query counts; the DPO opens no records."""

from __future__ import annotations

import datetime

from ungeforlob.logreview.models import LogSample, Outcome, SampledRead
from ungeforlob.logreview.tests.factories import at, dpo, last_month, world
from ungeforlob.testing import Personas, client_for


def _more_samples(p: Personas, months: int, rows: int) -> None:
    month = last_month()
    for k in range(1, months + 1):
        day = (month - datetime.timedelta(days=31 * k)).replace(day=1)
        sample = LogSample.objects.create(municipality=p.municipality, month=day, seed=k, population=100)
        SampledRead.objects.bulk_create([
            SampledRead(sample=sample, event_id=i, read_at=at(day.replace(day=2)), actor=p.colleague,
                        actor_name="Jonas Friis", youth_id=p.youth.pk, action="read",
                        outcome=Outcome.JUSTIFIED if i % 2 else "") for i in range(rows)])


def test_the_samples_page_counts_each_months_reviews(p: Personas) -> None:
    world(p)
    page = client_for(p.dpo).get("/logkontrol/").content.decode()
    assert '<td data-label="Vurderet">1 af 2</td>' in page  # the open row is not reviewed, the asked one is
    assert '<td data-label="Spurgt">1 (0 svar)</td>' in page


def test_the_sample_page_filters_the_rows_that_still_need_a_review(p: Personas) -> None:
    w = world(p)
    client = client_for(p.dpo)
    page = client.get(f"/logkontrol/stikproeve/{w.sample.pk}/?vis=mangler").content.decode()
    assert "Jonas Friis" in page and "Mette Kjær" not in page
    asked = client.get(f"/logkontrol/stikproeve/{w.sample.pk}/?vis=spurgt").content.decode()
    assert "Mette Kjær" in asked and "Jonas Friis" not in asked
    assert "Fuldt CPR-nummer vist" in page and "Uden for arbejdstid" in page  # why it was drawn
    assert client.get(f"/logkontrol/stikproeve/{w.sample.pk}/?vis=alt-muligt").status_code == 200


def test_the_report_sums_the_year_month_by_month(p: Personas) -> None:
    w = world(p)
    SampledRead.objects.filter(pk=w.open_row.pk).update(outcome=Outcome.NOT_JUSTIFIED)
    page = client_for(p.dpo).get(f"/logkontrol/rapport/?aar={w.sample.month.year}").content.decode()
    assert "Rapport over logkontrol" in page and "Testkommune" in page
    assert '<td data-label="Ikke begrundet">1</td>' in page
    assert '<td data-label="Udtrukket">2</td>' in page
    assert client_for(p.dpo).get("/logkontrol/rapport/?aar=abc").status_code == 200


def test_the_pages_make_the_same_number_of_queries_for_one_month_and_many(p: Personas, count_queries) -> None:
    w = world(p)
    client = client_for(p.dpo)
    urls = ["/logkontrol/", f"/logkontrol/stikproeve/{w.sample.pk}/", "/logkontrol/rapport/?aar=2026"]
    few = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    _more_samples(p, months=12, rows=30)
    SampledRead.objects.bulk_create([
        SampledRead(sample=w.sample, event_id=1000 + i, read_at=at(w.sample.month.replace(day=3)),
                    actor=p.colleague, actor_name="Jonas Friis", youth_id=p.youth.pk, action="read")
        for i in range(40)])
    many = {url: count_queries(lambda url=url: client.get(url)) for url in urls}
    assert many == few


def test_the_data_protection_officer_opens_no_young_persons_record(p: Personas) -> None:
    """The DPO sees the log, not the records: every youth page of the foundation answers as if there were none."""
    from ungeforlob.tests.test_policy_coverage import _request, collect_cases

    client = client_for(dpo(p))
    mine = ("logreview:", "processing:")
    refused = [case for case in collect_cases(p) if not case.url_name.startswith(mine)
               and case.url_name.split(":")[0] in {"youth", "plans", "chain", "progression", "transitions",
                                                    "messaging", "disclosure", "audit"}]
    assert len(refused) > 20
    def is_refused(case) -> bool:
        response = _request(client, case)
        sent_to_the_log = response.status_code == 302 and response["Location"] == "/logkontrol/"  # Mine unge
        return response.status_code in case.refused_statuses or sent_to_the_log

    failures = [f"{c.method} {c.url}" for c in refused if not is_refused(c)]
    assert not failures
    assert client.get(f"/unge/{p.youth.pk}/").status_code == 404


def test_the_review_page_says_whether_the_person_was_in_the_circle_that_day(p: Personas) -> None:
    w = world(p)
    SampledRead.objects.filter(pk=w.open_row.pk).update(in_circle=False)
    client = client_for(p.dpo)
    assert "Nej: medarbejderen var ikke med i den unges kæde den dag" in client.get(
        f"/logkontrol/opslag/{w.open_row.pk}/").content.decode()
    assert "Ikke i kæden den dag" in client.get(f"/logkontrol/stikproeve/{w.sample.pk}/").content.decode()
