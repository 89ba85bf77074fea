from ungeforlob.demo import loader as demo_loader


def test_the_council_and_public_page_demos_are_idempotent(db, monkeypatch, settings) -> None:  # noqa: ANN001
    from django.test import Client

    from ungeforlob.accounts.models import Organisation
    from ungeforlob.openinfo import demo as openinfo_demo
    from ungeforlob.openinfo.models import PublicPage
    from ungeforlob.voice import demo as voice_demo
    from ungeforlob.youthcouncil import demo
    from ungeforlob.youthcouncil.models import CommentShowing, CouncilMeeting, CouncilMember, Proposal

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    monkeypatch.setattr(demo_loader, "DEMO_LOADERS", [])
    result = demo_loader.load_demo()
    orgs = {o.name: o for o in Organisation.objects.filter(municipality=result["municipality"])}
    args = {"municipality": result["municipality"], "staff": result["staff"], "orgs": orgs}
    voice_demo.load(**args)
    models = (CouncilMeeting, CouncilMember, Proposal, CommentShowing, PublicPage)
    demo.load(**args)
    openinfo_demo.load(**args)
    counts = [m.objects.count() for m in models]
    demo.load(**args)
    openinfo_demo.load(**args)
    assert counts == [m.objects.count() for m in models]
    assert counts[0] == 2 and counts[1] == 6 and counts[2] == 5 and counts[3] == 1 and counts[4] == 1
    assert CouncilMember.objects.exclude(shown_name="").count() == 3
    assert "Ungeindsatsen i Demo Kommune" in Client().get("/kommune/demo/ungeindsats/").content.decode()
    assert Client().get("/kommune/demo/ungeindsats/tilbud.json").status_code == 200
