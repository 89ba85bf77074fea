from ungeforlob.accounts.models import Role, User
from ungeforlob.demo import loader as demo_loader
from ungeforlob.logreview import demo
from ungeforlob.logreview.models import LogSample


def test_the_log_review_demo_has_an_officer_and_last_months_sample_once(db, monkeypatch) -> None:
    from ungeforlob.accounts.models import Organisation

    monkeypatch.setattr(demo_loader, "DEMO_LOADERS", [])
    result = demo_loader.load_demo()
    orgs = {o.name: o for o in Organisation.objects.filter(municipality=result["municipality"])}
    args = {"municipality": result["municipality"], "staff": result["staff"], "orgs": orgs}
    demo.load(**args)
    demo.load(**args)
    assert User.objects.filter(role=Role.DPO, username="dpo").count() == 1
    assert LogSample.objects.filter(municipality=result["municipality"]).count() == 1
