"""Texts of Django that its Indonesian catalogue lacks (Django 6.1) or says awkwardly, and of
the apps Mitra installs, listed so that `make messages` brings them into Mitra's catalogue,
whose translations take precedence over Django's (LOCALE_PATHS). The admin's index read
"Autentikasi dan Otorisasi" among headings in sentence case, "Task Results" in English, and
told a screen reader "Rubah atau tampilkan tautan kunjungan" (`tests/test_admin_index_reads_naturally.py`). `tests/test_admin_speaks_indonesian.py` fails when a Django upgrade brings
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
    # Said awkwardly by Django's catalogue, on the admin's index.
    gettext_noop("Authentication and Authorization"),
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    # django_tasks_db's, which has no Indonesian catalogue.
    gettext_noop("Task Result"),
    gettext_noop("Task Results"),
)
DJANGO_PLURAL_TEXTS = (
    ngettext_lazy("…and %(count)d more object.", "…and %(count)d more objects.", "count"),
)
