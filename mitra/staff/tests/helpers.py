"""Small makers for the staff tests."""

from datetime import date
from typing import Any

from django.contrib.auth.models import User

from mitra.cooperations.models import Cooperation
from mitra.followups.models import Task
from mitra.staff import services
from mitra.staff.models import StaffProfile
from mitra.tenancy.models import Tenant

TODAY = date(2026, 3, 2)


def profile(tenant: Tenant, user: User, *languages: tuple[str, str], **fields: Any) -> StaffProfile:
    return services.create_staff_profile(tenant, user, by=None, languages=languages, **fields)


def tasks(
    tenant: Tenant, user: User, count: int, *, due: date = TODAY, coop: Cooperation | None = None
) -> list[Task]:
    return [
        Task.objects.create(
            tenant=tenant, title=f"Task {i}", assignee=user, due_date=due, cooperation=coop
        )
        for i in range(count)
    ]
