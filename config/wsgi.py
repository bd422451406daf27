import gc
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()

# A page makes tens of thousands of short-lived objects (rows, template nodes): at Python's
# default threshold (700 new objects) the cycle collector ran many times in each cooperation
# page, scanning what the process keeps, about a fifth of the page's CPU (docs/scaling.md).
# What start-up loaded is frozen out of its scans, and it runs ten times less often; reference
# counting still frees every object outside a cycle at once.
gc.freeze()
gc.set_threshold(7000, 10, 10)
