import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# Everything loaded by now (Django, the project, their modules: some 200,000 objects) lives as long as the process.
# Frozen, it is out of the cyclic collector's reach, so a full collection during a request walks only what requests
# made: in-process that took about 1.2 ms a request on average at national scale (docs/benchmarks.md).
gc.freeze()
