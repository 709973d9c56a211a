"""Replies as Adaptive Cards: text blocks, fact sets for fields, Action.Submit buttons.

A button's data is `{"action": "done", "loop": "12", "card": "one"}`; Teams sends it back as a
message activity's `value` (plus the inputs of snooze/reassign/update, named `when_12`, …).
`card` says whether the card shows one loop (so the click may replace the card) or many.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from microsoft_agents.activity import Activity, ActivityTypes, Attachment

from bot.core import readable
from bot.core.invisible import visible
from bot.core.replies import Attachment as ReplyFile
from bot.core.replies import Button, Reply, Section

CARD = "application/vnd.microsoft.card.adaptive"
VERSION = "1.4"
TABLE_VERSION = "1.5"  # Table elements need 1.5; Teams desktop and web render it
MAX_TABLE_ROWS = 25
# Teams refuses bot messages over ~28 KB: big cards lose their inline forms first.
MAX_CARD_BYTES = 24_000
MAX_INLINE_IMAGE_BYTES = 18_000
MAX_FILE_PREVIEW_CHARS = 6_000
SNOOZE_CHOICES = (
    ("Tomorrow morning", "tomorrow 9am"),
    ("In 2 days", "in 2 days"),
    ("Next Monday", "next monday 9am"),
    ("In a week", "in 1 week"),
)
_MENTION = re.compile(r"<@([^>|]+)(?:\|([^>]*))?>")
_STYLE = {"primary": "positive", "danger": "destructive"}
_MARKDOWN = re.compile(r"[\\\[\]*]")  # an underscore inside a word is no emphasis
MAX_TEXT_CHARS = 3_000  # one text block; longer text is cut with an ellipsis
# Buttons that need a word more (until when, who, what) open a small form under the card.
FORM_ACTIONS = ("snooze", "reassign", "update")


def mentioned_ids(reply: Reply) -> set[str]:
    """Every user id written `<@id>` anywhere in the reply (to look up display names)."""
    return {m.group(1) for text in _texts(reply) for m in _MENTION.finditer(text)}


def _texts(reply: Reply) -> Iterable[str]:
    yield reply.text
    yield reply.footer or ""
    for section in reply.sections:
        yield section.text
        yield from (f.value for f in section.fields)
    if reply.table:
        yield from (v for row in reply.table.rows for v in row.values() if isinstance(v, str))


def with_names(text: str, names: Mapping[str, str]) -> str:
    """`<@id>` as the user's display name (what Teams users recognise), and the text escaped:
    what customers and colleagues typed is shown as typed, never as a link or emphasis."""
    named = _MENTION.sub(lambda m: names.get(m.group(1)) or m.group(2) or m.group(1), text)
    return escape(visible(named))


def escape(text: str) -> str:
    """Text for a TextBlock or a fact: the Markdown that Adaptive Cards render (links,
    emphasis) backslash-escaped. Our replies use none of it, so only typed text changes."""
    return _MARKDOWN.sub(r"\\\g<0>", text)


def _text(text: str, **style: Any) -> dict[str, Any]:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def reply_card(
    reply: Reply, names: Mapping[str, str], forms: bool = True, command: str | None = None
) -> dict[str, Any]:
    """The reply as one Adaptive Card; `forms=False` leaves out the inline snooze/reassign/
    update forms (for cards that would be too big). A paged reply to `command` gets buttons
    for the pages either side."""
    single = sum(1 for s in reply.sections if s.buttons) == 1
    body: list[dict[str, Any]] = []
    if reply.text:
        body.append(
            _text(
                with_names(reply.text, names),
                weight="Bolder",
                **({"color": "Attention"} if reply.error else {}),
            )
        )
    for section in reply.sections:
        body.append(_section(section, names, single, forms))
    if reply.table is not None:
        body.extend(_table(reply, names))
    if reply.footer:
        body.append(_text(with_names(reply.footer, names), isSubtle=True, size="Small"))
    if command and reply.pages > 1:
        body.append(_pager(reply, command))
    version = TABLE_VERSION if reply.table is not None else VERSION
    card = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": version,
        "body": body,
        "msteams": {"width": "Full"},
    }
    if forms and _size(card) > MAX_CARD_BYTES:
        return reply_card(reply, names, forms=False, command=command)
    if not forms and any(b.action in FORM_ACTIONS for s in reply.sections for b in s.buttons):
        body.append(
            _text(
                "To snooze, reassign or add an update, type it: `snooze 12 tomorrow`, "
                "`reassign 12 @name`, `update 12 …`.",
                isSubtle=True,
                size="Small",
            )
        )
    return _fit(card)


def _size(card: dict[str, Any]) -> int:
    return len(json.dumps(card).encode("utf-8"))


def _fit(card: dict[str, Any]) -> dict[str, Any]:
    """The card within what Teams accepts (it refuses a message over ~28 KB): long texts cut,
    then the last parts left out, with a line saying so."""
    if _size(card) <= MAX_CARD_BYTES:
        return card
    _clip(card["body"])
    body, left_out = card["body"], 0
    while len(body) > 1 and _size(card) > MAX_CARD_BYTES - 500:
        body.pop()
        left_out += 1
    if left_out:
        body.append(
            _text(
                f"{left_out} more part{'s' if left_out > 1 else ''} left out: Teams takes so much "
                "in one message. Ask for less (a customer, a page), or use `loopkeeper` on the "
                "command line.",
                isSubtle=True,
                size="Small",
            )
        )
    return card


def _clip(node: Any) -> None:
    if isinstance(node, list):
        for item in node:
            _clip(item)
    elif isinstance(node, dict):
        if node.get("type") == "TextBlock" and len(node.get("text") or "") > MAX_TEXT_CHARS:
            node["text"] = node["text"][:MAX_TEXT_CHARS] + "…"
        for value in node.values():
            if isinstance(value, list | dict):
                _clip(value)


def _section(
    section: Section, names: Mapping[str, str], single: bool, forms: bool
) -> dict[str, Any]:
    items: list[dict[str, Any]] = [_text(with_names(section.text, names), weight="Bolder")]
    if section.fields:
        items.append(
            {
                "type": "FactSet",
                "facts": [
                    {"title": field.label, "value": with_names(field.value, names)}
                    for field in section.fields
                ],
            }
        )
    actions = [a for a in (_action(b, single, forms) for b in section.buttons) if a]
    if actions:
        items.append({"type": "ActionSet", "actions": actions})
    return {"type": "Container", "separator": True, "spacing": "Medium", "items": items}


def _pager(reply: Reply, command: str) -> dict[str, Any]:
    """Previous/next page: pressing one replaces the card with that page."""
    actions = [
        {
            "type": "Action.Submit",
            "title": title,
            "data": {"action": "page", "command": command, "page": page},
        }
        for title, page in (("◀ Previous page", reply.page - 1), ("Next page ▶", reply.page + 1))
        if 1 <= page <= reply.pages
    ]
    return {"type": "ActionSet", "actions": actions}


def button_data(button: Button, single: bool) -> dict[str, str]:
    if button.action == "track":
        return {"action": "track", "value": button.value}
    if button.action == "run":
        return {"action": "run", "command": button.value}
    return {"action": button.action, "loop": button.value, "card": "one" if single else "many"}


def _action(button: Button, single: bool, forms: bool) -> dict[str, Any] | None:
    data = button_data(button, single)
    submit: dict[str, Any] = {"type": "Action.Submit", "title": button.label, "data": data}
    if button.style in _STYLE:
        submit["style"] = _STYLE[button.style]
    if button.action not in FORM_ACTIONS:
        return submit
    if not forms:
        return None
    return {
        "type": "Action.ShowCard",
        "title": button.label,
        "card": {"type": "AdaptiveCard", "body": _form(button), "actions": [submit]},
    }


def _form(button: Button) -> list[dict[str, Any]]:
    number = button.value
    if button.action == "snooze":
        return [
            {
                "type": "Input.ChoiceSet",
                "id": f"when_{number}",
                "label": "Until",
                "value": SNOOZE_CHOICES[0][1],
                "isRequired": True,
                "choices": [{"title": t, "value": v} for t, v in SNOOZE_CHOICES],
            }
        ]
    if button.action == "reassign":
        # Teams' people picker: the chosen person comes back as their AAD object id.
        return [
            {
                "type": "Input.ChoiceSet",
                "id": f"owner_{number}",
                "label": "New owner",
                "isRequired": True,
                "placeholder": "Type a name",
                "choices": [],
                "choices.data": {"type": "Data.Query", "dataset": "graph.microsoft.com/users"},
            }
        ]
    return [
        {
            "type": "Input.Text",
            "id": f"text_{number}",
            "label": "Update",
            "isMultiline": True,
            "isRequired": True,
            "placeholder": "What happened?",
        }
    ]


def _table(reply: Reply, names: Mapping[str, str]) -> list[dict[str, Any]]:
    table = reply.table
    assert table is not None

    def cell(shown: str, bold: bool = False) -> dict[str, Any]:
        shown = with_names(shown, names)
        return {
            "type": "TableCell",
            "items": [_text(shown, size="Small", **({"weight": "Bolder"} if bold else {}))],
        }

    rows = [{"type": "TableRow", "cells": [cell(readable.header(c), True) for c in table.columns]}]
    rows += [
        {
            "type": "TableRow",
            "cells": [
                cell(readable.cell(c, row.get(c), table.zone, table.now)) for c in table.columns
            ],
        }
        for row in table.rows[:MAX_TABLE_ROWS]
    ]
    blocks: list[dict[str, Any]] = [
        {
            "type": "Table",
            "firstRowAsHeader": True,
            "showGridLines": True,
            "columns": [{"width": 1} for _ in table.columns],
            "rows": rows,
            "fallback": {"type": "TextBlock", "text": "(This report needs a newer Teams.)"},
        }
    ]
    if len(table.rows) > MAX_TABLE_ROWS:
        blocks.append(
            _text(
                f"First {MAX_TABLE_ROWS} of {len(table.rows)} rows; "
                "`loopkeeper report` on the command line has them all.",
                isSubtle=True,
                size="Small",
            )
        )
    return blocks


def card_attachment(card: dict[str, Any]) -> Attachment:
    return Attachment(content_type=CARD, content=card)


def file_attachment(file: ReplyFile) -> Attachment:
    """A file as Teams can show it from a bot: small PNGs inline, text as a preview card.

    Bots can't upload files to channels without Microsoft Graph, so a file that doesn't fit in a
    message is described and the user is pointed at the command line, which has all of it.
    """
    is_png = file.mime == "image/png" or file.filename.lower().endswith(".png")
    if is_png and len(file.content) <= MAX_INLINE_IMAGE_BYTES:
        url = "data:image/png;base64," + base64.b64encode(file.content).decode()
        return card_attachment(
            _card(
                [
                    _text(file.title, weight="Bolder"),
                    {"type": "Image", "url": url, "altText": file.title},
                ]
            )
        )
    size = (
        f"{len(file.content) / 1024:.0f} KB"
        if len(file.content) >= 1024
        else f"{len(file.content)} bytes"
    )
    body = [
        _text(f"📎 {file.title}", weight="Bolder"),
        _text(f"{file.filename} · {size}", isSubtle=True, size="Small"),
    ]
    if is_png or not _is_text(file):
        body.append(
            _text(
                "Teams doesn't let bots attach files here; `loopkeeper report` on the "
                "command line makes the same file.",
                size="Small",
            )
        )
        return card_attachment(_card(body))
    text = file.content.decode("utf-8", "replace")
    preview = text[:MAX_FILE_PREVIEW_CHARS]
    body.append(_text(preview, fontType="Monospace", size="Small"))
    if len(preview) < len(text):
        lines = text.count("\n")
        body.append(
            _text(
                f"That's the start of {lines} lines. Teams doesn't let bots attach "
                "files here; `loopkeeper report` on the command line has the whole "
                "file.",
                size="Small",
                isSubtle=True,
            )
        )
    return card_attachment(_card(body))


def _is_text(file: ReplyFile) -> bool:
    return file.mime.startswith("text/") or file.filename.lower().endswith(
        (".csv", ".txt", ".json")
    )


def _card(body: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": VERSION,
        "body": body,
    }


def tell_form(number: int, draft: str) -> Activity:
    """ "Tell the customer" pressed: what would be posted in their channel, to edit, and the
    button that posts it (the same as Slack's dialog)."""
    card = _card(
        [
            _text(f"Tell the customer about #{number}", weight="Bolder"),
            {
                "type": "Input.Text",
                "id": f"text_{number}",
                "label": "What they read in their channel (empty: the loop and its done note)",
                "isMultiline": True,
                "value": visible(draft),
            },
        ]
    )
    card["actions"] = [
        {
            "type": "Action.Submit",
            "title": "Post it",
            "style": "positive",
            "data": {"action": "tell", "loop": str(number), "form": "tell"},
        }
    ]
    return Activity(type=ActivityTypes.message, attachments=[card_attachment(card)])


def message(reply: Reply, names: Mapping[str, str], command: str | None = None) -> Activity:
    """The reply as a message activity: its card, then any files."""
    attachments = [card_attachment(reply_card(reply, names, command=command))]
    attachments += [file_attachment(f) for f in reply.attachments]
    summary = with_names(reply.text, names).splitlines()[0][:200] if reply.text else None
    return Activity(type=ActivityTypes.message, attachments=attachments, summary=summary)


def feedback_dialog(
    text: str,
    customer: str,
    permalink: str | None,
    message_id: str,
    channel: str,
    error: str | None = None,
) -> dict[str, Any]:
    """The "Log customer feedback" dialog (a task module), prefilled like Slack's modal."""
    body: list[dict[str, Any]] = []
    if error:
        body.append(_text(error, color="Attention", weight="Bolder"))
    body += [
        {
            "type": "Input.Text",
            "id": "customer",
            "label": "Customer",
            "value": customer,
            "placeholder": "Who said it? (name or alias)",
        },
        {
            "type": "Input.Text",
            "id": "text",
            "label": "What they said",
            "value": text,
            "isMultiline": True,
            "isRequired": True,
            "errorMessage": "Say what the customer said.",
        },
    ]
    if permalink:
        body.append(_text(f"[The message in Teams]({permalink})", size="Small", isSubtle=True))
    card = _card(body)
    card["actions"] = [
        {
            "type": "Action.Submit",
            "title": "Log feedback",
            "data": {"permalink": permalink or "", "messageId": message_id, "channel": channel},
        }
    ]
    return {
        "task": {
            "type": "continue",
            "value": {
                "title": "Log customer feedback",
                "height": "medium",
                "width": "medium",
                "card": {"contentType": CARD, "content": card},
            },
        }
    }
