import pytest
from django.core.exceptions import ValidationError

from mitra.partners.models import Contact, Country
from mitra.staff.languages import parse_language, partner_languages, validate_language_code
from tests.factories import make_partner

pytestmark = pytest.mark.django_db


def test_a_korean_city_speaks_korean_and_english_is_not_assumed(tenant):
    assert partner_languages(make_partner(tenant, country=Country.objects.get(code="KR"))) == {"ko"}


def test_a_singapore_partner_speaks_the_four_official_languages(tenant):
    partner = make_partner(tenant, country=Country.objects.get(code="SG"))
    assert partner_languages(partner) >= {"en", "ms", "zh", "ta"}


def test_a_taiwanese_city_speaks_chinese_only_as_a_two_letter_code(tenant):
    assert partner_languages(make_partner(tenant, country=Country.objects.get(code="TW"))) == {"zh"}


def test_a_contacts_language_is_added_when_it_reads_as_a_language(tenant):
    partner = make_partner(tenant, country=Country.objects.get(code="KR"))
    Contact.objects.create(tenant=tenant, partner=partner, name="Kim", language="English")
    Contact.objects.create(tenant=tenant, partner=partner, name="Lee", language="Jepang")
    Contact.objects.create(tenant=tenant, partner=partner, name="Park", language="via interpreter")
    assert partner_languages(partner) == {"ko", "en", "ja"}


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("ko", "ko"),
        ("Korean", "ko"),
        ("bahasa Korea", "ko"),
        ("Inggris", "en"),
        ("en-GB", "en"),
        ("Mandarin", "zh"),
        ("nonsense", None),
    ],
)
def test_free_text_languages_are_read_in_english_and_indonesian(text, code):
    assert parse_language(text) == code


def test_staff_languages_must_be_iso_639_1_codes():
    validate_language_code("ko")
    with pytest.raises(ValidationError):
        validate_language_code("kor")
