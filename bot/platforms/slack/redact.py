"""Tokens never reach a log: every record's message is scrubbed of Slack tokens and secrets."""

from __future__ import annotations

import logging
import re

_TOKEN = re.compile(r"\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+")
_FIELD = re.compile(
    r"""(["']?(?:token|signing_secret|client_secret)["']?\s*[:=]\s*["']?)"""
    r"""[^"'&\s,}]+""",
    re.IGNORECASE,
)
_installed = False


def redact(text: str) -> str:
    """The text with Slack tokens (xoxb-…, xapp-…) and token fields replaced by `***`."""
    return _FIELD.sub(r"\1***", _TOKEN.sub("xox?-***", text))


def install_token_redaction() -> None:
    """Make every log record scrub its message, whichever logger or handler formats it."""
    global _installed
    if _installed:
        return
    make_record = logging.getLogRecordFactory()

    def scrubbed(*args: object, **kwargs: object) -> logging.LogRecord:
        record = make_record(*args, **kwargs)
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a bad format string is logging's to report
            return record
        cleaned = redact(message)
        if cleaned != message:
            record.msg, record.args = cleaned, None
        return record

    logging.setLogRecordFactory(scrubbed)
    _installed = True
