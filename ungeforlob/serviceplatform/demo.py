"""Demo data: the local CPR register knows the demo's young people (and the test persons of data/fake_cpr.json)."""

from __future__ import annotations

from typing import Any


def load(*, municipality: Any, staff: Any, orgs: Any) -> None:
    from ungeforlob.serviceplatform.fake import fake_register_seed

    fake_register_seed(youths=municipality.youths.all())
