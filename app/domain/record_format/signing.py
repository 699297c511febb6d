"""Signing records: an instance's Ed25519 key signs a record's fingerprint, and a copy is checked
against the keys this instance trusts (its own and those of instances it is told to trust).

The signature's `value` is the base64 Ed25519 signature of the fingerprint's hex string (as
UTF-8); `public_key` is the raw 32-byte key in base64; `key_id` is the first 16 hex digits of
the SHA-256 of that raw key, so a reader can match it against `GET /api/v1/keys`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from app.domain.errors import InvalidInput
from app.domain.record_format.canonical import fingerprint_of

ALG = "Ed25519"


def key_id_of(raw_public: bytes) -> str:
    return hashlib.sha256(raw_public).hexdigest()[:16]


def _raw(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(Encoding.Raw, PublicFormat.Raw)


def public_key_from(text: str) -> bytes:
    """A public key given as base64 of its 32 raw bytes (how /keys and records show it)."""
    try:
        raw = base64.b64decode(text.strip(), validate=True)
        Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError):
        raise InvalidInput(
            f"'{text[:20]}' is not an Ed25519 public key (base64 of 32 bytes).",
            field="public_key",
        ) from None
    return raw


@dataclass(frozen=True)
class PublicKey:
    key_id: str
    public_key: str  # base64 of the raw 32 bytes
    own: bool  # this instance signs with it (the others are trusted only)
    alg: str = ALG


@dataclass(frozen=True)
class Check:
    """What checking a record's copy found.

    intact: the fingerprint matches the content and the signature, if any, matches the
    fingerprint; verified: intact and signed by a trusted key.
    """

    intact: bool
    verified: bool
    signed_by: str | None
    fingerprint: str
    message: str


class KeyRing:
    """The key this instance signs with and the public keys it trusts."""

    def __init__(self, private_seed: bytes, trusted: Iterable[bytes] = ()) -> None:
        self._private = Ed25519PrivateKey.from_private_bytes(private_seed)
        own = _raw(self._private.public_key())
        self.key_id = key_id_of(own)
        self._public = base64.b64encode(own).decode()
        self._trusted = {key_id_of(raw): raw for raw in trusted if raw != own}

    @classmethod
    def from_texts(cls, private_seed: bytes, trusted: Iterable[str]) -> KeyRing:
        """From the settings: the seed, and other instances' keys as base64 text."""
        return cls(private_seed, [public_key_from(text) for text in trusted])

    def public_keys(self) -> list[PublicKey]:
        keys = [PublicKey(self.key_id, self._public, True)]
        return keys + [
            PublicKey(kid, base64.b64encode(raw).decode(), False)
            for kid, raw in sorted(self._trusted.items())
        ]

    def sign(self, data: Mapping[str, Any]) -> dict[str, Any]:
        """The record with its fingerprint and this instance's signature of it."""
        body = {k: v for k, v in data.items() if k not in ("fingerprint", "signature")}
        fingerprint = fingerprint_of(body)
        value = self._private.sign(fingerprint.encode())
        return {
            **body,
            "fingerprint": fingerprint,
            "signature": {
                "alg": ALG,
                "key_id": self.key_id,
                "public_key": self._public,
                "value": base64.b64encode(value).decode(),
            },
        }

    def trusts(self, raw_public: bytes) -> bool:
        kid = key_id_of(raw_public)
        return kid == self.key_id or self._trusted.get(kid) == raw_public

    def check(self, data: Mapping[str, Any]) -> Check:
        """Check a record's copy: never raises, says what it found."""
        fingerprint = fingerprint_of(dict(data))
        if data.get("fingerprint") != fingerprint:
            return Check(
                False,
                False,
                None,
                fingerprint,
                "The content does not match its fingerprint: the file was changed.",
            )
        signature = data.get("signature")
        if signature is None:
            return Check(True, False, None, fingerprint, "The record is unchanged but unsigned.")
        problem = signature_problem(signature, fingerprint)
        if problem:
            return Check(False, False, None, fingerprint, problem)
        raw = base64.b64decode(signature["public_key"])
        kid = key_id_of(raw)
        if not self.trusts(raw):
            return Check(
                True,
                False,
                kid,
                fingerprint,
                f"The record is unchanged since key {kid} signed it, but this instance does "
                "not trust that key.",
            )
        return Check(True, True, kid, fingerprint, f"Verified: signed by trusted key {kid}.")


def signature_problem(signature: Any, fingerprint: str) -> str:
    """Why a signature does not match its record ('' when it does)."""
    if not isinstance(signature, dict) or signature.get("alg") != ALG:
        return "The signature is not an Ed25519 signature in the record's format."
    try:
        raw = base64.b64decode(str(signature.get("public_key")), validate=True)
        value = base64.b64decode(str(signature.get("value")), validate=True)
        key = Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError):
        return "The signature's key or value is not valid base64 of the right length."
    if signature.get("key_id") != key_id_of(raw):
        return "The signature's key_id does not belong to its public key."
    try:
        key.verify(value, fingerprint.encode())
    except InvalidSignature:
        return "The signature does not match the record: it was changed after it was signed."
    return ""
