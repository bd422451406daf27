"""Lists cost a fixed number of queries whatever their length."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from mitra.api.tests.conftest import API
from tests.factories import make_cooperation, make_document


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(API + url).status_code == 200
    return len(captured)


@pytest.mark.parametrize("url", ["/cooperations", "/partners", "/cooperations/{coop}/documents"])
def test_a_longer_list_costs_no_more_queries(api_as, cooperation_officer, tenant, url):
    client = api_as(cooperation_officer)
    coop = make_cooperation(tenant)
    make_document(coop)
    _queries(client, "/partners")  # the token's first use is recorded once
    few = _queries(client, url.format(coop=coop.pk))
    for _ in range(4):
        make_document(make_cooperation(tenant))
        make_document(coop)
    assert _queries(client, url.format(coop=coop.pk)) == few
