"""Languages: the ISO 639-1 codes staff may declare, their names, and what partners speak.

Plain Python over Babel (Unicode CLDR); no queries: callers prefetch `country` and `contacts`.
"""

import re
from functools import cache
from typing import TYPE_CHECKING

from babel import Locale
from babel.languages import get_official_languages
from django.core.exceptions import ValidationError
from django.utils.translation import get_language, to_locale
from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from mitra.partners.models import Partner


@cache
def language_codes() -> frozenset[str]:
    """Every ISO 639-1 code CLDR names in Indonesian (two letters, no script or region)."""
    return frozenset(
        code for code in Locale("id").languages if isinstance(code, str) and len(code) == 2
    )


def validate_language_code(code: str) -> None:
    if code not in language_codes():
        raise ValidationError(
            _("%(code)s is not an ISO 639-1 language code."), params={"code": code}
        )


def language_name(code: str) -> str:
    """The language's name in the user's language ("Korea" in Indonesian, "Korean" in English)."""
    try:
        locale = Locale.parse(to_locale(get_language() or "id"))
    except (ValueError, TypeError):
        locale = Locale("id")
    return str(locale.languages.get(code) or Locale("en").languages.get(code) or code)


def language_choices() -> list[tuple[str, str]]:
    return sorted(((code, language_name(code)) for code in language_codes()), key=lambda c: c[1])


@cache
def _names() -> dict[str, str]:
    """Lower-cased names and codes (English and Indonesian) to ISO 639-1 codes."""
    names: dict[str, str] = {}
    for locale in (Locale("en"), Locale("id")):
        for code, name in locale.languages.items():
            if code in language_codes():
                names.setdefault(name.casefold(), code)
    names.update({code: code for code in language_codes()})
    names["mandarin"] = "zh"  # what contacts write; CLDR has no separate code for it
    return names


def parse_language(text: str) -> str | None:
    """An ISO 639-1 code for free text such as "ko", "Korean", "bahasa Korea"; else None."""
    text = text.strip().casefold()
    for key in (text, text.removeprefix("bahasa ").strip(), re.split(r"[-_]", text)[0]):
        if key in _names():
            return _names()[key]
    return None


def country_languages(country_code: str) -> set[str]:
    """A country's national official languages (de jure or de facto) that have a 639-1 code.

    Babel returns CLDR codes such as "zh_Hant"; the script is dropped. Regional official
    languages are not national ones and languages without a two-letter code ("nan", "hak" in
    Taiwan) cannot be declared by staff, so both are left out.
    """
    codes = (code.split("_")[0] for code in get_official_languages(country_code, de_facto=True))
    return {code for code in codes if code in language_codes()}


def partner_languages(partner: "Partner") -> set[str]:
    """The languages a partner works in: its country's official ones plus its contacts' languages.

    English is not assumed: a Korean city is reached in Korean unless a contact's `language`
    says otherwise. A contact's free-text language counts only when it reads as a language name
    or code; anything else ("mixed", "via interpreter") is ignored. Uses `partner.country` and
    `partner.contacts.all()`, so prefetch both when calling this for many partners.
    """
    languages = country_languages(partner.country_id) if partner.country_id else set()
    for contact in partner.contacts.all():
        code = parse_language(contact.language) if contact.language else None
        if code:
            languages.add(code)
    return languages
