"""Tests that run the django-tasks-db worker: it closes connections between tasks, so they
run with committed data (transaction=True) and the reference data is restored afterwards."""

from tests.browser.conftest import reference_data, reference_data_reloaded_after_the_flush

__all__ = ["reference_data", "reference_data_reloaded_after_the_flush"]
