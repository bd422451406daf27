"""Legal rules about cooperations, each a small function returning its problems (empty = fine).

The procedure guards (documents to leave a step, DPRD condition, signing gates) join these in
the workflow issue; this module holds the rules that apply from a cooperation's creation.
"""

from collections.abc import Iterable

from django.utils.translation import gettext as _

from mitra.cooperations.models import Cooperation
from mitra.partners.models import Partner

# PP 28/2018 and Permendagri 22/2020, 25/2020: which partner kinds each cooperation type takes.
PARTNER_KINDS = {
    Cooperation.Kind.DOMESTIC_REGION: {Partner.Kind.INDONESIAN_REGION},
    Cooperation.Kind.THIRD_PARTY: {Partner.Kind.DOMESTIC_PARTY},
    Cooperation.Kind.FOREIGN_REGION: {Partner.Kind.FOREIGN_CITY_OR_REGION},
    Cooperation.Kind.FOREIGN_INSTITUTION: {
        Partner.Kind.FOREIGN_INSTITUTION,
        Partner.Kind.FOREIGN_COMPANY,
        Partner.Kind.FOREIGN_GOVERNMENT,
    },
}

SUB_FORMS = {
    Cooperation.Kind.DOMESTIC_REGION: {
        Cooperation.SubForm.MANDATORY,
        Cooperation.SubForm.VOLUNTARY,
    },
    Cooperation.Kind.THIRD_PARTY: {
        Cooperation.SubForm.AGENCY_INITIATED,
        Cooperation.SubForm.THIRD_PARTY_INITIATED,
    },
    Cooperation.Kind.FOREIGN_REGION: {
        Cooperation.SubForm.SISTER_PROVINCE,
        Cooperation.SubForm.SISTER_CITY,
        Cooperation.SubForm.OTHER,
    },
    Cooperation.Kind.FOREIGN_INSTITUTION: set(),
}

INITIAL_STATE = {
    Cooperation.Kind.DOMESTIC_REGION: Cooperation.State.PREPARATION,
    Cooperation.Kind.THIRD_PARTY: Cooperation.State.PREPARATION,
    Cooperation.Kind.FOREIGN_REGION: Cooperation.State.INITIATIVE,
    Cooperation.Kind.FOREIGN_INSTITUTION: Cooperation.State.INITIATIVE,
}


def partners_fit_kind(kind: str, partners: Iterable[Partner]) -> list[str]:
    """Each partner must be of a kind the cooperation type allows (PP 28/2018)."""
    allowed = PARTNER_KINDS[Cooperation.Kind(kind)]
    label = Cooperation.Kind(kind).label
    return [
        _("%(partner)s (%(partner_kind)s) cannot be a partner in a %(kind)s.")
        % {"partner": p.name, "partner_kind": p.get_kind_display(), "kind": label}
        for p in partners
        if p.kind not in allowed
    ]


def has_a_partner(partners: Iterable[Partner]) -> list[str]:
    if not list(partners):
        return [_("A cooperation needs at least one partner.")]
    return []


def no_blocked_country(partners: Iterable[Partner]) -> list[str]:
    """No official relation at any level with a blocked country (Israel; Permenlu 3/2019, ch. X)."""
    return [
        _("Cooperation with partners in %(country)s is not permitted (%(partner)s).")
        % {"country": p.country.name, "partner": p.name}
        for p in partners
        if p.country is not None and p.country.cooperation_blocked
    ]


def sub_form_fits_kind(kind: str, sub_form: str) -> list[str]:
    if sub_form and sub_form not in SUB_FORMS[Cooperation.Kind(kind)]:
        return [
            _("%(sub_form)s is not a sub-form of a %(kind)s.")
            % {
                "sub_form": Cooperation.SubForm(sub_form).label,
                "kind": Cooperation.Kind(kind).label,
            }
        ]
    return []


def route_only_for_ksdll(kind: str, route: str) -> list[str]:
    """Only a KSDLL has a route (continuation or approved_other; Permendagri 25/2020)."""
    if route and kind != Cooperation.Kind.FOREIGN_INSTITUTION:
        return [_("Only a cooperation with a foreign institution (KSDLL) has a route.")]
    return []


def dates_in_order(start: object, end: object) -> list[str]:
    if start is not None and end is not None and end < start:  # type: ignore[operator]
        return [_("The end date cannot be before the start date.")]
    return []


def cooperation_problems(
    *, kind: str, sub_form: str, route: str, partners: list[Partner], start: object, end: object
) -> list[str]:
    """Every rule a cooperation's record must satisfy, whatever its state."""
    return [
        *has_a_partner(partners),
        *partners_fit_kind(kind, partners),
        *no_blocked_country(partners),
        *sub_form_fits_kind(kind, sub_form),
        *route_only_for_ksdll(kind, route),
        *dates_in_order(start, end),
    ]
