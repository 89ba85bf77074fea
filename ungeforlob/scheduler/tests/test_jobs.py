"""The registry of periodic jobs: every path imports, names are unique, and the known work is in it."""

from __future__ import annotations

import inspect

from django.utils.module_loading import import_string

from ungeforlob.scheduler.jobs import JOBS


def test_every_registered_job_is_an_importable_function_taking_its_kwargs() -> None:
    for job in JOBS:
        fn = import_string(job.path)
        assert callable(fn), job.path
        inspect.signature(fn).bind(**job.kwargs)  # raises TypeError if the kwargs do not fit
        assert job.every >= 60, f"{job.name} runs more often than once a minute"


def test_job_names_are_unique() -> None:
    names = [job.name for job in JOBS]
    assert len(names) == len(set(names))


def test_the_periodic_work_of_the_system_is_registered() -> None:
    assert {job.name for job in JOBS} >= {"concerns_escalate", "consents_expire", "self_evaluations_purge_unkept",
                                           "login_failures_prune"}
