"""The background task that builds a requested file (`mitra db_worker` runs it)."""

from django.tasks import task

from mitra.downloads.building import build_file


@task()
def build_generated_file(pk: int) -> str:
    """Build the generated file `pk`: the line the worker logs."""
    return build_file(pk)
