"""Formatting for the staff templates."""

from django import template

from mitra.staff.languages import language_name
from mitra.staff.models import Competency

register = template.Library()


@register.filter
def competency_labels(slugs: list[str]) -> list[str]:
    labels = dict(Competency.choices)
    return [str(labels.get(slug, slug)) for slug in slugs or []]


@register.filter
def language_label(code: str) -> str:
    return language_name(code)
