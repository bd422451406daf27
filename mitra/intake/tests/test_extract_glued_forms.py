"""Written forms that used to cut a sentence, a dateline or a venue short (issue 16): "Pj." before
an office, a dateline dash glued to its place, a name with an apostrophe in a venue."""

from mitra.intake.extract import extract
from mitra.intake.extract.tokens import tokenize
from mitra.intake.extract.zones import dateline_span


def regions_as_partners(text: str) -> list[str]:
    return [p.name for p in extract(text).partners if p.kind == "indonesian_region"]


def test_pj_with_a_full_stop_does_not_end_the_sentence():
    doc = tokenize("Hadir pula Pj. Gubernur Papua Barat dan Plt. Bupati Sleman dalam acara itu.")
    assert len(doc.sentences) == 1


def test_a_dash_glued_to_the_place_of_the_dateline_ends_the_dateline():
    text = (
        "Judul berita\n\nKABARKITA, Malang- Pemerintah Kota Malang dan Pemerintah Kota Batu "
        "menandatangani kesepakatan bersama tentang air baku pada Senin."
    )
    span = dateline_span(text)
    assert span is not None and text[span[0] : span[1]] == "KABARKITA, Malang- "


def test_a_glued_dash_inside_a_caption_leaves_the_real_dateline_below():
    text = (
        "Para pejabat berfoto bersama seusai rapat di Balai Kota Bogor- Foto: Humas Pemkot Bogor "
        "untuk berita ini\n\nBOGOR - Pemerintah Kota Bogor dan Pemerintah Kota Depok "
        "menandatangani kesepakatan bersama tentang transportasi pada Senin."
    )
    span = dateline_span(text)
    assert span is not None and text[span[0] : span[1]] == "BOGOR - "


def test_a_hyphenated_pair_in_a_headline_is_no_dateline():
    text = (
        "Malang-Batu Sepakat Kelola Air Baku\n\nPemerintah Kota Malang dan Pemerintah Kota Batu "
        "menandatangani kesepakatan bersama tentang air baku pada Senin."
    )
    assert dateline_span(text) is None


def test_the_city_of_a_glued_dateline_is_no_party_beside_its_province():
    text = (
        "Dua Provinsi Garap Perbatasan\n\nKABARKITA, Semarang- Pemerintah Provinsi Jawa Tengah "
        "dan Pemerintah Provinsi Jawa Barat bekerja sama mengelola kawasan perbatasan kedua "
        "provinsi pada Senin."
    )
    assert [r.name for r in extract(text).regions] == ["Provinsi Jawa Tengah"]
    assert regions_as_partners(text) == ["Provinsi Jawa Barat"]


def test_a_venue_named_with_an_apostrophe_is_still_a_venue():
    text = (
        "Naskah kesepakatan bersama diteken Wali Kota Tegal dan Rektor Universitas Ahmad Dahlan "
        "seusai seminar di Aula Kiai Ma'ruf, Kampus Ahmad Dahlan, Bantul, Senin."
    )
    assert regions_as_partners(text) == []
