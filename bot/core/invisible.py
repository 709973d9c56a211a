"""Characters a reader can't see that change what they see: direction overrides and isolates
(an RTL override makes "gpj.exe" read "exe.jpg") and zero-width spaces (a name that looks like
another). Text shown to people (Slack, the console, the CLI) goes out without them."""

from __future__ import annotations

_HIDDEN = {
    *range(0x202A, 0x202F),  # LRE, RLE, PDF, LRO, RLO
    *range(0x2066, 0x206A),  # LRI, RLI, FSI, PDI
    0x200E,  # left-to-right mark
    0x200F,  # right-to-left mark
    0x061C,  # Arabic letter mark
    0x200B,  # zero-width space
    0x2060,  # word joiner
    0xFEFF,  # zero-width no-break space
    0x180E,  # Mongolian vowel separator
}
_DROP = dict.fromkeys(_HIDDEN)  # str.translate: these map to nothing


def visible(text: str) -> str:
    """`text` without direction controls and zero-width spaces (joiners stay: emoji need them)."""
    return text.translate(_DROP)
