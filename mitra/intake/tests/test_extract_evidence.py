"""Every item carries evidence offsets, and `text[start:end]` is the mention itself."""

from mitra.intake.extract import extract

ARTICLE = """Kamis, 3 Juli 2025 | 09:12 WITA

MAKASSAR – Pemerintah Kota (Pemkot) Makassar dan Kota Gotenburg, Swedia, resmi meneken Letter of Intent (LoI) kerja sama pengelolaan sampah dan kota cerdas, Rabu (2/7).

Wali Kota Makassar, Rahmat Syarifuddin, menandatangani dokumen tersebut bersama Wakil Wali Kota Gothenburg, Elin Sandberg, di sela Makassar Smart City Forum.

Baca juga: Pemkot Makassar Jajaki Kerja Sama dengan Kota Kaohsiung

Penulis: Syahrul Ramadhan
"""


def test_every_evidence_span_is_the_text_of_its_mention():
    result = extract(ARTICLE)
    spans = {
        "regions": {ARTICLE[s:e] for r in result.regions for s, e in r.evidence},
        "partners": {ARTICLE[s:e] for p in result.partners for s, e in p.evidence},
        "countries": {ARTICLE[s:e] for c in result.countries for s, e in c.evidence},
        "sectors": {ARTICLE[s:e] for c in result.sectors for s, e in c.evidence},
        "people": {ARTICLE[s:e] for p in result.people for s, e in p.evidence},
        "events": {ARTICLE[s:e] for v in result.events for s, e in v.evidence},
    }
    assert spans == {
        "regions": {"MAKASSAR", "Makassar"},
        "partners": {"Gotenburg", "Gothenburg"},
        "countries": {"Swedia"},
        "sectors": {"sampah", "kota cerdas", "Smart City"},
        "people": {"Rahmat Syarifuddin", "Elin Sandberg"},
        "events": {"Makassar Smart City Forum"},
    }
    assert result.stage is not None
    assert [ARTICLE[s:e] for s, e in result.stage.evidence] == ["Letter of Intent"]
    assert result.dates == ("2025-07-02",)


def test_nothing_is_taken_from_the_related_link_or_the_credit_line():
    result = extract(ARTICLE)
    kaohsiung = ARTICLE.index("Kaohsiung")
    reporter = ARTICLE.index("Syahrul")
    every = [
        span
        for items in (result.regions, result.partners, result.people, result.countries)
        for item in items
        for span in item.evidence
    ]
    assert not any(s <= kaohsiung < e or s <= reporter < e for s, e in every)


def test_the_json_has_exactly_the_documented_keys():
    data = extract(ARTICLE).as_json("article.txt")
    assert list(data) == [
        "source",
        "regions",
        "partners",
        "countries",
        "sectors",
        "stage",
        "people",
        "events",
        "dates",
    ]
    assert data["partners"][0] == {
        "name": "Gothenburg",
        "written": "Gotenburg",
        "kind": "foreign_city_or_region",
        "country": "SE",
        "evidence": [list(span) for span in extract(ARTICLE).partners[0].evidence],
    }


def test_regions_and_partners_carry_the_form_the_text_writes_beside_their_names():
    result = extract(
        "Pemkot Solo dan Pemerintah Kota Melaka, Malaysia, menandatangani kerja sama pariwisata."
    )
    assert [(r.name, r.written) for r in result.regions] == [("Kota Surakarta", "Solo")]
    (melaka,) = result.partners
    assert melaka.written == "Melaka"
    assert melaka.name in {"Melaka", "Malacca"}  # the gazetteer's name, whichever it holds
