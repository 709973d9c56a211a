"""Slack's text conventions: what arrives is escaped and linked; what we send must be escaped."""

from __future__ import annotations

import re

from bot.core.invisible import visible

# Slack-native references we keep when showing text: users and channels, never <!channel>.
_KEEP = re.compile(r"<(?:@[UWB][A-Z0-9]+|#C[A-Z0-9]+)(?:\|[^<>]*)?>")
# Anything Slack wraps in <...> in text it sends us.
_ANGLE = re.compile(r"<([^<>]*)>")
# A person who types `<@U1>` reaches us as `&lt;@U1&gt;`: once decoded it would read as a real
# mention, so its bracket becomes a look-alike that no parser or client treats as markup.
_TYPED_REFERENCE = re.compile(r"&lt;(?=[@#])")  # <!channel> is escaped on output
LOOKALIKE_ANGLE = "‹"


def escape(text: str) -> str:
    """Escape &, < and > so user text shows verbatim in mrkdwn; mentions stay mentions; no
    invisible direction or zero-width control gets through."""
    text = visible(text)
    if "<" not in text and ">" not in text and "&" not in text:
        return text  # most text: nothing to escape (every nudge's every field goes through here)
    out, last = [], 0
    for match in _KEEP.finditer(text):
        out.append(_escape_plain(text[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(_escape_plain(text[last:]))
    return "".join(out)


def _escape_plain(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def from_slack(text: str) -> str:
    """Text as a person wrote it: links and special mentions unwrapped, entities decoded.

    User (`<@U1>`, `<@U1|ann>`) and channel (`<#C1|general>`) references stay as they are:
    the grammar and the renderer understand them. Only Slack's own markup is a reference: text
    typed to look like one keeps a look-alike bracket.
    """

    def unwrap(match: re.Match[str]) -> str:
        inner = match.group(1)
        if inner[:1] in ("@", "#"):
            return match.group(0)
        target, _, label = inner.partition("|")
        if target.startswith("!"):  # <!here>, <!subteam^S1|@team>, <!date^…|fallback>
            return label or "@" + target[1:].split("^")[0]
        if target.startswith("mailto:"):
            return label or target.removeprefix("mailto:")
        return label or target

    text = _TYPED_REFERENCE.sub(LOOKALIKE_ANGLE, _ANGLE.sub(unwrap, text))
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def strip_mention(text: str, user_id: str | None) -> str:
    """The text of an @mention without the bot's own mention in front."""
    if not user_id:
        return text.strip()
    return re.sub(rf"<@{re.escape(user_id)}(?:\|[^>]*)?>", "", text).strip()
