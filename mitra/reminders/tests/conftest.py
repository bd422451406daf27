"""Reminder fixtures: an officer with an e-mail address who owns a cooperation."""

import pytest

from mitra.reminders.tests.helpers import with_email
from tests.factories import make_cooperation


@pytest.fixture
def officer(cooperation_officer):
    return with_email(cooperation_officer)


@pytest.fixture
def cooperation(tenant, officer):
    coop = make_cooperation(tenant, title="Sister city Makassar–Busan")
    coop.owner = officer
    coop.save(update_fields=["owner"])
    return coop


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the code's on-commit callbacks (the e-mails) when the block ends, as a commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
