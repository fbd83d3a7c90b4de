"""Password forms to try when unlocking a document.

PDF 2.0 (ISO 32000-2, 7.6.4.3.2–3) says AES-256 passwords (security handler revision 6) are
prepared with the SASLprep profile of stringprep (RFC 4013, on RFC 3454) and then truncated
to 127 UTF-8 bytes.  A reader that types "SªSL<soft hyphen>prep" has therefore typed the
password "SaSLprep".  There is no well-kept SASLprep package on PyPI, so :func:`saslprep` is
written from RFC 4013 section 2 with the standard library's :mod:`stringprep` tables.
Plain Python; the passwords are never written anywhere.
"""

from __future__ import annotations

import stringprep
import unicodedata

#: PDF 2.0: the prepared password is cut to this many UTF-8 bytes.
MAX_PASSWORD_BYTES = 127


def saslprep(text: str, allow_unassigned: bool = True) -> str:
    """*text* prepared as RFC 4013 section 2 says.

    1. Map: non-ASCII spaces (table C.1.2) to U+0020; "commonly mapped to nothing" (B.1,
       e.g. the soft hyphen and zero-width joiners) removed.
    2. Normalise: Unicode NFKC.
    3. Prohibit: tables C.1.2, C.2.1, C.2.2, C.3, C.4, C.5, C.6, C.7, C.8, C.9.
    4. Bidirectional check (RFC 3454 section 6).
    5. Unassigned code points (A.1) are allowed by default: a password is a "query" string.

    Raises ValueError naming the rule when *text* cannot be prepared.
    """
    mapped = "".join(
        " " if stringprep.in_table_c12(ch) else ch
        for ch in text
        if not stringprep.in_table_b1(ch)
    )
    prepared = unicodedata.normalize("NFKC", mapped)
    checks = (
        stringprep.in_table_c12, stringprep.in_table_c21, stringprep.in_table_c22,
        stringprep.in_table_c3, stringprep.in_table_c4, stringprep.in_table_c5,
        stringprep.in_table_c6, stringprep.in_table_c7, stringprep.in_table_c8,
        stringprep.in_table_c9,
    )
    for ch in prepared:
        if any(check(ch) for check in checks):
            raise ValueError(f"SASLprep: prohibited character U+{ord(ch):04X}")
        if not allow_unassigned and stringprep.in_table_a1(ch):
            raise ValueError(f"SASLprep: unassigned code point U+{ord(ch):04X}")
    if any(stringprep.in_table_d1(ch) for ch in prepared):
        if any(stringprep.in_table_d2(ch) for ch in prepared):
            raise ValueError("SASLprep: right-to-left and left-to-right text mixed")
        if not (stringprep.in_table_d1(prepared[0]) and stringprep.in_table_d1(prepared[-1])):
            raise ValueError("SASLprep: right-to-left text must start and end with it")
    return prepared


def _truncate(text: str, limit: int = MAX_PASSWORD_BYTES) -> str:
    data = text.encode("utf-8")[:limit]
    return data.decode("utf-8", "ignore")  # never half a character


def password_candidates(password: str) -> list[str]:
    """The forms of *password* to try, in order, without repeats: as typed, NFC (how most
    systems store typed text), SASLprep (PDF 2.0 AES-256), and SASLprep cut to 127 bytes."""
    forms = [password, unicodedata.normalize("NFC", password)]
    try:
        prepared = saslprep(password)
    except ValueError:
        prepared = None
    if prepared is not None:
        forms += [prepared, _truncate(prepared)]
    return list(dict.fromkeys(forms))
