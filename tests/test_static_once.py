"""The tests' WhiteNoise (config/test_static.py) serves the static files as WhiteNoise does,
though it finds them once per process: for every client, and for the apps a test installs."""

from django.test import Client

from config.test_static import WhiteNoiseMiddlewareOnce


def _served(path: str) -> tuple[int, bytes]:
    response = Client().get(path)
    return response.status_code, b"".join(
        response.streaming_content
    ) if response.status_code == 200 else b""


def test_every_client_is_served_the_same_file_from_the_one_table():
    first = _served("/static/css/mitra.css")
    second = _served("/static/css/mitra.css")

    assert first[0] == 200 and first == second
    assert b"{" in first[1]
    assert len(WhiteNoiseMiddlewareOnce._from_finders) >= 1


def test_the_files_follow_the_apps_a_test_installs(settings):
    assert _served("/static/ninja/swagger-ui-init.js")[0] == 200
    settings.INSTALLED_APPS = [app for app in settings.INSTALLED_APPS if app != "ninja"]

    assert _served("/static/ninja/swagger-ui-init.js")[0] == 404
