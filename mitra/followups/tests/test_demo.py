"""The demo gives Bandung's officer the MARA follow-up and leaves Makassar something to follow up."""

from datetime import timedelta

import pytest
from django.utils import timezone

from mitra.demo.load import load_demo
from mitra.followups.models import Task
from mitra.followups.rules import needs_follow_up

pytestmark = pytest.mark.django_db


def test_the_bandung_officer_has_the_mara_follow_up_due_within_a_week():
    today = timezone.localdate()
    tenants = {t.region.code: t for t in load_demo(today=today)}  # follow-up included
    mara = Task.objects.get(title__icontains="MARA", assignee__username="bandung.officer")
    assert today <= mara.due_date <= today + timedelta(days=7)
    assert "MARA" in mara.cooperation.title
    assert needs_follow_up(tenants["7371"], today)
