"""The console platform: chat with Loopkeeper in a terminal or through a pipe.

Plain lines are channel messages (customers named in them are captured); `/loop …` lines are
commands; buttons are shown as numbered choices — type the number to press one.
"""

from __future__ import annotations

import asyncio
import logging
import re
import shutil
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TextIO

from rich.console import Console

from bot.core import grammar
from bot.core.errors import UserError
from bot.core.invisible import visible
from bot.core.ports import Delivery, MessageRef
from bot.core.replies import Button, Reply, Section, error_reply
from bot.platforms.terminal import print_table
from handlers import capture, commands, customer_channels, loops, settings, telling
from handlers.context import Caller, Deps

log = logging.getLogger(__name__)
WORKSPACE = "console"
_MENTION = re.compile(r"<([@#])([^>|]+)(?:\|[^>]*)?>")


def plain_mentions(text: str) -> str:
    """`<@alice>` as `@alice` and `<#general>` as `#general`: how the console names people and
    channels; no invisible controls."""
    return visible(_MENTION.sub(lambda m: m.group(1) + m.group(2), text))


def render(
    reply: Reply, out: TextIO, number_of: Callable[[Section, Button], int] | None = None
) -> list[Button]:
    """Print a reply as plain text; return its buttons in the order they were numbered.
    `number_of` gives each button its number (default: 1, 2, 3… in order)."""
    buttons: list[Button] = []
    mark = "⚠️  " if reply.error else ""
    out.write(plain_mentions(mark + reply.text) + "\n")
    for section in reply.sections:
        out.write("  " + plain_mentions(section.text) + "\n")
        if section.fields:
            out.write(
                "    "
                + " · ".join(f"{f.label}: {plain_mentions(f.value)}" for f in section.fields)
                + "\n"
            )
        choices = (
            [
                *section.buttons,
                *(Button(label, "run", run) for label, run in section.picker.choices[:100]),
            ]
            if section.picker
            else section.buttons
        )
        if choices:
            labels = []
            for button in choices:
                buttons.append(button)
                number = number_of(section, button) if number_of else len(buttons)
                labels.append(f"[{number}] {button.label}")
            out.write("    " + "  ".join(labels) + "\n")
    if reply.table is not None:
        width = min(shutil.get_terminal_size((80, 24)).columns, 120)  # 80 in a pipe
        console = Console(file=out, width=width, color_system=None, force_terminal=False)
        for row in reply.table.rows:
            for key, value in row.items():
                if isinstance(value, str):
                    row[key] = plain_mentions(value)
        print_table(reply.table, console)
    for attachment in reply.attachments:
        out.write(
            f"  📎 {attachment.filename} ({len(attachment.content)} bytes): {attachment.title}\n"
        )
        if attachment.mime.startswith("text/") or attachment.filename.endswith(".csv"):
            out.write(attachment.content.decode("utf-8", "replace"))
    if reply.footer:
        out.write(plain_mentions(reply.footer) + "\n")
    return buttons


class ConsoleDelivery:
    """DMs and channel posts printed to the terminal (and counted, for `sweep`)."""

    platform = "console"

    def __init__(self, out: TextIO | None = None) -> None:
        import sys

        self.out = out or sys.stdout
        self.sent = 0

    def _print(self, heading: str, reply: Reply) -> MessageRef:
        self.sent += 1
        self.out.write(f"— {heading} —\n")
        render(reply, self.out)
        return MessageRef(heading, str(self.sent))

    async def send_dm(
        self, workspace: str, user: str, reply: Reply, thread: MessageRef | None = None
    ) -> MessageRef:
        return self._print(f"DM to @{user}", reply)

    async def post(
        self, workspace: str, channel: str, reply: Reply, thread: MessageRef | None = None
    ) -> MessageRef:
        return self._print(f"#{channel}", reply)

    async def update(self, workspace: str, ref: MessageRef, reply: Reply) -> None:
        self._print(f"{ref.channel} (updated)", reply)

    async def upload(
        self,
        workspace: str,
        channel: str,
        filename: str,
        content: bytes,
        title: str,
        thread: MessageRef | None = None,
    ) -> None:
        self.out.write(f"— #{channel} — 📎 {filename} ({len(content)} bytes): {title}\n")

    async def user_timezone(self, workspace: str, user: str) -> str | None:
        return None


_CARD = re.compile(r"#(\d+) ")  # a loop's card starts with its number
# `guest jane: …` speaks as jane, a customer's person (`guest jane: 14`, where [14] is a "How did
# we do?" button, is jane's answer to it); `thread #3: …` answers in the thread of the
# customer's message reply loop #3 waits on.
_GUEST = re.compile(r"guest\s+([\w.@-]{1,64})\s*:\s*(\S.*)", re.IGNORECASE | re.DOTALL)
_THREAD = re.compile(r"thread\s+#?(\d{1,9})\s*:\s*(\S.*)", re.IGNORECASE | re.DOTALL)


@dataclass
class Choices:
    """The numbered buttons of one chat. A button keeps its number while its card is shown;
    when the card is shown again without it (Done pressed), its number goes stale: typed
    again, it says what it was and does nothing. Numbers are never given out twice."""

    numbers: dict[tuple[str, str], int] = field(default_factory=dict)
    offered: dict[int, Button] = field(default_factory=dict)
    given: dict[int, Button] = field(default_factory=dict)
    card_of: dict[int, str] = field(default_factory=dict)

    def number(self, section: Section, button: Button) -> int:
        key = (button.action, button.value)
        number = self.numbers.get(key)
        if number is None or number not in self.offered:
            number = len(self.given) + 1
            self.numbers[key] = number
        self.offered[number] = self.given[number] = button
        card = _CARD.match(section.text)
        if card:
            self.card_of[number] = card.group(1)
        return number

    def shown(self, reply: Reply) -> None:
        """A card shown again drops the buttons it no longer has."""
        for section in reply.sections:
            card = _CARD.match(section.text)
            if card is None:
                continue
            kept = {(b.action, b.value) for b in section.buttons}
            for number, button in list(self.offered.items()):
                if self.card_of.get(number) == card.group(1):
                    if (button.action, button.value) not in kept:
                        del self.offered[number]

    def peek(self, number: int) -> Button | None:
        """The button shown as `number`, if it is still offered (not pressed)."""
        return self.offered.get(number)

    def take(self, number: int) -> Button | str | None:
        """The button to press, why not (a stale number), or None when it was never given."""
        if number in self.offered:
            button = self.offered[number]
            if button.action in ONE_SHOT:
                del self.offered[number]
            return button
        if number in self.given:
            was = self.given[number]
            return f"[{number}] was “{was.label}”{_about(was)}; it is no longer offered, so "
        return None


ONE_SHOT = ("run", "track")  # an undo, a confirmation, a track: pressed once


def _about(button: Button) -> str:
    return f" on #{button.value}" if button.value.isdigit() else ""


@dataclass
class ConsoleSession:
    """One person chatting: remembers the choices shown so a number presses a button."""

    deps: Deps
    caller: Caller
    out: TextIO
    ask: Callable[[str], str | None]
    choices: Choices = field(default_factory=Choices)
    counter: int = 0

    def handle(self, line: str) -> None:
        line = line.strip()
        if not line:
            return
        try:
            reply = self._reply_to(line)
        except UserError as exc:
            reply = error_reply(exc.message, exc.suggestions)
        except Exception:  # noqa: BLE001 - a bug must not end the chat or lose data
            log.exception("console line failed: %r", line)
            reply = error_reply("Something went wrong on my side; nothing was lost.")
        if reply is not None and reply.to_customer is not None:
            reply = asyncio.run(self.tell(reply))
        if reply is not None:
            self.show(reply)

    async def tell(self, reply: Reply) -> Reply:
        """`tell`: the answer is printed as a post in the customer's channel."""

        async def run(use_case: Callable[..., object], *args: object) -> object:
            return use_case(*args)

        async def link(ref: MessageRef) -> str:
            return f"console://{ref.channel.lstrip('#')}/{ref.ts}"

        delivery = ConsoleDelivery(self.out)
        return await telling.deliver(self.deps, self.caller, reply, delivery, run, link)

    def show(self, reply: Reply) -> None:
        self.choices.shown(reply)
        render(reply, self.out, self.choices.number)
        for notice in reply.notices:
            where = f"DM to @{notice.to_user}" if notice.to_user else f"#{notice.to_channel}"
            where += " (in the thread)" if notice.thread else ""
            self.out.write(f"— {where} —\n")
            # a question posted in a thread (CSAT) can be answered here: its numbers are live
            render(notice.reply, self.out, self.choices.number if notice.thread else None)

    def _reply_to(self, line: str) -> Reply | None:
        command = self.deps.settings.command
        if line.startswith("/"):
            if line.split()[0] not in (command, "/loop"):
                return error_reply(f"Commands start with {command}; try `{command} help`.")
            return commands.run(self.deps, self.caller, line)
        if line.isdigit():
            taken = self.choices.take(int(line))
            if isinstance(taken, Button):
                return self.press(taken)
            if taken is not None:
                return error_reply(taken + "nothing was done. Type a number shown last.")
        if grammar.command_text(line, command) is not None:  # `loop list` or a bare `list`
            return commands.run(self.deps, self.caller, line)
        if guest := _GUEST.fullmatch(line):  # a customer's person, in a linked channel
            speaker = replace(self.caller, user=guest.group(1), user_name=guest.group(1))
            said = guest.group(2).strip()
            rating = self.choices.peek(int(said)) if said.isdigit() and len(said) < 10 else None
            if rating is not None and rating.action == telling.CSAT_ACTION:
                return telling.rate(self.deps, speaker, rating.value, external=True)
            return self.say(said, speaker, external=True)
        if answer := _THREAD.fullmatch(line):  # our reply in a customer's thread
            thread = customer_channels.thread_of(self.deps, self.caller, int(answer.group(1)))
            return self.say(answer.group(2), thread_ts=thread)
        return self.say(line)

    def say(
        self,
        text: str,
        speaker: Caller | None = None,
        external: bool = False,
        thread_ts: str | None = None,
    ) -> Reply | None:
        """A plain line: a channel message that may name customers (`speaker`: someone else
        than you, `external` when outside the workspace; `thread_ts`: a reply in that thread)."""
        self.counter += 1
        stamp = f"{self.deps.clock.now().timestamp():.6f}.{self.counter}"
        message = capture.ChatMessage(
            text=text,
            channel=self.caller.channel or "general",
            message_ts=stamp,
            permalink=f"console://#{self.caller.channel}/{stamp}",
            source="console",
            thread_ts=thread_ts,
            external=external,
        )
        return capture.capture_message(self.deps, speaker or self.caller, message)

    def press(self, button: Button) -> Reply | None:
        """A numbered choice: the same use case a Slack or Teams button runs."""
        if button.action == "track":
            return capture.track_commitment(self.deps, self.caller, button.value)
        if button.action == "run":
            return commands.run(self.deps, self.caller, button.value)
        if button.action == "tell":
            number = int(button.value)
            text = self._asked(f"Tell #{number}: what should the customer read? (empty: the loop "
                               "and its done note)")  # fmt: skip
            return telling.prepare(self.deps, self.caller, number, text)
        if button.action == telling.CSAT_ACTION:  # the console speaks as one of our people
            return telling.rate(self.deps, self.caller, button.value, external=False)
        number = int(button.value)
        if button.action == "snooze":
            when = self._asked(f"Snooze #{number} until when? (e.g. 2h, tomorrow 9am, Friday) ")
            if not when:
                return Reply(f"#{number} not snoozed: no time given.")
            return loops.act(self.deps, self.caller, "snooze", number, when)
        if button.action == "reassign":
            who = self._asked(f"Reassign #{number} to whom? @")
            if not who:
                return Reply(f"#{number} not reassigned: nobody named.")
            user = grammar.parse_user(who) or grammar.UserRef(name=who.lstrip("@"))
            return loops.act(self.deps, self.caller, "reassign", number, user=user)
        if button.action == "update":
            text = self._asked(f"Update for #{number}? ")
            if not text:
                return Reply(f"No update added to #{number}.")
            return loops.act(self.deps, self.caller, "update", number, text)
        return loops.act(self.deps, self.caller, button.action, number)

    def _asked(self, question: str) -> str:
        """The question is always printed (a pipe too), so the answer's line makes sense."""
        self.out.write(question + "\n")
        return (self.ask("") or "").strip()


# What the console calls between lines to print nudges that fell due (the wiring's sweeper).
Sweep = Callable[[Deps, dict[str, Delivery]], Awaitable[object]]


def run_console(
    deps: Deps, name: str, channel: str, stdin: TextIO, stdout: TextIO, sweep: Sweep | None = None
) -> int:
    """Read lines until end of input; returns the exit code (0). `sweep`, when given, runs
    between lines so nudges that fall due while you chat are printed."""
    interactive = stdin.isatty()
    caller = Caller(
        platform="console",
        workspace=WORKSPACE,
        user=name,
        user_name=name,
        channel=channel,
        workspace_name="Console",
    )

    def ask(prompt: str) -> str | None:
        if interactive:
            stdout.write(prompt)
            stdout.flush()
        line = stdin.readline()
        return line.strip() if line else None

    session = ConsoleSession(deps, caller, stdout, ask)
    if settings.claim_console_admin(deps, caller):
        stdout.write(
            f"You (@{name}) are the admin of this local workspace, the first to use it: "
            f"`{deps.settings.command} settings` is yours to try.\n"
        )
    if interactive:
        stdout.write(
            f"Loopkeeper console — you are @{name} in #{channel}. Plain lines are channel "
            f"messages; `{deps.settings.command} help` lists commands; Ctrl-D quits.\n"
        )
    delivery = ConsoleDelivery(stdout)
    last_sweep: datetime | None = None
    try:
        while True:
            if interactive:
                stdout.write("> ")
                stdout.flush()
            line = stdin.readline()
            if not line:
                break
            session.handle(line)
            if sweep is not None:
                last_sweep = _maybe_sweep(deps, sweep, delivery, last_sweep)
            stdout.flush()
    except KeyboardInterrupt:
        stdout.write("\n")
    if interactive:
        stdout.write("Bye.\n")
    return 0


def _maybe_sweep(
    deps: Deps, sweep: Sweep, delivery: ConsoleDelivery, last: datetime | None
) -> datetime:
    """Nudges that fall due while you chat are printed, at most once per sweep interval."""
    now = deps.clock.now()
    if last is not None and (now - last).total_seconds() < deps.settings.sweep_seconds:
        return last
    try:
        asyncio.run(sweep(deps, {"console": delivery}))
    except Exception:  # noqa: BLE001 - a failed sweep must not end the chat
        log.exception("console sweep failed")
    return now
