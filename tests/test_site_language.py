"""Every test starts in the site's language, whatever the test before it left active in the
thread (root conftest `_site_language`): a request with the English cookie leaves English on."""

from django.conf import settings
from django.test import Client
from django.utils import translation


def test_a_request_in_english_leaves_english_active_in_the_thread(client: Client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    client.get("/accounts/login/")

    assert translation.get_language() == "en"


def test_the_next_test_starts_in_indonesian():
    assert translation.get_language() == settings.LANGUAGE_CODE == "id"
