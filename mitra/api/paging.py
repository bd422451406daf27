"""Pagination of every list: `?page=` from 1 and `?page_size=` up to 100."""

from typing import Any

from ninja import Field, Schema
from ninja.pagination import PageNumberPagination

PAGE_SIZE = 25
MAX_PAGE_SIZE = 100
# Far beyond any tenant's records, and small enough that page × size stays a valid offset.
MAX_PAGE = 100_000


class Pagination(PageNumberPagination):
    class Input(Schema):
        page: int = Field(1, ge=1, le=MAX_PAGE, description="Page number, from 1.")
        page_size: int = Field(
            PAGE_SIZE, ge=1, le=MAX_PAGE_SIZE, description="Items per page, at most 100."
        )

    class Output(Schema):
        items: list[Any]
        count: int = Field(description="The number of items on all pages.")

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(page_size=PAGE_SIZE, max_page_size=MAX_PAGE_SIZE, **kwargs)
