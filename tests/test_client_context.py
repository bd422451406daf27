"""The test client keeps the page's own context, once, and still names every template rendered
(conftest.py's `_store_the_page_context`)."""

from django.template import Context
from django.urls import reverse


def test_a_page_keeps_the_views_context_once_and_names_every_template(client, db):
    response = client.get(reverse("accounts:login"))

    assert response.status_code == 200
    assert isinstance(response.context, Context)  # one copy, not a list of one per template
    assert "form" in response.context
    assert response.context["form"].fields["username"]
    names = [template.name for template in response.templates]
    assert names[0] == "accounts/login.html"
    assert len(names) > 1  # the base and the includes are listed too


def test_a_template_rendered_later_does_not_replace_the_views_context(client_as, leadership):
    response = client_as(leadership).get(reverse("home"), follow=True)

    assert response.status_code == 200
    assert len(response.templates) > 3
    assert response.context.template.name == response.templates[0].name
