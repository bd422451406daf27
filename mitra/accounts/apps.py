from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "mitra.accounts"

    def ready(self) -> None:
        # django-axes announces a lockout only through its signal; the audit row is written there.
        from axes.signals import user_locked_out

        from mitra.accounts.throttling import audit_lockout

        user_locked_out.connect(audit_lockout, dispatch_uid="mitra.accounts.audit_lockout")
