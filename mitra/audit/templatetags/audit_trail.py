"""The audit trail's template filter, built into every template (see `TEMPLATES` in settings)."""

from django import template

from mitra.audit.presenter import record_type

register = template.Library()
register.filter("record_type", record_type)
