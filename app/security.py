"""Passwords and tokens: Argon2 hashes, random tokens, and the hashes we store instead of tokens."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()

JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread aloud
JOIN_CODE_LENGTH = 6


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def new_token() -> str:
    """256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def new_join_code() -> str:
    return "".join(secrets.choice(JOIN_CODE_ALPHABET) for _ in range(JOIN_CODE_LENGTH))


def normalize_join_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


# Resume codes: Crockford's base32 (no I, L, O or U), 8 characters = 40 random bits, read
# back forgivingly (lower case, dashes and spaces, O for 0, I or L for 1).
RESUME_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RESUME_CODE_LENGTH = 8
_RESUME_READ = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_resume_code() -> str:
    return "".join(secrets.choice(RESUME_ALPHABET) for _ in range(RESUME_CODE_LENGTH))


def normalize_resume_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum()).translate(_RESUME_READ)


def resume_hash(workshop_id: int, code: str) -> str:
    """What we store instead of a resume code: bound to its workshop."""
    return hashlib.sha256(f"{workshop_id}:{normalize_resume_code(code)}".encode()).hexdigest()
