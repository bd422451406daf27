"""Formatting for the implementation pages."""

from decimal import Decimal

from django import template

from mitra.implementation import formatting
from mitra.implementation.progress import ItemProgress

register = template.Library()


@register.filter
def amount(value: Decimal | float | int | None) -> str:
    """A number in the active language's separators, trailing zeros dropped: 1.250,5."""
    return formatting.number(value)


@register.filter
def quantity(value: Decimal | None, unit: str) -> str:
    """ "200 outlets"; "—" for nothing."""
    return formatting.quantity(value, unit) or "—"


@register.filter
def percent(value: int | None) -> str:
    """ "40%"; "—" when there is nothing to measure against."""
    return formatting.percent(value) or "—"


@register.filter
def progress_tone(p: ItemProgress) -> str:
    """The badge modifier for an item: at risk (amber), done (green), cancelled, or running."""
    if p.item.status == "cancelled":
        return "badge--stopped"
    if p.item.status == "done":
        return "badge--active"
    return "badge--warning" if p.at_risk else "badge--progress"


@register.filter
def meter_value(value: int | None) -> int:
    """A percentage for a <meter> element, which cannot show more than full."""
    return 0 if value is None else max(0, min(value, 100))
