"""Addresses built from one reverse() are the addresses reverse() gives for each key."""

from django.urls import reverse

from mitra.lib.addresses import address_by_key


def test_an_address_by_key_is_what_reverse_gives_for_that_key() -> None:
    detail = address_by_key("cooperations:detail")
    for key in (1, 7, 10, 2013, 100000):
        assert detail(key) == reverse("cooperations:detail", args=[key])


def test_an_address_by_key_keeps_what_follows_the_key() -> None:
    review = address_by_key("reviews:detail")
    assert review(5) == reverse("reviews:detail", args=[5])
    assert review(5) != review(50)
