"""Tests with real concurrent transactions: committed data, reference data restored afterwards."""

from tests.browser.conftest import reference_data, reference_data_reloaded_after_the_flush

__all__ = ["reference_data", "reference_data_reloaded_after_the_flush"]
