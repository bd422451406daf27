"""Where uploaded and generated files are kept: a local folder, or an S3-compatible bucket.

Every file Mitra keeps (documents, activity attachments, progress evidence, imported registers,
evaluation reports) is a model `FileField` written and read through Django's storage API, so the
choice is one entry of `STORAGES`, made in `config/settings.py` from the environment. Downloads
never link to the bucket: the view checks the tenant and role, then streams the file
(`mitra/lib/files.py`), so the bucket stays private.
"""

from typing import Any

LOCAL_FOLDER = "django.core.files.storage.FileSystemStorage"
S3_BUCKET = "storages.backends.s3.S3Storage"


def file_storage(
    *,
    bucket: str,
    endpoint_url: str = "",
    region: str = "",
    access_key_id: str = "",
    secret_access_key: str = "",
    prefix: str = "",
    addressing_style: str = "",
) -> dict[str, Any]:
    """The `STORAGES["default"]` entry: MEDIA_ROOT without a bucket, else that bucket.

    Empty values are left to boto3, which then finds credentials and region in its usual places
    (AWS_* variables, an instance role)."""
    if not bucket:
        return {"BACKEND": LOCAL_FOLDER}
    options: dict[str, Any] = {
        "bucket_name": bucket,
        # Like the local folder, a second upload named alike gets a new name instead of
        # replacing the first (django-storages would overwrite by default).
        "file_overwrite": False,
        # The view streams files after its checks; a signed address, if one is ever made,
        # expires within a minute.
        "querystring_auth": True,
        "querystring_expire": 60,
    }
    optional = {
        "endpoint_url": endpoint_url,
        "region_name": region,
        "access_key": access_key_id,
        "secret_key": secret_access_key,
        "location": prefix.strip("/"),
        "addressing_style": addressing_style,
    }
    options.update({name: value for name, value in optional.items() if value})
    return {"BACKEND": S3_BUCKET, "OPTIONS": options}
