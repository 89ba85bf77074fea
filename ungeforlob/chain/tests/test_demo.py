from ungeforlob.chain import demo
from ungeforlob.chain.models import Concern, Handover, PlanStop, Referral
from ungeforlob.demo import loader as demo_loader


def test_the_chain_demo_is_idempotent_and_has_an_overdue_concern(db, monkeypatch, settings) -> None:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.setattr(demo_loader, "DEMO_LOADERS", [])
    result = demo_loader.load_demo()
    args = {"municipality": result["municipality"], "staff": result["staff"], "orgs": {}}
    demo.load(**args)
    counts = (Concern.objects.count(), Referral.objects.count(), Handover.objects.count(), PlanStop.objects.count())
    demo.load(**args)
    assert counts == (Concern.objects.count(), Referral.objects.count(), Handover.objects.count(),
                      PlanStop.objects.count())
    assert counts[0] == 3 and counts[1] == 3 and counts[2] == 1
    from ungeforlob.chain.services import concerns_escalate_due

    assert concerns_escalate_due() == 1  # the overdue one
