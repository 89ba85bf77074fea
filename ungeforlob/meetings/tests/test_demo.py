from ungeforlob.demo import loader as demo_loader
from ungeforlob.meetings import demo
from ungeforlob.meetings.models import AgendaEntry, ChainMeeting, CooperationAgreement, Decision, Occurrence


def test_the_meetings_demo_is_idempotent_with_a_past_and_an_upcoming_meeting(db, monkeypatch, settings) -> None:
    from django.utils import timezone

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.setattr(demo_loader, "DEMO_LOADERS", [])
    result = demo_loader.load_demo()
    from ungeforlob.accounts.models import Organisation

    orgs = {o.name: o for o in Organisation.objects.filter(municipality=result["municipality"])}
    args = {"municipality": result["municipality"], "staff": result["staff"], "orgs": orgs}
    demo.load(**args)
    counts = [m.objects.count() for m in (ChainMeeting, Occurrence, AgendaEntry, Decision, CooperationAgreement)]
    demo.load(**args)
    assert counts == [m.objects.count() for m in (ChainMeeting, Occurrence, AgendaEntry, Decision, CooperationAgreement)]
    today = timezone.localdate()
    assert Occurrence.objects.filter(held_on__lt=today).count() == 1
    assert Occurrence.objects.filter(held_on__gt=today).count() == 1
    assert counts[2] == 2 and counts[3] == 2 and Decision.objects.filter(done_at__isnull=True).count() == 1
