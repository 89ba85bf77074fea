from ungeforlob.accounts.models import User
from ungeforlob.chain.models import ChainRole, Membership
from ungeforlob.demo.loader import DEMO_PASSWORD, load_demo
from ungeforlob.insights import demo as insights_demo
from ungeforlob.youth.models import Course, Youth


def test_the_demo_loads_once_and_running_it_again_adds_nothing(db, settings) -> None:
    load_demo()
    counts = (Youth.objects.count(), Membership.objects.count(), Course.objects.count(), User.objects.count())
    assert counts[0] == 40 + insights_demo.HISTORY  # Demo Kommune's 40, and two years of history for /ledelse/
    load_demo()
    assert (Youth.objects.count(), Membership.objects.count(), Course.objects.count(), User.objects.count()) == counts


def test_the_demo_logins_exist_and_every_youth_in_a_course_has_exactly_one_contact_person(db) -> None:
    load_demo()
    for username in ["kontaktperson", "kollega", "udenfor", "leder", "admin"]:
        assert User.objects.get(username=username).check_password(DEMO_PASSWORD)
    assert not Membership.objects.filter(professional__username="udenfor").exists()
    in_a_course = Youth.objects.filter(courses__end_date__isnull=True).distinct()
    assert in_a_course.count() >= 40
    for youth in in_a_course:  # a course that ended ended its contact person's membership with it
        assert Membership.objects.filter(youth=youth, role=ChainRole.CONTACT_PERSON, end_date__isnull=True).count() == 1


def test_seed_demo_sends_no_email_and_prints_only_the_logins(db, settings) -> None:
    import io

    from django.core import mail
    from django.core.management import call_command

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    assert mail.outbox == []
    printed = out.getvalue()
    assert "kontaktperson" in printed and "Subject:" not in printed and "Content-Type" not in printed
