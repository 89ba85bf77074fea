"""The periodic jobs, all in one list: what runs in the background, and how often.

The worker (`manage.py worker`) is their only home: no page load runs them, and there is no second path
(cron, a task queue). A job is a function importable by its dotted path, called with `kwargs` and no user; it
returns how many things it did (or None). It must be safe to run again at any time: a job that failed is tried
again at its next turn, and a job's own writes are atomic where they need to be.

To add one, append a line. `tests/test_jobs.py` imports every path, so a typo fails the suite.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

MINUTE = 60
HOUR = 60 * MINUTE


@dataclass(frozen=True)
class Job:
    name: str  # stable: it keys the job's row in JobState
    path: str  # "package.module.function"
    every: int  # seconds between runs
    kwargs: dict[str, Any] = field(default_factory=dict)


JOBS: tuple[Job, ...] = (
    # Concerns not acknowledged by the end of their deadline's working day go to the leader.
    Job("concerns_escalate", "ungeforlob.chain.tasks.concerns_escalate", every=MINUTE),
    # Memberships resting on a consent that has expired end (access already stopped with the policy).
    Job("consents_expire", "ungeforlob.chain.tasks.consents_expire", every=5 * MINUTE),
    # Self-evaluation rounds the young person chose not to keep: an hour to print them, then they go (the
    # retention kind "self_evaluations_unkept", in every municipality; a run is logged where one went).
    Job("self_evaluations_purge_unkept", "ungeforlob.retention.services.retention_purge_unkept", every=5 * MINUTE),
    # The retention rules of the municipalities that turned automatic runs on: what is due is anonymised or deleted.
    Job("retention_run_automatic", "ungeforlob.retention.services.retention_run_automatic", every=24 * HOUR),
    # Failed-login rows are needed only for the lockout window; a day is kept for looking into an attack.
    Job("login_failures_prune", "ungeforlob.accounts.services.login_failures_prune",
        every=HOUR, kwargs={"older_than": datetime.timedelta(days=1)}),
    # One-time tokens of submitted forms only need to outlive a double click or a re-sent page.
    Job("form_submissions_prune", "ungeforlob.core.services.form_submissions_prune",
        every=HOUR, kwargs={"older_than": datetime.timedelta(days=1)}),
    # File imports of offers whose page was closed go on chunk by chunk, in the uploader's name.
    Job("offer_imports_advance", "ungeforlob.offers.services.offer_imports_advance", every=MINUTE),
    # PostgreSQL: the audit log's monthly partitions, made three months ahead (a no-op on SQLite).
    Job("audit_partitions_ensure", "ungeforlob.audit.services.audit_partitions_ensure", every=24 * HOUR,
        kwargs={"months_ahead": 3}),
    # PostgreSQL: audit log months wholly older than AUDIT_RETENTION_MONTHS are dropped (the only way rows go).
    Job("audit_partitions_drop_expired", "ungeforlob.audit.services.audit_partitions_drop_expired", every=24 * HOUR),
    # Leaders' figures: each young person's situation at each quarter's end (the running quarter recomputed).
    Job("insights_snapshots_refresh", "ungeforlob.insights.snapshots.snapshots_refresh", every=HOUR),
    # Log review: last month's weighted sample of reads for each municipality that has none yet (idempotent).
    Job("log_samples_create_due", "ungeforlob.logreview.services.log_samples_create_due", every=6 * HOUR),
    # Moving municipality: sealed handover packages whose consent has run out are emptied (the rows stay).
    Job("relocation_purge_expired", "ungeforlob.relocation.services.relocation_purge_expired", every=24 * HOUR),
    # Staff login history (time, address, device) is kept LOGIN_HISTORY_DAYS (default 90), then pruned.
    Job("login_history_prune", "ungeforlob.logins.services.login_history_prune", every=24 * HOUR),
    # The committee's quarterly report as PDF, made ahead for the last completed quarter (a download is the file).
    Job("voice_reports_prepare", "ungeforlob.voice.tasks.reports_prepare", every=6 * HOUR),
    # The comparison between municipalities: each municipality's key figures per period, kept for the page.
    Job("voice_benchmark_refresh", "ungeforlob.voice.tasks.benchmark_refresh", every=HOUR),
    # Confirmed file imports (caseload, education status) too long to run while the administrator waits.
    Job("imports_advance", "ungeforlob.imports.services.imports_advance", every=MINUTE),
    # Webhook deliveries due now go to their receivers, signed; `manage.py webhook_worker` sends them continuously.
    Job("webhook_deliveries_send", "ungeforlob.webhooks.outbox.deliveries_send", every=MINUTE, kwargs={"limit": 500}),
    # Delivered and failed webhook rows stay a month on the administrator's page (a payload may carry a name).
    Job("webhook_deliveries_prune", "ungeforlob.webhooks.services.deliveries_prune", every=24 * HOUR,
        kwargs={"older_than": datetime.timedelta(days=30)}),
)
