"""Valid Unicode at the Article boundary: every text that becomes an Article passes here once.

What a reader can let through and a store or terminal cannot take: lone surrogates (a JSON
``"\\ud800"``, a file name that is not UTF-8) cannot be encoded as UTF-8; NUL is refused by
PostgreSQL; other control characters confuse tokenizers and terminals. Line-like separators
become newlines; the rest is dropped; a surrogate becomes U+FFFD so the damage stays visible.
Clean text (nearly all of it) is returned unchanged after one regex search.
"""

from __future__ import annotations

import re

REPLACEMENT_CHARACTER = "\ufffd"
# Separators that end a line: vertical tab, form feed, file/group/record separators, NEL, LS, PS.
_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_SURROGATES = "\ud800-\udfff"
# C0 controls but tab, newline and carriage return; DEL and C1; the two noncharacters of the BMP.
_DROPPED = "\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\ufffe\uffff"
_UNWANTED = re.compile(f"[{_LINE_BREAKS}{_SURROGATES}{_DROPPED}]")
_SURROGATE = re.compile(f"[{_SURROGATES}]")
_LINE_BREAK = re.compile(f"[{_LINE_BREAKS}]")
_DROP = re.compile(f"[{_DROPPED}]")


def clean_text(text: str) -> str:
    """``text`` as valid, storable Unicode (see the module docstring for what changes)."""
    if _UNWANTED.search(text) is None:
        return text
    text = _SURROGATE.sub(REPLACEMENT_CHARACTER, text)
    text = _LINE_BREAK.sub("\n", text)
    return _DROP.sub("", text)


def encodable(value: str) -> bool:
    """Whether ``value`` can be written as UTF-8 (it holds no lone surrogate, as undecodable bytes
    in a file name or a shell argument become)."""
    return _SURROGATE.search(value) is None
