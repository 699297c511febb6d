"""Passwords and tokens: Argon2 hashes, random tokens, and the hashes we store instead of tokens."""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()

JOIN_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread aloud
JOIN_CODE_LENGTH = 6
MIN_PASSWORD_LENGTH = 10


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


# The commonest passwords of ten characters or more in public breach lists (shorter ones are
# refused by length already); compared without case, spaces or a trailing "!".
COMMON_PASSWORDS = frozenset(
    """
    1234567890 0123456789 12345678910 1234567891 0987654321 1111111111 0000000000 1q2w3e4r5t
    1qaz2wsx3edc qwertyuiop qwertyuiop1 qwerty1234 qwerty12345 qwerty123456 asdfghjkl1
    asdfghjkl; zxcvbnm123 password12 password123 password1234 password12345 passw0rd123
    p@ssw0rd123 p@ssword123 iloveyou12 iloveyou123 princess12 sunshine12 football12
    football123 baseball12 baseball123 basketball superman12 starwars12 welcome123
    welcome1234 letmein123 changeme12 changeme123 administrator admin12345 admin123456
    adminadmin administrator1 trustno1trustno1 monkey12345 dragon12345 michael123
    jessica123 charlie123 computer12 computer123 internet12 whatever12 qazwsxedc123
    qazwsxedcrfv 1qazxsw23edc abcdefghij abcdefg123 abc1234567 abcd123456 a1b2c3d4e5
    aaaaaaaaaa 9876543210 123123123123 1231231234 123qweasdzxc zaq12wsxcde iloveyou1234
    backboneselect backbone123 collectiveimpact facilitator facilitator1 workshop123
    """.split()
)


def password_problem(password: str, email: str = "") -> str | None:
    """Why this password is too easy to guess, or None: too short, one of the commonest, or
    nearly one character repeated, or the email address itself."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"The password needs at least {MIN_PASSWORD_LENGTH} characters."
    plain = password.lower().replace(" ", "").rstrip("!")
    if plain in COMMON_PASSWORDS or len(set(plain)) <= 2 or plain == email.strip().lower():
        return "This password is among the easiest to guess; choose another one."
    return None


def decoy_hash() -> str:
    """A real Argon2 hash nobody's password matches: checking an unknown email against it costs
    the same time as checking a known one."""
    global _decoy
    if _decoy is None:
        _decoy = _hasher.hash(secrets.token_urlsafe(24))
    return _decoy


_decoy: str | None = None


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
