"""Secret tokens that are shown once and stored only as a hash: API tokens and calendar feeds.

A token is `secrets.token_urlsafe(32)` (256 bits, 43 URL-safe characters); the database keeps its
SHA-256 hex digest, so a copy of the database opens no API and no calendar. An unsalted hash is
enough because the token is random, not chosen by a person; it also lets a lookup find the row by
an index on the hash. Any string hashes to 64 hex digits, so hostile input (NUL bytes, huge
strings) never reaches the database as it came.
"""

import hashlib
import secrets


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def new_token() -> tuple[str, str]:
    """A fresh token and its hash: give the first to the person once, store the second."""
    raw = secrets.token_urlsafe(32)
    return raw, hash_token(raw)
