"""Texts of Django that its Indonesian catalogue lacks (Django 6.1), listed so that `make
messages` brings them into Mitra's catalogue, whose translations take precedence over Django's
(LOCALE_PATHS). `tests/test_admin_speaks_indonesian.py` fails when a Django upgrade brings
another; "- Select an option -" is replaced instead (`mitra.lib.forms.BLANK_CHOICE_LABEL`).

The scripts of Django's admin have their own catalogue, `locale/id/LC_MESSAGES/djangojs.po`.
"""

from django.utils.translation import gettext_noop, ngettext_lazy

DJANGO_TEXTS = (
    gettext_noop("Filter by %(field_name)s"),
    gettext_noop("Logout"),
    gettext_noop('The app "%s" could not be found.'),
    gettext_noop("No %s matches the given query."),
    gettext_noop("“%(value)s” is not a valid binary value."),
)
DJANGO_PLURAL_TEXTS = (
    ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects.", "count"),
)
