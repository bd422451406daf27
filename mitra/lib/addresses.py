"""Addresses of many objects of one URL name, the URL resolver asked once.

`reverse()` walks the URL patterns on every call: the daily run words tens of thousands of
reminders, each with a link, and asking once per row cost it seconds at national scale.
"""

from collections.abc import Callable

from django.urls import reverse

# A key no table reaches, reversed in place of the real one and then cut out: the pattern's
# converter (`<int:pk>`) checks it like any key.
_PLACEHOLDER = 9_876_543_210_123


def address_by_key(name: str) -> Callable[[int], str]:
    """`reverse(name, args=[key])` as a function of the key, the pattern looked up once."""
    before, after = reverse(name, args=[_PLACEHOLDER]).split(str(_PLACEHOLDER))
    return lambda key: f"{before}{key}{after}"
