"""Settings for the outbox drills (benchmark and kill test): the project's settings, quiet hours off.

The drills run at whatever hour someone runs them; quiet hours (22–07) would hold every message. A send that
timed out is tried again after a second, not 30: the drills count what is lost, not how long a retry waits.
"""

from config.settings import *  # noqa: F403

SMS_QUIET_HOURS_ENABLED = False
SMS_RETRY_BASE_SECONDS = 1
