"""Writing staff profiles: each change is validated, saved and written to the audit trail."""

from collections.abc import Iterable, Mapping
from typing import Any, TypedDict, Unpack

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from mitra.audit.services import record_created, record_updated, snapshot, unchanged
from mitra.cooperations.models import Sector
from mitra.lib.refusal import refuse_if
from mitra.staff.models import Competency, StaffLanguage, StaffProfile
from mitra.tenancy.models import Membership, Tenant

MANY = ("sectors", "languages")
Languages = Iterable[tuple[str, str]]


def _problems(tenant: Tenant, user: User, fields: Mapping[str, Any]) -> list[str]:
    problems = []
    if not Membership.objects.filter(tenant=tenant, user=user).exists():
        problems.append(_("Only a member of this regional government can have a staff profile."))
    unknown = set(fields.get("competencies", [])) - set(Competency.values)
    if unknown:
        problems.append(_("Unknown competencies: %(names)s.") % {"names": ", ".join(unknown)})
    return problems


def _set_languages(profile: StaffProfile, languages: Languages) -> None:
    chosen = dict(languages)  # a language given twice keeps its last level
    profile.languages.all().delete()
    StaffLanguage.objects.bulk_create(
        StaffLanguage(profile=profile, tenant_id=profile.tenant_id, language=code, level=level)
        for code, level in chosen.items()
    )


class ProfileFields(TypedDict, total=False):
    """A staff profile's own fields, as `create_staff_profile` and `update_staff_profile` take them."""

    employment_type: str
    position: str
    competencies: list[str]
    sectors: Iterable[Sector | str]  # a sector or its slug
    max_load: int


@transaction.atomic
def create_staff_profile(
    tenant: Tenant,
    user: User,
    *,
    by: User | None,
    languages: Languages = (),
    **profile_fields: Unpack[ProfileFields],
) -> StaffProfile:
    """Give a member of the tenant a staff profile; one per person and tenant."""
    fields: dict[str, Any] = dict(profile_fields)
    sectors = list(fields.pop("sectors", []))
    refuse_if(_problems(tenant, user, fields))
    profile = StaffProfile.objects.create(tenant=tenant, user=user, **fields)
    profile.sectors.set(sectors, through_defaults={"tenant": tenant})
    _set_languages(profile, languages)
    record_created(profile, by=by, many=MANY)
    return profile


@transaction.atomic
def update_staff_profile(
    profile: StaffProfile,
    *,
    by: User | None,
    languages: Languages | None = None,
    **profile_changes: Unpack[ProfileFields],
) -> bool:
    """Change a staff profile; languages and sectors given replace the ones recorded. Whether
    anything changed: if nothing did, nothing is saved and no row written."""
    changes: dict[str, Any] = dict(profile_changes)
    if "tenant" in changes or "user" in changes:
        raise ValueError("a profile stays with its tenant and person")
    before = snapshot(profile, MANY)
    sectors = changes.pop("sectors", None)
    refuse_if(_problems(profile.tenant, profile.user, changes))
    for name, value in changes.items():
        setattr(profile, name, value)
    languages = None if languages is None else list(languages)  # read twice: compared, then set
    same_languages = languages is None or dict(languages) == dict(
        profile.languages.values_list("language", "level")
    )
    if same_languages and unchanged(profile, before, links={"sectors": sectors}):
        return False
    profile.save(update_fields=[*changes, "updated_at"])
    if sectors is not None:
        profile.sectors.set(sectors, through_defaults={"tenant_id": profile.tenant_id})
    if languages is not None:
        _set_languages(profile, languages)
    record_updated(profile, before, by=by, many=MANY)
    return True
