"""Every count on the dashboard is a link to the list it counts (issue 14).

"Menunggu di Kemendagri 2" was a heading, while "Perlu tindak lanjut" and "Tugas terlambat"
next to it led to their lists. On the demo, for every role of a region, every heading of the
dashboard that carries a count (a badge) and every headline figure is a link, to a page of this
site (not a place on the dashboard), which answers that role; where that page is a list of the
same rows, it holds as many as the count says.
"""

import re
from collections.abc import Iterator
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.urls import reverse
from pytest_django import DjangoDbBlocker

from tests.shared import built_once

pytestmark = [pytest.mark.django_db, pytest.mark.long]

ROLES = ["makassar.officer", "makassar.leader", "makassar.opd", "makassar.tkksd", "makassar.admin"]
COUNTED = re.compile(
    r"<(h2|h3)\b[^>]*>((?:(?!</\1>).)*?class=\"badge[^\"]*\"(?:(?!</\1>).)*)</\1>"
    r"|<p class=\"dashboard__figure\">(.*?)</p>",
    re.DOTALL,
)
LINK = re.compile(r"<a href=\"([^\"]+)\"")
COUNT = re.compile(r"<(?:span class=\"badge[^\"]*\"|strong class=\"dashboard__count\")>(\d+)<")
# Lists that hold more than the count: a person's own tasks, whatever their due date.
WIDER_LISTS = {reverse("followups:my_tasks")}


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[None]:
    with built_once(django_db_blocker):
        call_command("demo", "--allow-without-debug", stdout=StringIO())
        yield


def counted(html: str) -> list[str]:
    """Each heading with a count and each headline figure, as markup."""
    return [match.group(2) or match.group(3) for match in COUNTED.finditer(html)]


def test_a_heading_with_a_count_and_a_figure_are_found():
    html = (
        '<h2 id="x"><a href="/l/">Waiting</a> <span class="badge">2</span></h2><h2>Map</h2>'
        '<p class="dashboard__figure"><strong class="dashboard__count">3</strong></p>'
    )
    assert counted(html) == [
        '<a href="/l/">Waiting</a> <span class="badge">2</span>',
        '<strong class="dashboard__count">3</strong>',
    ]


@pytest.mark.parametrize("username", ROLES)
def test_every_count_on_the_dashboard_links_to_its_list(demo, client, username):
    client.force_login(User.objects.get(username=username))
    html = client.get(reverse("dashboard:index")).content.decode()
    found = counted(html)
    assert len(found) >= 5
    unlinked, wrong = [], []
    for markup in found:
        link = LINK.search(markup)
        if link is None or link.group(1).startswith("#"):
            unlinked.append(re.sub(r"<[^>]+>|\s+", " ", markup).strip())
            continue
        url = link.group(1).replace("&amp;", "&")
        response = client.get(url)
        count = int(COUNT.search(markup).group(1))
        page = response.context and response.context.get("page")
        if response.status_code != 200:
            wrong.append(f"{url}: {response.status_code}")
        elif page is not None and url not in WIDER_LISTS and page.paginator.count != count:
            wrong.append(f"{url}: {page.paginator.count} rows for the count {count}")
    assert unlinked == []
    assert wrong == []


@pytest.mark.parametrize("name", ["dashboard:waiting", "dashboard:awaiting"])
def test_another_regions_officer_sees_only_their_own_rows_in_the_lists(demo, client, name):
    client.force_login(User.objects.get(username="makassar.officer"))
    ours = client.get(reverse(name)).context["page"].object_list
    client.force_login(User.objects.get(username="bandung.officer"))
    theirs = client.get(reverse(name)).context["page"].object_list
    pks = {getattr(row, "cooperation_id", getattr(row, "pk", None)) for row in ours}
    assert pks.isdisjoint({getattr(r, "cooperation_id", getattr(r, "pk", None)) for r in theirs})
    assert ours or name == "dashboard:awaiting"
