"""The demo data as plain data: two tenants, their people and agencies, and the seed cases.

The cooperations are the seed cases of the domain guide (§9), taken from two news items about
Bandung and Makassar; every summary and note is written in our own words. Dates are written on
the story's calendar (around the articles, mid-2016); the loader moves them all by the same
number of days so that the newest lands two weeks before the day it runs, keeping every gap.
Document numbers may contain `{year}`, filled in with the moved signing year. The central
reviewer's queue adds a few illustrative cooperations of both governments (`central_review`).
"""

from mitra.demo.seed import bandung, central_review, makassar, makassar_partners
from mitra.demo.seed.people import CENTRAL_USERS, PASSWORD, SUPERUSER, TENANTS, USERNAMES
from mitra.demo.seed.structures import (
    STEP_NOTES,
    DemoContact,
    DemoCooperation,
    DemoDocument,
    DemoPartner,
    DemoTenant,
    DemoUser,
)

PARTNERS = bandung.PARTNERS + makassar_partners.PARTNERS + central_review.PARTNERS
COOPERATIONS = bandung.COOPERATIONS + makassar.COOPERATIONS + central_review.COOPERATIONS

__all__ = [
    "CENTRAL_USERS",
    "COOPERATIONS",
    "PARTNERS",
    "PASSWORD",
    "STEP_NOTES",
    "SUPERUSER",
    "TENANTS",
    "USERNAMES",
    "DemoContact",
    "DemoCooperation",
    "DemoDocument",
    "DemoPartner",
    "DemoTenant",
    "DemoUser",
]
