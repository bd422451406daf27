from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CooperationsConfig(AppConfig):
    name = "mitra.cooperations"
    verbose_name = _("Cooperations")

    def ready(self) -> None:
        # The register's exports are built by the worker (mitra.downloads, below this app).
        from mitra.cooperations import workflow
        from mitra.cooperations.files import register_kinds
        from mitra.tenancy.models import name_the_ordered_kinds

        register_kinds()
        # The tenant's procedure order (below this app) is labelled with the kinds it shapes,
        # which only the workflow table knows.
        name_the_ordered_kinds(workflow.kinds_following_the_order)
