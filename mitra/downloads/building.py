"""What the worker does with one requested file: claim it, build it, store it, say how it went."""

import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mitra.downloads.kinds import Built, CannotBuild, Order, kind_named
from mitra.downloads.models import GeneratedFile

logger = logging.getLogger(__name__)

STARTED = 1  # the progress shown once the worker has taken the file


def build_file(pk: int) -> str:
    """Build the file `pk` if it still waits; a second run of the same task does nothing.

    Returns a line for the worker's log."""
    claimed = GeneratedFile.objects.filter(pk=pk, status=GeneratedFile.Status.QUEUED).update(
        status=GeneratedFile.Status.RUNNING, progress=STARTED
    )
    if not claimed:
        return f"generated file {pk}: not waiting, left alone"
    generated = GeneratedFile.objects.select_related("tenant", "requester").get(pk=pk)
    # The file speaks the language its requester read the page in.
    with translation.override(generated.language or settings.LANGUAGE_CODE):
        try:
            built = _built(generated)
        except CannotBuild as refusal:
            return _fail(generated, str(refusal))
        except Exception:
            logger.exception("generated file %s (%s) failed", pk, generated.kind)
            return _fail(
                generated,
                _("The file could not be made. Ask for it again; if it fails again, tell your "
                  "administrator."),
            )  # fmt: skip
    return _store(generated, built)


def _built(generated: GeneratedFile) -> Built:
    kind = kind_named(generated.kind)
    if kind is None:
        raise CannotBuild(_("Mitra no longer makes this kind of file."))
    progress = ProgressReporter(generated.pk)
    return kind.build(Order(generated.tenant, generated.requester, generated.params, progress))


class ProgressReporter:
    """Writes the percentage the build reached, for the status page to poll (never backwards,
    never 100 before the file is stored)."""

    def __init__(self, pk: int) -> None:
        self.pk = pk

    def __call__(self, percent: int) -> None:
        percent = max(STARTED, min(99, int(percent)))
        GeneratedFile.objects.filter(
            pk=self.pk, status=GeneratedFile.Status.RUNNING, progress__lt=percent
        ).update(progress=percent)


def _fail(generated: GeneratedFile, message: str) -> str:
    generated.status = GeneratedFile.Status.FAILED
    generated.error = message[:300]
    generated.finished_at = timezone.now()
    generated.save(update_fields=["status", "error", "finished_at"])
    return f"generated file {generated.pk}: failed"


def _store(generated: GeneratedFile, built: Built) -> str:
    generated.file.save(built.name, ContentFile(built.content), save=False)
    generated.file_name = built.name
    generated.content_type = built.content_type
    generated.status = GeneratedFile.Status.DONE
    generated.progress = 100
    generated.finished_at = timezone.now()
    generated.save(
        update_fields=["file", "file_name", "content_type", "status", "progress", "finished_at"]
    )
    return f"generated file {generated.pk}: {len(built.content)} bytes"
