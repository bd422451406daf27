"""The scorer that measures the extractor: each matching rule of `mitra.intake.scoring`."""

from typing import Any

import pytest

from mitra.intake.scoring import FieldScore, add_up, micro_average, precision_recall, score


def result(**fields: Any) -> dict[str, Any]:
    empty: dict[str, Any] = {
        "regions": [],
        "partners": [],
        "countries": [],
        "sectors": [],
        "stage": None,
        "people": [],
        "events": [],
        "dates": [],
    }
    return {**empty, **fields}


def counts(one: FieldScore) -> tuple[int, int, int]:
    return one.true_positives, len(one.false_positives), len(one.false_negatives)


GOTHENBURG = {
    "name": "Gothenburg",
    "kind": "foreign_city_or_region",
    "country": "SE",
    "aliases": ["Gotenburg"],
}


def test_regions_match_by_code_whatever_their_name() -> None:
    expected = result(regions=[{"name": "Kota Surakarta", "code": "33.72"}])
    predicted = result(regions=[{"name": "Solo", "code": "33.72", "evidence": [[0, 4]]}])
    assert counts(score(expected, predicted)["regions"]) == (1, 0, 0)


def test_a_partner_matches_by_an_alias_with_the_same_kind_and_country() -> None:
    predicted = {"name": "GOTENBURG", "kind": "foreign_city_or_region", "country": "SE"}
    assert counts(
        score(result(partners=[GOTHENBURG]), result(partners=[predicted]))["partners"]
    ) == (
        1,
        0,
        0,
    )


@pytest.mark.parametrize(
    "wrong", [{"kind": "foreign_institution"}, {"country": "NO"}], ids=["kind", "country"]
)
def test_a_partner_with_the_right_name_but_wrong_kind_or_country_is_a_miss_both_ways(
    wrong: dict[str, str],
) -> None:
    predicted = {"name": "Gothenburg", "kind": "foreign_city_or_region", "country": "SE", **wrong}
    one = score(result(partners=[GOTHENBURG]), result(partners=[predicted]))["partners"]
    assert counts(one) == (0, 1, 1)


def test_a_domestic_partner_without_a_country_counts_as_indonesian() -> None:
    unhas = {
        "name": "Universitas Hasanuddin",
        "kind": "domestic_party",
        "country": "ID",
        "aliases": ["Unhas"],
    }
    predicted = {"name": "Unhas", "kind": "domestic_party", "country": None}
    assert counts(score(result(partners=[unhas]), result(partners=[predicted]))["partners"]) == (
        1,
        0,
        0,
    )


@pytest.mark.parametrize("written", ["Tanjung Lestari Co., Ltd.", "Tanjung Lestari"])
def test_a_company_matches_with_or_without_its_legal_form(written: str) -> None:
    expected = {"name": "Tanjung Lestari CO Ltd", "kind": "foreign_company", "country": "JP"}
    predicted = {"name": written, "kind": "foreign_company", "country": "JP"}
    assert counts(score(result(partners=[expected]), result(partners=[predicted]))["partners"]) == (
        1,
        0,
        0,
    )


def test_an_indonesian_company_matches_without_pt_and_tbk() -> None:
    expected = {"name": "PT Sinar Waluyo (Persero) Tbk", "kind": "domestic_party", "country": "ID"}
    predicted = {"name": "Sinar Waluyo", "kind": "domestic_party", "country": None}
    assert counts(score(result(partners=[expected]), result(partners=[predicted]))["partners"]) == (
        1,
        0,
        0,
    )


def test_a_company_with_another_word_than_a_legal_form_is_another_company() -> None:
    expected = {"name": "Tanjung Lestari Co., Ltd.", "kind": "foreign_company", "country": "JP"}
    predicted = {"name": "Tanjung Lestari Holdings", "kind": "foreign_company", "country": "JP"}
    assert counts(score(result(partners=[expected]), result(partners=[predicted]))["partners"]) == (
        0,
        1,
        1,
    )


def test_incheon_is_not_icheon() -> None:
    icheon = {"name": "Icheon", "kind": "foreign_city_or_region", "country": "KR", "aliases": []}
    predicted = {"name": "Incheon", "kind": "foreign_city_or_region", "country": "KR"}
    assert counts(score(result(partners=[icheon]), result(partners=[predicted]))["partners"]) == (
        0,
        1,
        1,
    )


def test_a_duplicate_of_a_matched_item_is_a_false_positive_like_a_stranger() -> None:
    predicted = [
        {"name": "Gothenburg", "kind": "foreign_city_or_region", "country": "SE"},
        {"name": "Gotenburg", "kind": "foreign_city_or_region", "country": "SE"},
        {"name": "Oslo", "kind": "foreign_city_or_region", "country": "NO"},
    ]
    one = score(result(partners=[GOTHENBURG]), result(partners=predicted))["partners"]
    assert counts(one) == (1, 2, 0)
    assert one.false_positives == [
        "Gotenburg (foreign_city_or_region, SE)",
        "Oslo (foreign_city_or_region, NO)",
    ]


def test_a_region_listed_twice_counts_once_and_once_as_a_false_positive() -> None:
    expected = result(regions=[{"name": "Provinsi Nusa Tenggara Barat", "code": "52"}])
    twice = [
        {"name": "Provinsi Nusa Tenggara Barat", "code": "52"},
        {"name": "Provinsi Nusa Tenggara Barat", "code": "52"},
    ]
    assert counts(score(expected, result(regions=twice))["regions"]) == (1, 1, 0)


def test_regions_also_match_by_their_official_name() -> None:
    expected = result(regions=[{"name": "Provinsi Nusa Tenggara Barat", "code": "52"}])
    predicted = result(regions=[{"name": "Provinsi Nusa Tenggara Barat", "code": None}])
    assert counts(score(expected, predicted)["regions"]) == (1, 0, 0)
    other = result(regions=[{"name": "Provinsi Nusa Tenggara Timur", "code": "53"}])
    assert counts(score(expected, other)["regions"]) == (0, 1, 1)


def test_people_match_when_the_expected_words_are_all_in_the_predicted_name() -> None:
    expected = result(people=[{"name": "Ramdhan Pomanto", "role": "Wali Kota Makassar"}])
    longer = result(people=[{"name": "Moh. Ramdhan Pomanto", "role": "Wali Kota"}])
    shorter = result(people=[{"name": "Pomanto", "role": "Wali Kota"}])
    assert counts(score(expected, longer)["people"]) == (1, 0, 0)
    assert counts(score(expected, shorter)["people"]) == (0, 1, 1)


def test_events_match_by_contained_name_and_equal_date() -> None:
    expected = result(events=[{"name": "Icheon Ceramic Festival", "date": "2025-04-24"}])
    contained = result(events=[{"name": "pembukaan Icheon Ceramic Festival", "date": "2025-04-24"}])
    undated = result(events=[{"name": "Icheon Ceramic Festival", "date": None}])
    part_of_a_word = result(events=[{"name": "Ceramic Fest", "date": "2025-04-24"}])
    assert counts(score(expected, contained)["events"]) == (1, 0, 0)
    assert counts(score(expected, undated)["events"]) == (0, 1, 1)
    assert counts(score(expected, part_of_a_word)["events"]) == (0, 1, 1)


def test_the_stage_is_a_set_of_at_most_one_slug() -> None:
    loi = result(stage={"slug": "loi"})
    assert counts(score(loi, result(stage={"slug": "loi", "evidence": []}))["stage"]) == (1, 0, 0)
    assert counts(score(loi, result(stage={"slug": "mou"}))["stage"]) == (0, 1, 1)
    assert counts(score(result(), result())["stage"]) == (0, 0, 0)
    assert counts(score(result(), result(stage={"slug": "mou"}))["stage"]) == (0, 1, 0)


def test_dates_match_only_at_the_same_precision() -> None:
    one = score(result(dates=["2025-07-02", "2026"]), result(dates=["2025-07", "2026"]))["dates"]
    assert counts(one) == (1, 1, 1)


def test_precision_and_recall_add_up_over_texts_and_fields() -> None:
    expected = result(countries=[{"code": "SE", "name": "Swedia"}], sectors=[{"slug": "tourism"}])
    perfect = score(expected, expected)
    noisy = score(expected, result(countries=[{"code": "SE"}, {"code": "NO"}]))
    totals = add_up([perfect, noisy])
    assert precision_recall(totals)["countries"] == (2 / 3, 1.0)
    assert precision_recall(totals)["sectors"] == (1.0, 0.5)
    assert precision_recall(totals)["events"] == (1.0, 1.0)
    assert micro_average(totals) == (3 / 4, 3 / 4)


def test_a_partner_also_matches_by_the_form_the_text_writes() -> None:
    expected = result(
        partners=[{"name": "Melaka", "kind": "foreign_city_or_region", "country": "MY"}]
    )
    predicted = {
        "name": "Malacca",
        "written": "Melaka",
        "kind": "foreign_city_or_region",
        "country": "MY",
    }
    assert counts(score(expected, result(partners=[predicted]))["partners"]) == (1, 0, 0)
    # the written form counts only with the same kind and country
    predicted = {**predicted, "country": "ID"}
    assert counts(score(expected, result(partners=[predicted]))["partners"]) == (0, 1, 1)
