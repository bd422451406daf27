"""Django's own messages whose Indonesian translation Mitra corrects.

Mitra's catalogue (locale/id) is searched before Django's, so an entry there replaces Django's
translation. Naming the message here keeps it in the catalogue when `make messages` runs.
"""

from django.utils.translation import gettext_noop

CORRECTED = (
    # Django's catalogue says "tidak ada" (does not exist) where the record already exists.
    gettext_noop("%(model_name)s with this %(field_labels)s already exists."),
)
