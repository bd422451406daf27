from datetime import date

import pytest

from mitra.followups.services import Commitment

TODAY = date(2025, 3, 12)  # a Wednesday


def commitment(assignee, title="Kirim notulen", days=7, priority=2):
    return Commitment(title, assignee, date.fromordinal(TODAY.toordinal() + days), priority)


@pytest.fixture
def today():
    return TODAY
