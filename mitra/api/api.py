"""Mitra's REST API, `/api/v1/`: one NinjaAPI; each resource is a router in this package."""

from ninja import NinjaAPI

api = NinjaAPI(title="Mitra API", version="1", urls_namespace="api")
