"""Block Kit from the neutral Reply: sections, fields, buttons, tables, modals, App Home.

Everything a user typed (customer names, feedback) is escaped, so mrkdwn or link syntax in it
shows verbatim; mentions written `<@U123>` stay mentions.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.core import readable
from bot.core.replies import Button, Picker, Reply, Section, Table
from bot.platforms.slack.text import escape

Block = dict[str, Any]

MESSAGE_BLOCKS = 50  # Slack's limit per message
VIEW_BLOCKS = 100  # per modal or App Home
SECTION_TEXT = 3000
FIELD_TEXT = 2000
MAX_FIELDS = 10
LABEL_TEXT = 75
FALLBACK_TEXT = 3000
SNOOZE_CHOICES = (
    ("3 hours", "in 3 hours"),
    ("Tomorrow 9:00", "tomorrow 9am"),
    ("2 days", "in 2 days"),
    ("Next Monday 9:00", "next monday 9am"),
    ("1 week", "in 1 week"),
)
UPDATE_MODAL = "loop_update_modal"
FEEDBACK_MODAL = "log_feedback_modal"
_LINK = re.compile(r"https?://[^\s<>|]+")


def mrkdwn(text: str) -> Block:
    return {"type": "mrkdwn", "text": text}


def plain(text: str, limit: int = LABEL_TEXT) -> Block:
    return {"type": "plain_text", "text": _cut(text, limit) or " ", "emoji": True}


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _sections_of(text: str, block_id: str | None = None) -> list[Block]:
    """Escaped text as one or more sections (a section holds at most 3000 characters)."""
    blocks, chunk = [], ""
    for line in escape(text).split("\n"):
        while len(line) > SECTION_TEXT:
            blocks.append(line[:SECTION_TEXT])
            line = line[SECTION_TEXT:]
        if chunk and len(chunk) + 1 + len(line) > SECTION_TEXT:
            blocks.append(chunk)
            chunk = line
        else:
            chunk = f"{chunk}\n{line}" if chunk else line
    if chunk.strip():
        blocks.append(chunk)
    out = [{"type": "section", "text": mrkdwn(t)} for t in blocks]
    if block_id and out:
        out[0]["block_id"] = block_id
    return out


def loop_key(section: Section) -> str:
    """The loop number a section is about (from its buttons), or '' for other sections."""
    for button in section.buttons:
        if button.value.isdigit():
            return button.value
    return ""


def section_blocks(section: Section, index: int, key: str | None = None) -> list[Block]:
    """A section (a loop, a touchpoint) and the buttons that act on it; block ids carry the
    loop's number (`key`, else read from the buttons) so a click can redraw just that loop."""
    key = loop_key(section) if key is None else key
    block: Block = {
        "type": "section",
        "block_id": f"s:{key}:{index}",
        "text": mrkdwn(_cut(escape(section.text), SECTION_TEXT)),
    }
    if section.fields:
        block["fields"] = [
            mrkdwn(_cut(f"*{escape(f.label)}*\n{_value(f.value)}", FIELD_TEXT))
            for f in section.fields[:MAX_FIELDS]
        ]
    blocks = [block]
    elements = [element(b) for b in section.buttons[:24]]
    picker = section.picker
    if picker is not None and not picker.about:
        elements.append(picker_element(picker))
    if elements:
        blocks.append({"type": "actions", "block_id": f"a:{key}:{index}", "elements": elements})
    if picker is not None and picker.about:
        blocks.append(about_picker(picker))
    return blocks


PICK_ACTION = "loop_run_pick"  # a select whose chosen option's value is a command to run
_PICKER_OPTIONS = 100  # Slack's limit for a static select


def picker_element(picker: Picker, action_id: str = PICK_ACTION) -> Block:
    """A static select of the picker's (first 100) choices."""
    return {
        "type": "static_select",
        "action_id": action_id,
        "placeholder": plain(picker.placeholder),
        "options": [
            {"text": plain(label), "value": value[:150]}
            for label, value in picker.choices[:_PICKER_OPTIONS]
        ],
    }


PICKED = "pick|"  # an about-picker's block id: what the pick is about follows


def about_picker(picker: Picker) -> Block:
    """A picker whose choices' values are ids and whose block carries what it is about (the
    reacted message): the first 100 choices in a static select and, past 100, a search
    (external select: Slack asks `options` as the person types)."""
    action_id = f"loop_{picker.action}"
    elements = [picker_element(picker, action_id)]
    if picker.search:
        elements.append(
            {
                "type": "external_select",
                "action_id": f"{action_id}_search",
                "placeholder": plain("Search every customer…"),
                "min_query_length": 1,
            }
        )
    return {"type": "actions", "block_id": (PICKED + picker.about)[:255], "elements": elements}


def _value(value: str) -> str:
    if _LINK.fullmatch(value):
        return f"<{value}|open>"
    return escape(value) or "—"


# The same on every nudge: made once (blocks are only ever read and encoded, never changed).
_SNOOZE_TEXTS = [(plain(label), when) for label, when in SNOOZE_CHOICES]
_SNOOZE_PLACEHOLDER = plain("Snooze…")
_REASSIGN_PLACEHOLDER = plain("Reassign…")


def element(button: Button) -> Block:
    """The interactive element for a button: a select for Snooze and Reassign."""
    action_id = f"loop_{button.action}"
    if button.action == "snooze":
        return {
            "type": "static_select",
            "action_id": action_id,
            "placeholder": _SNOOZE_PLACEHOLDER,
            "options": [
                {"text": text, "value": f"{button.value}|{when}"} for text, when in _SNOOZE_TEXTS
            ],
        }
    if button.action == "reassign":
        return {
            "type": "users_select",
            "action_id": action_id,
            "placeholder": _REASSIGN_PLACEHOLDER,
        }
    block: Block = {
        "type": "button",
        "action_id": action_id,
        "text": plain(button.label),
        "value": button.value[:2000],
    }
    if button.style in ("primary", "danger"):
        block["style"] = button.style
    return block


def table_blocks(table: Table) -> list[Block]:
    """Report rows as readable lines: the first column in bold, the others as `name value`."""
    if not table.rows:
        return [{"type": "context", "elements": [mrkdwn("No rows.")]}]
    first, rest = table.columns[0], table.columns[1:]
    lines = []
    for row in table.rows:
        parts = [f"{_label(c)} {escape(_cell(table, c, row))}" for c in rest]
        lines.append(
            f"• *{escape(_cell(table, first, row))}*" + (" — " + " · ".join(parts) if parts else "")
        )
    blocks, chunk = [], ""
    for line in lines:
        line = _cut(line, SECTION_TEXT)
        if chunk and len(chunk) + 1 + len(line) > SECTION_TEXT:
            blocks.append(chunk)
            chunk = line
        else:
            chunk = f"{chunk}\n{line}" if chunk else line
    blocks.append(chunk)
    return [{"type": "section", "text": mrkdwn(t)} for t in blocks]


def _label(column: str) -> str:
    return readable.header(column).lower() if column != "id" else "#"


def _cell(table: Table, column: str, row: dict[str, object]) -> str:
    return readable.cell(column, row.get(column), table.zone, table.now)


def reply_blocks(reply: Reply) -> list[Block]:
    """Every block of a reply, in order (may exceed one message: see `messages`)."""
    blocks = _sections_of(("⚠️ " if reply.error else "") + reply.text) if reply.text else []
    for index, section in enumerate(reply.sections):
        blocks += section_blocks(section, index)
    if reply.table is not None:
        blocks += table_blocks(reply.table)
    if reply.footer:
        blocks.append(
            {"type": "context", "elements": [mrkdwn(_cut(escape(reply.footer), SECTION_TEXT))]}
        )
    return blocks


def fallback(reply: Reply) -> str:
    """The notification text Slack shows where blocks can't be (escaped, like the blocks)."""
    return _cut(escape(reply.text or reply.plain()), FALLBACK_TEXT) or " "


def messages(
    reply: Reply, limit: int = MESSAGE_BLOCKS, tail: list[Block] | None = None
) -> list[tuple[str, list[Block]]]:
    """The reply as one or more messages of at most `limit` blocks, a loop never split;
    `tail` blocks (a pager) end the last one."""
    text = fallback(reply)
    chunks: list[list[Block]] = [[]]
    for group in _groups(reply_blocks(reply)) + ([tail] if tail else []):
        if chunks[-1] and len(chunks[-1]) + len(group) > limit:
            chunks.append([])
        chunks[-1].extend(group)
    return [(text if i == 0 else f"{text} (continued)", c) for i, c in enumerate(chunks)]


PAGE_ACTION = "loop_page"
RUN_ACTION = "loop_run"  # a button that runs the command in its value (Undo, confirmations)


def pager(reply: Reply, command_text: str) -> list[Block] | None:
    """Buttons to the previous and next page of a paged reply to `command_text`."""
    if reply.pages <= 1 or len(command_text) > 1900:
        return None
    buttons = []
    for label, page, where in (
        (f"‹ Page {reply.page - 1}", reply.page - 1, "prev"),
        (f"Page {reply.page + 1} ›", reply.page + 1, "next"),
    ):
        if 1 <= page <= reply.pages:
            value = json.dumps({"text": command_text, "page": page})
            buttons.append(
                {
                    "type": "button",
                    "action_id": f"{PAGE_ACTION}_{where}",
                    "text": plain(label),
                    "value": value,
                }
            )
    return [{"type": "actions", "block_id": "pager", "elements": buttons}]


def _groups(blocks: list[Block]) -> list[list[Block]]:
    """Keep a loop's section with its buttons."""
    groups: list[list[Block]] = []
    for block in blocks:
        if block["type"] == "actions" and groups:
            groups[-1].append(block)
        else:
            groups.append([block])
    return groups


def replace_loop(blocks: list[Block], number: int, reply: Reply) -> list[Block] | None:
    """A message's blocks with loop #number shown as the reply says (in place), plus a line
    saying what changed; None when the message doesn't show that loop."""
    ours = [i for i, b in enumerate(blocks) if _shows_loop(b, number)]
    if not ours or not reply.sections:
        return None
    index = str(blocks[ours[0]].get("block_id", "")).split(":")[-1]
    fresh = section_blocks(reply.sections[0], int(index) if index.isdigit() else 0, key=str(number))
    fresh.append(
        {
            "type": "context",
            "block_id": f"t:{number}",
            "elements": [mrkdwn(_cut(escape(reply.text), SECTION_TEXT))],
        }
    )
    kept = [b for i, b in enumerate(blocks) if i not in ours]
    at = ours[0]
    return kept[:at] + fresh + kept[at:]


def _shows_loop(block: Block, number: int) -> bool:
    block_id = str(block.get("block_id", ""))
    return block_id.startswith((f"s:{number}:", f"a:{number}:")) or block_id == f"t:{number}"


def home_view(reply: Reply, status: str | None = None) -> Block:
    """The App Home tab: the user's open loops with their buttons."""
    blocks: list[Block] = [{"type": "header", "text": plain("Your loops", 150)}]
    if status:
        blocks.append({"type": "context", "elements": [mrkdwn(_cut(escape(status), SECTION_TEXT))]})
    body = reply_blocks(reply)
    room = VIEW_BLOCKS - len(blocks) - 1
    if len(body) > room:
        body = [b for g in _fit(_groups(body), room) for b in g]
        body.append({"type": "context", "elements": [mrkdwn("More loops: `/loop list`.")]})
    return {"type": "home", "blocks": blocks + body}


def _fit(groups: list[list[Block]], room: int) -> list[list[Block]]:
    kept, used = [], 0
    for group in groups:
        if used + len(group) > room:
            break
        kept.append(group)
        used += len(group)
    return kept


def update_modal(number: int, metadata: dict[str, object]) -> Block:
    """The "Add update" modal for loop #number."""
    return {
        "type": "modal",
        "callback_id": UPDATE_MODAL,
        "title": plain(f"Update #{number}", 24),
        "submit": plain("Add update"),
        "close": plain("Cancel"),
        "private_metadata": json.dumps(metadata),
        "blocks": [
            {
                "type": "input",
                "block_id": "update",
                "label": plain(f"What's new on #{number}?"),
                "element": {
                    "type": "plain_text_input",
                    "action_id": "text",
                    "multiline": True,
                    "max_length": 2000,
                },
            }
        ],
    }


def feedback_modal(
    text: str, customer: str, permalink: str | None, metadata: dict[str, object]
) -> Block:
    """The "Log customer feedback" modal, prefilled from the message."""
    customer_input: Block = {"type": "plain_text_input", "action_id": "value", "max_length": 200}
    if customer:
        customer_input["initial_value"] = customer[:200]
    text_input: Block = {
        "type": "plain_text_input",
        "action_id": "value",
        "multiline": True,
        "max_length": 3000,
    }
    if text.strip():
        text_input["initial_value"] = text[:3000]
    blocks: list[Block] = [
        {
            "type": "input",
            "block_id": "customer",
            "label": plain("Customer"),
            "element": customer_input,
        },
        {
            "type": "input",
            "block_id": "text",
            "label": plain("What did they say?"),
            "element": text_input,
        },
    ]
    if permalink:
        blocks.append({"type": "context", "elements": [mrkdwn(f"<{permalink}|Original message>")]})
    return {
        "type": "modal",
        "callback_id": FEEDBACK_MODAL,
        "title": plain("Log feedback", 24),
        "submit": plain("Log it"),
        "close": plain("Cancel"),
        "private_metadata": json.dumps(metadata),
        "blocks": blocks,
    }


TELL_MODAL = "loop_tell_modal"


def tell_modal(number: int, text: str, metadata: dict[str, object]) -> Block:
    """The "Tell the customer" dialog for loop #number, the message prefilled and editable."""
    return {
        "type": "modal",
        "callback_id": TELL_MODAL,
        "title": plain(f"Tell #{number}", 24),
        "submit": plain("Post it"),
        "close": plain("Cancel"),
        "private_metadata": json.dumps(metadata),
        "blocks": [
            {
                "type": "input",
                "block_id": "tell",
                "label": plain("What the customer reads in their channel"),
                "element": {
                    "type": "plain_text_input",
                    "action_id": "text",
                    "multiline": True,
                    "max_length": 3000,
                    "initial_value": text[:3000],
                },
            }
        ],
    }


def input_value(view: dict[str, Any], block_id: str, action_id: str = "value") -> str:
    """What the user typed in a modal's input."""
    state = view.get("state", {}).get("values", {})
    return ((state.get(block_id) or {}).get(action_id) or {}).get("value") or ""
