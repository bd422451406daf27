"""With DATABASE_REPLICA_URL set, read-only pages read a real streaming replica of PostgreSQL;
form posts write to the primary and the page after one reads its own write; a replica that lags
or is down is skipped.

The replica's replay is paused to tell the two databases apart: it still receives the
primary's changes but applies none, so a page shows the primary's state or the replica's.
"""

from typing import Any

import pytest

from tests.machines.servers import Browser, Cluster, Instance, wait_until

# django_db: the test database is set up, to be copied to the primary. long: scheduled first,
# so that with one process per core these tests stay together and start their servers once.
pytestmark = [pytest.mark.servers, pytest.mark.long, pytest.mark.django_db]

RENAMED_PART = "renamed on the primary"  # plain ASCII, as JSON writes it too
RENAMED = f"Makassar–Incheon, {RENAMED_PART}"


def officer(instance: Instance, seeded: dict[str, Any], cluster: Cluster) -> Browser:
    """The Makassar officer, logged in a while ago: the replica has their session."""
    browser = Browser()
    assert browser.log_in(instance, "officer", seeded["password"]).status_code == 200
    cluster.catch_up()
    browser.forget_recent_write()
    return browser


def detail(seeded: dict[str, Any]) -> str:
    return f"/cooperations/{seeded['cooperation']}/"


def rename_on_the_primary(cluster: Cluster, seeded: dict[str, Any], title: str) -> None:
    cluster.on_primary(
        "UPDATE cooperations_cooperation SET title = %s WHERE id = %s RETURNING id",
        title,
        seeded["cooperation"],
    )


@pytest.fixture
def title_restored(cluster: Cluster, seeded: dict[str, Any]) -> Any:
    yield
    rename_on_the_primary(cluster, seeded, "Makassar–Incheon")
    cluster.catch_up()


@pytest.mark.parametrize("path", ["detail", "/cooperations/", "/api/v1/cooperations"])
def test_pages_and_api_lists_are_read_from_the_replica(
    cluster, seeded, instances, title_restored, path
):
    a, _ = instances
    path = detail(seeded) if path == "detail" else path
    browser = officer(a, seeded, cluster)
    with cluster.replay_paused():
        rename_on_the_primary(cluster, seeded, RENAMED)
        page = browser.get(a, path)
        assert page.status_code == 200
        assert "Incheon" in page.text
        assert RENAMED_PART not in page.text  # the replica has not applied the change
    cluster.catch_up()
    assert RENAMED_PART in browser.get(a, path).text


def test_a_form_post_writes_to_the_primary_and_the_next_page_reads_it(cluster, seeded, instances):
    a, _ = instances
    writer, reader = officer(a, seeded, cluster), officer(a, seeded, cluster)
    title = "LoI written while the replica waits"
    with cluster.replay_paused():
        response = writer.post_form(
            a, f"/cooperations/{seeded['cooperation']}/documents/new/", loi(title)
        )
        assert response.history and response.history[0].status_code == 302, response.text[:2000]
        assert title in response.text  # the page after the post reads its own write
        count = "SELECT count(*) FROM cooperations_document WHERE title = %s"
        assert cluster.on_primary(count, title) == 1
        assert cluster.on_replica(count, title) == 0
        assert title not in reader.get(a, detail(seeded)).text  # others read the replica
    wait_until(lambda: title in reader.get(a, detail(seeded)).text, "the replica to show it")


def test_a_replica_further_behind_than_allowed_is_skipped(
    cluster, seeded, instances, title_restored
):
    _, b = instances  # b allows one second of lag
    browser = officer(b, seeded, cluster)
    with cluster.replay_paused():
        rename_on_the_primary(cluster, seeded, RENAMED)
        wait_until(lambda: (cluster.lag() or 0) > 1.5, "the replica to fall behind", timeout=10)
        assert RENAMED in browser.get(b, detail(seeded)).text


def test_a_replica_that_is_down_is_skipped(cluster, seeded, instances, title_restored):
    a, _ = instances
    browser = officer(a, seeded, cluster)
    for _ in range(4):  # both workers keep a connection to the replica open
        assert browser.get(a, detail(seeded)).status_code == 200
    with cluster.replay_paused():
        rename_on_the_primary(cluster, seeded, RENAMED)
        with cluster.replica_down():
            for _ in range(4):  # each worker finds its connection gone, and reads the primary
                page = browser.get(a, detail(seeded))
                assert page.status_code == 200
                assert RENAMED in page.text


def test_an_outsider_reads_no_other_tenants_cooperation_from_the_replica(
    cluster, seeded, instances
):
    a, _ = instances
    outsider = Browser()
    outsider.log_in(a, "outsider", seeded["password"])
    cluster.catch_up()
    outsider.forget_recent_write()
    assert outsider.get(a, detail(seeded)).status_code == 404


def loi(title: str) -> dict[str, str]:
    return {
        "kind": "letter_of_intent",
        "title": title,
        "place_signed": "Pantai Losari",
        "date_signed": "2024-09-12",
        "valid_from": "2024-09-12",
        "until_terminated": "on",
        "parties-TOTAL_FORMS": "3",
        "parties-INITIAL_FORMS": "3",
        "parties-MIN_NUM_FORMS": "0",
        "parties-MAX_NUM_FORMS": "3",
        "parties-0-role": "first",
        "parties-0-name": "Pemerintah Kota Makassar",
        "parties-1-role": "second",
        "parties-1-name": "Incheon Metropolitan City",
        "parties-2-role": "third",
    }
