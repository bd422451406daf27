"""Data for the tests that run Mitra as separate servers: `python -m tests.machines.seed`.

Runs in its own process against DATABASE_URL (the throw-away primary), through the same
factories as every test, and prints what it made as JSON: two tenants with an officer each, a
cooperation to upload to, and work for the daily run (tasks due tomorrow for several people,
agreements that lapsed yesterday).
"""

import json
from datetime import timedelta

import django


def seed() -> dict[str, object]:
    from django.utils import timezone

    from mitra.cooperations.models import Cooperation
    from mitra.cooperations.services import record_past_state
    from mitra.followups.models import Task
    from mitra.tenancy.models import Membership
    from tests.factories import DEMO_PASSWORD, make_cooperation, make_document, make_tenant
    from tests.factories import make_user as user

    makassar, bandung = make_tenant("7371"), make_tenant("3273")
    officer = user(makassar, Membership.Role.COOPERATION_OFFICER, "officer")
    user(bandung, Membership.Role.COOPERATION_OFFICER, "outsider")
    cooperation = make_cooperation(makassar, title="Makassar–Incheon")
    today = timezone.localdate()
    people = [officer] + [
        user(makassar, Membership.Role.AGENCY_OFFICER, f"agency-{n}") for n in range(3)
    ]
    for person in people:
        person.email = f"{person.username}@example.go.id"
        person.save(update_fields=["email"])
        for n in range(3):
            Task.objects.create(
                tenant=makassar,
                assignee=person,
                title=f"Task {person.username} {n}",
                due_date=today + timedelta(days=1),
            )
    lapsed = []
    for n in range(3):
        coop = make_cooperation(makassar, title=f"Lapsed {n}")
        record_past_state(coop, Cooperation.State.IMPLEMENTATION, by=None, note="seed")
        make_document(
            coop,
            kind="mou",
            title="MoU",
            date_signed=today - timedelta(days=800),
            valid_from=today - timedelta(days=800),
            valid_until=today - timedelta(days=1),
        )
        lapsed.append(coop.pk)
    return {
        "password": DEMO_PASSWORD,
        "cooperation": cooperation.pk,
        "people": len(people),
        "tasks": Task.objects.count(),
        "lapsed": lapsed,
    }


if __name__ == "__main__":
    django.setup()
    print(json.dumps(seed()))  # noqa: T201  # read by the test that started this process
