"""The benchmark's trivial staff view (bench_urls.py, used only by `make bench-scale`)."""

from django.test import override_settings

from ungeforlob.testing import Personas


@override_settings(ROOT_URLCONF="ungeforlob.scale.bench_urls")
def test_the_trivial_staff_view_answers_a_logged_in_professional_without_a_query_of_its_own(
        p: Personas, as_user, client, count_queries) -> None:
    assert client.get("/bench/tom/").status_code == 302  # not logged in: to the login page
    staff = as_user(p.contact_person)
    staff.get("/bench/tom/")
    responses = []
    queries = count_queries(lambda: responses.append(staff.get("/bench/tom/")))
    assert responses[0].status_code == 200 and responses[0].content == b"ok"
    assert queries <= 2  # the session and the user, nothing else
    assert staff.get("/om/").status_code == 200  # the project's own URLs are all there


def test_the_trivial_staff_view_is_not_a_url_of_the_project(client) -> None:
    assert client.get("/bench/tom/").status_code == 404
