"""Settings for the outbox drills (benchmark and kill test): the project's settings, quiet hours off.

The drills run at whatever hour someone runs them; quiet hours (22–07) would hold every message.
"""

from config.settings import *  # noqa: F403

SMS_QUIET_HOURS_ENABLED = False
