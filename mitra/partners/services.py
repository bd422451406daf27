"""Every write to partners and their contacts goes through these functions, with an audit row."""

from collections.abc import Mapping, Sequence
from typing import Any, TypedDict, Unpack

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from mitra.audit.services import (
    record_created,
    record_deleted,
    record_updated,
    snapshot,
    unchanged,
)
from mitra.lib.refusal import Refused, refuse_if, refuse_on_fields
from mitra.partners.models import Contact, Country, Partner, PartnerAlias, Place
from mitra.regions.models import Region
from mitra.tenancy.models import Tenant


class PartnerFields(TypedDict, total=False):
    """A partner's own fields, as `create_partner` and `update_partner` take them."""

    kind: str
    name: str
    country: Country | None
    place: Place | None
    region: Region | None
    website: str
    notes: str


class ContactFields(TypedDict, total=False):
    """A contact's fields, as `add_contact` and `update_contact` take them."""

    name: str
    position: str
    email: str
    phone: str
    language: str


PARTNER_FIELDS = frozenset(PartnerFields.__annotations__)
CONTACT_FIELDS = frozenset(ContactFields.__annotations__)


def partner_problems(
    tenant: Tenant, fields: Mapping[str, Any], *, exclude_pk: int | None = None
) -> list[str]:
    """A partner's record must be consistent with its kind and unique in its tenant."""
    found = partner_field_problems(fields)
    return _name_problems(tenant, fields, exclude_pk) + [p for some in found.values() for p in some]


def _name_problems(tenant: Tenant, fields: Mapping[str, Any], exclude_pk: int | None) -> list[str]:
    """A name, not one the tenant already gave another partner (a conflict with a stored
    record: the API answers 409)."""
    name = (fields.get("name") or "").strip()
    if not name:
        return [_("A partner needs a name.")]
    duplicates = Partner.objects.filter(tenant=tenant, name__iexact=name)
    if exclude_pk is not None:
        duplicates = duplicates.exclude(pk=exclude_pk)
    if duplicates.exists():
        return [_("There is already a partner called %(name)s.") % {"name": name}]
    return []


def partner_field_problems(fields: Mapping[str, Any]) -> dict[str, list[str]]:
    """What the kind asks of the region, country and place, each under its input, so a form
    shows it beside that input."""
    kind, country, place = fields.get("kind"), fields.get("country"), fields.get("place")
    found: dict[str, list[str]] = {"region": [], "country": [], "place": []}
    if kind == Partner.Kind.INDONESIAN_REGION and fields.get("region") is None:
        found["region"].append(_("An Indonesian region partner must name the region."))
    foreign = kind not in Partner.DOMESTIC_KINDS
    if foreign and country is None:
        found["country"].append(_("A foreign partner needs a country."))
    if foreign and country is not None and country.code == "ID":
        found["country"].append(_("A foreign partner cannot be in Indonesia."))
    if place is not None and country is not None and place.country_id != country.code:
        found["place"].append(
            _("%(place)s is not in %(country)s.") % {"place": place.name, "country": country.name}
        )
    return found


def _refuse_partner(
    tenant: Tenant, fields: Mapping[str, Any], exclude_pk: int | None = None
) -> None:
    refuse_on_fields(
        partner_field_problems(fields), general=_name_problems(tenant, fields, exclude_pk)
    )


@transaction.atomic
def create_partner(
    tenant: Tenant,
    *,
    by: User | None,
    aliases: Sequence[str] = (),
    **fields: Unpack[PartnerFields],
) -> Partner:
    unknown = set(fields) - PARTNER_FIELDS
    if unknown:
        raise TypeError(f"unknown partner fields: {sorted(unknown)}")
    _refuse_partner(tenant, fields)
    partner = Partner.objects.create(tenant=tenant, **fields)
    _add_aliases(partner, aliases)
    record_created(partner, by=by, many=["aliases"])
    return partner


@transaction.atomic
def update_partner(
    partner: Partner,
    *,
    by: User | None,
    aliases: Sequence[str] | None = None,
    **fields: Unpack[PartnerFields],
) -> bool:
    """Change a partner; whether anything changed (if nothing did, nothing is saved)."""
    unknown = set(fields) - PARTNER_FIELDS
    if unknown:
        raise TypeError(f"unknown partner fields: {sorted(unknown)}")
    merged = {name: getattr(partner, name) for name in PARTNER_FIELDS} | fields
    _refuse_partner(partner.tenant, merged, exclude_pk=partner.pk)
    before = snapshot(partner, ["aliases"])
    for name, value in fields.items():
        setattr(partner, name, value)
    same_aliases = aliases is None or _alias_set(aliases) == before["aliases"]
    if same_aliases and unchanged(partner, before):
        return False
    partner.save(update_fields=[*fields, "updated_at"])
    if aliases is not None:
        partner.aliases.all().delete()
        _add_aliases(partner, aliases)
    record_updated(partner, before, by=by, many=["aliases"])
    return True


def _alias_set(aliases: Sequence[str]) -> list[str]:
    """The aliases `_add_aliases` would keep, as a snapshot lists them."""
    return sorted({alias.strip() for alias in aliases if alias.strip()})


@transaction.atomic
def delete_partner(partner: Partner, *, by: User | None) -> None:
    if partner.cooperations.exists():
        raise Refused([_("This partner has cooperations; it cannot be deleted.")])
    record_deleted(partner, by=by)
    partner.delete()


def _contact_problems(fields: Mapping[str, Any]) -> list[str]:
    if not (fields.get("name") or "").strip():
        return [_("A contact needs a name.")]
    return []


@transaction.atomic
def add_contact(partner: Partner, *, by: User | None, **fields: Unpack[ContactFields]) -> Contact:
    unknown = set(fields) - CONTACT_FIELDS
    if unknown:
        raise TypeError(f"unknown contact fields: {sorted(unknown)}")
    refuse_if(_contact_problems(fields))
    contact = Contact.objects.create(partner=partner, tenant_id=partner.tenant_id, **fields)
    record_created(contact, by=by, parent=partner)
    return contact


@transaction.atomic
def update_contact(contact: Contact, *, by: User | None, **fields: Unpack[ContactFields]) -> bool:
    """Change a contact; whether anything changed (if nothing did, nothing is saved)."""
    unknown = set(fields) - CONTACT_FIELDS
    if unknown:
        raise TypeError(f"unknown contact fields: {sorted(unknown)}")
    refuse_if(_contact_problems({"name": contact.name} | fields))
    before = snapshot(contact)
    for name, value in fields.items():
        setattr(contact, name, value)
    if unchanged(contact, before):
        return False
    contact.save(update_fields=list(fields))
    record_updated(contact, before, by=by, parent=contact.partner)
    return True


@transaction.atomic
def remove_contact(contact: Contact, *, by: User | None) -> None:
    record_deleted(contact, by=by, parent=contact.partner)
    contact.delete()


def _add_aliases(partner: Partner, aliases: Sequence[str]) -> None:
    PartnerAlias.objects.bulk_create(
        PartnerAlias(partner=partner, tenant_id=partner.tenant_id, alias=alias.strip())
        for alias in dict.fromkeys(aliases)
        if alias.strip()
    )
