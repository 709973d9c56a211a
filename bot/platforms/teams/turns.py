"""One authenticated activity: translate it, call one handler, send back its Reply.

Messages (1:1, or @mentioning the bot) carry /loop commands or feedback to capture; card buttons
come back as messages with a `value`; the message extension arrives as `invoke` activities whose
answer is the HTTP response itself.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any

from microsoft_agents.activity import Activity, ActivityTypes

from bot.core import grammar
from bot.core.errors import UserError
from bot.core.ports import MessageRef, RateLimited
from bot.core.replies import Reply, error_reply
from bot.platforms.teams import cards, inbound, people
from bot.platforms.teams.auth import TeamsCallFailed
from bot.platforms.teams.connector import Connector
from bot.platforms.teams.delivery import TeamsDelivery
from bot.platforms.teams.inbound import Arrival
from handlers import capture, commands, loops, telling
from handlers.capture import ChatMessage
from handlers.context import Deps

log = logging.getLogger(__name__)
LOOP_ACTIONS = ("done", "told", "snooze", "reassign", "update", "cancel")
SOURCE = "teams"
FEEDBACK_COMMAND = "logFeedback"
SORRY = Reply(
    "Something went wrong on my side; nothing was lost. Try again in a moment.", error=True
)


@dataclass
class Answer:
    """What goes back in the HTTP response (only invokes carry a body)."""

    status: int = 200
    body: dict[str, Any] | None = field(default=None)


class TeamsBot:
    def __init__(self, deps: Deps) -> None:
        self.deps = deps
        self.connector = Connector(deps.settings)
        self.delivery = TeamsDelivery(deps, self.connector)

    async def handle(self, activity: Activity) -> Answer:
        arrival = inbound.read(activity)
        if not arrival.tenant or not arrival.user:
            log.info("Teams %s activity without tenant or user: ignored", activity.type)
            return Answer()
        only = self.deps.settings.teams_tenant_id
        if only and arrival.tenant != only:  # a single-tenant bot serves its own tenant only
            log.info("Teams activity from tenant %s refused (TEAMS_TENANT_ID)", arrival.tenant)
            return Answer(status=403, body={"error": "this bot serves one tenant"})
        await self._remember(arrival)
        kind = activity.type
        if kind == ActivityTypes.invoke:
            return await self.on_invoke(arrival)
        try:
            if kind == ActivityTypes.message:
                if isinstance(activity.value, dict) and not (activity.text or "").strip():
                    await self.on_click(arrival, activity.value)
                else:
                    await self.on_message(arrival)
            elif kind == ActivityTypes.conversation_update:
                await self.on_members_added(arrival)
            elif kind in (ActivityTypes.message_update, ActivityTypes.message_delete):
                await self.on_edit(arrival)
        except Exception:  # noqa: BLE001 - one bad turn must not take the endpoint down
            log.exception("Teams %s activity %s failed", kind, activity.id)
            await self._safely_answer(arrival, SORRY)
        return Answer()

    async def _remember(self, arrival: Arrival) -> None:
        activity = arrival.activity
        await asyncio.to_thread(
            people.remember,
            self.deps,
            arrival.tenant,
            arrival.user,
            name=activity.from_property.name if activity.from_property else None,
            tz=arrival.tz,
            serviceUrl=arrival.service_url,
            tenantId=arrival.tenant,
            userId=activity.from_property.id if activity.from_property else None,
            botId=activity.recipient.id if activity.recipient else None,
            conversationId=arrival.bot_chat,
        )

    # --- messages -------------------------------------------------------------------------

    async def on_message(self, arrival: Arrival) -> None:
        activity = arrival.activity
        said = inbound.words(activity)
        if arrival.personal or not said or inbound.is_command(said):
            if not await self._first_time(arrival, f"teams:{activity.id}"):
                return
            text = inbound.words(activity, await self._people(arrival))
            reply = await asyncio.to_thread(commands.run, self.deps, arrival.caller(), text)
            await self._answer(arrival, await self._tell(arrival, reply), command=text)
            return
        message = ChatMessage(
            said,
            arrival.place,
            activity.id or "",
            inbound.permalink(arrival),
            SOURCE,
            inbound.thread_root(arrival),
            arrival.external,
        )
        captured = await asyncio.to_thread(
            capture.capture_message, self.deps, arrival.caller(), message, f"teams:{activity.id}"
        )
        # Channel replies are public: a customer's person never sees our bookkeeping.
        if captured is not None and captured.react and not message.external:
            await self._answer(arrival, captured)

    async def _people(self, arrival: Arrival) -> dict[str, str]:
        """Teams ids of the people @mentioned -> our user ids (AAD object ids), remembering each
        person's name and how to reach them."""
        found: dict[str, str] = {}
        activity = arrival.activity
        for mention in inbound.user_mentions(activity):
            account = mention.account
            ours = account.aad_object_id or (None if account.id.startswith("29:") else account.id)
            if ours is None:
                member = await self.connector.member(
                    arrival.service_url, arrival.conversation_id, account.id
                )
                ours = (member.aad_object_id if member else None) or account.id
            await asyncio.to_thread(
                people.remember,
                self.deps,
                arrival.tenant,
                ours,
                name=account.name,
                serviceUrl=arrival.service_url,
                tenantId=arrival.tenant,
                userId=account.id if account.id.startswith("29:") else None,
            )
            found[account.id] = ours
        return found

    async def on_click(self, arrival: Arrival, value: dict[str, Any]) -> None:
        """An Action.Submit button on one of our cards."""
        action = str(value.get("action") or "")
        if action == "track":  # a second click finds the loop by its source and says so
            reply = await self._run(
                capture.track_commitment, arrival, str(value.get("value") or "")
            )
            if reply is not None:
                await self._answer(arrival, reply)
            return
        if action == "page":
            await self.on_page(arrival, str(value.get("command") or ""), value.get("page"))
            return
        if action == telling.CSAT_ACTION:  # "How did we do?": only the customer's people count
            answer = str(value.get("loop") or "")
            reply = await self._run(telling.rate, arrival, answer, arrival.external)
            if reply is not None:
                await self._answer(arrival, reply)
            return
        if action == "run":  # Undo, a confirmation: the command the button names
            reply = await self._run(commands.run, arrival, str(value.get("command") or "help"))
            if reply is not None:
                await self._answer(arrival, reply)
            return
        if action == "tell" and str(value.get("loop") or "").isdigit():  # Tell the customer
            number = int(value["loop"])
            if value.get("form") != "tell":  # the button: first the text, to read and edit
                await self._tell_form(arrival, number)
                return
            words = str(value.get(f"text_{number}") or "").strip()
            reply = await self._run(telling.prepare, arrival, number, words)
            if reply is not None:
                await self._answer(arrival, await self._tell(arrival, reply))
            return
        if action not in LOOP_ACTIONS or not str(value.get("loop") or "").isdigit():
            log.info("Teams card submit without a known action: %s", sorted(value))
            return
        number = int(value["loop"])
        words = str(
            value.get(f"when_{number}") or value.get(f"text_{number}") or value.get("text") or ""
        ).strip()
        user = None
        if action == "reassign":
            picked = str(value.get(f"owner_{number}") or value.get("owner") or "").strip()
            user = await self._picked_person(arrival, picked) if picked else None
        # The click's key is kept with the change: Bot Framework's redelivery acts once.
        click = f"click:{arrival.activity.id}"
        reply = await self._run(loops.act, arrival, action, number, words, user, click)
        if reply is None:
            return
        card_id = arrival.activity.reply_to_id
        if not reply.error and card_id and value.get("card") == "one":
            await self.connector.update(
                arrival.service_url,
                arrival.conversation_id,
                card_id,
                await self.delivery.render(arrival.tenant, reply),
            )
            await self.delivery.deliver(arrival.tenant, reply.notices)
            return
        await self._answer(arrival, reply)

    async def on_page(self, arrival: Arrival, command: str, page: object) -> None:
        """Another page of a list or timeline, in place of the card showing this one."""
        if not command or not str(page).isdigit():
            return
        reply = await asyncio.to_thread(
            commands.run, self.deps, arrival.caller(), command, int(str(page))
        )
        activity = await self.delivery.render(arrival.tenant, reply, command)
        if arrival.activity.reply_to_id and not reply.error:
            await self.connector.update(
                arrival.service_url,
                arrival.conversation_id,
                arrival.activity.reply_to_id,
                activity,
            )
            return
        await self._answer(arrival, reply, command)

    async def _picked_person(self, arrival: Arrival, picked: str) -> grammar.UserRef:
        """Someone chosen in the people picker (an AAD object id) or typed as @name."""
        typed = grammar.parse_user(picked if picked.startswith(("@", "<@")) else "")
        if typed is not None:
            return typed
        member = await self.connector.member(arrival.service_url, arrival.conversation_id, picked)
        if member is not None:
            await asyncio.to_thread(
                people.remember,
                self.deps,
                arrival.tenant,
                member.aad_object_id or picked,
                name=member.name,
                serviceUrl=arrival.service_url,
                tenantId=arrival.tenant,
                userId=member.id if member.id and member.id.startswith("29:") else None,
            )
        return grammar.UserRef(id=(member.aad_object_id if member else None) or picked)

    async def on_members_added(self, arrival: Arrival) -> None:
        """The bot installed in a 1:1 chat: say hello with the help text."""
        activity = arrival.activity
        bot_id = activity.recipient.id if activity.recipient else None
        added = {m.id for m in activity.members_added or []}
        if arrival.personal and bot_id in added:
            reply = await asyncio.to_thread(commands.run, self.deps, arrival.caller(), "help")
            await self._answer(arrival, reply)

    async def on_edit(self, arrival: Arrival) -> None:
        """An edited or deleted channel message updates the feedback captured from it."""
        activity = arrival.activity
        if arrival.channel is None or not activity.id:
            return
        if activity.type == ActivityTypes.message_delete:
            await asyncio.to_thread(
                capture.message_deleted, self.deps, arrival.caller(), arrival.channel, activity.id
            )
        else:
            await asyncio.to_thread(
                capture.message_changed,
                self.deps,
                arrival.caller(),
                arrival.channel,
                activity.id,
                inbound.words(activity),
            )

    # --- the message extension ------------------------------------------------------------

    async def on_invoke(self, arrival: Arrival) -> Answer:
        name = arrival.activity.name or ""
        value = arrival.activity.value if isinstance(arrival.activity.value, dict) else {}
        if value.get("commandId") not in (None, FEEDBACK_COMMAND):
            return Answer(body={})
        try:
            if name == "composeExtension/fetchTask":
                return Answer(body=await self.feedback_dialog(arrival, value))
            if name == "composeExtension/submitAction":
                return Answer(body=await self.log_feedback(arrival, value))
        except Exception:  # noqa: BLE001 - the dialog shows the apology instead of hanging
            log.exception("Teams invoke %s failed", name)
            return Answer(body={"task": {"type": "message", "value": SORRY.text}})
        return Answer(body={})

    async def feedback_dialog(self, arrival: Arrival, value: dict[str, Any]) -> dict[str, Any]:
        """The "Log customer feedback" dialog for a message, prefilled like Slack's modal."""
        payload = value.get("messagePayload") or {}
        text = inbound.clean(str((payload.get("body") or {}).get("content") or ""))
        named = await asyncio.to_thread(capture.customers_named, self.deps, arrival.caller(), text)
        message_id = str(payload.get("id") or "")
        return cards.feedback_dialog(
            text,
            named[0] if named else "",
            inbound.permalink(arrival, message_id),
            message_id,
            arrival.place,
        )

    async def log_feedback(self, arrival: Arrival, value: dict[str, Any]) -> dict[str, Any]:
        """The dialog's submit: log it, or show the dialog again with what to fix."""
        data = value.get("data") or {}
        text = str(data.get("text") or "").strip()
        customer = str(data.get("customer") or "").strip()
        message_id = str(data.get("messageId") or "")
        # The dialog comes back from the client: the link is rebuilt, the place is where it
        # was submitted, whatever the card's data says.
        link = inbound.permalink(arrival, message_id)
        channel = arrival.place
        try:
            if not text:
                raise UserError("Say what the customer said.")
            reply = await asyncio.to_thread(
                capture.log_feedback,
                self.deps,
                arrival.caller(),
                grammar.LogFeedback(customer or None, text),
                SOURCE,
                ChatMessage(text, channel, message_id, link, SOURCE),
            )
        except UserError as exc:
            return cards.feedback_dialog(
                text, customer, link, message_id, channel, error=exc.message
            )
        return {"task": {"type": "message", "value": reply.text}}

    # --- helpers --------------------------------------------------------------------------

    async def _run(self, use_case: Any, arrival: Arrival, *args: Any) -> Reply | None:
        """Call a handler that may raise UserError; the error becomes a friendly reply."""
        try:
            return await asyncio.to_thread(use_case, self.deps, arrival.caller(), *args)
        except UserError as exc:
            return error_reply(exc.message, exc.suggestions)

    async def _tell_form(self, arrival: Arrival, number: int) -> None:
        """The Tell the customer form, starting with what would be posted (the same checks as
        a tell: who may, a linked channel, a loop still open)."""
        try:
            draft = await asyncio.to_thread(telling.draft, self.deps, arrival.caller(), number)
        except UserError as exc:
            await self._answer(arrival, error_reply(exc.message, exc.suggestions))
            return
        await self._send(arrival, cards.tell_form(number, draft))

    async def _tell(self, arrival: Arrival, reply: Reply) -> Reply:
        """`tell`: the answer posted in the customer's channel thread through the Bot
        Connector, then the loop closed; a post Teams refuses leaves the loop open."""
        if reply.to_customer is None:
            return reply

        async def run(use_case: Any, *args: Any) -> Any:
            return await asyncio.to_thread(use_case, *args)

        async def link(ref: MessageRef) -> str | None:
            return inbound.channel_permalink(arrival.tenant, ref.channel, ref.ts, post.thread)

        post = reply.to_customer
        try:
            return await telling.deliver(
                self.deps, arrival.caller(), reply, self.delivery, run, link
            )
        except (TeamsCallFailed, RateLimited) as exc:
            log.info("tell #%s: posting in %s failed: %s", post.number, post.channel, exc)
            return error_reply(
                f"I couldn't post in the customer's channel ({exc}), so #{post.number} stays "
                "open. Add me to that channel's team and try again."
            )

    async def _first_time(self, arrival: Arrival, key: str) -> bool:
        return await asyncio.to_thread(people.first_time, self.deps, arrival.tenant, key)

    async def _answer(self, arrival: Arrival, reply: Reply, command: str | None = None) -> None:
        """The reply in the conversation it answers (a thread reply in channels), then the
        notices it causes for other people."""
        await self._send(arrival, await self.delivery.render(arrival.tenant, reply, command))
        await self.delivery.deliver(arrival.tenant, reply.notices)

    async def _send(self, arrival: Arrival, activity: Activity) -> None:
        """`activity` in the conversation `arrival` came from (in channels, its thread)."""
        reply_to = None if arrival.personal else arrival.activity.id
        await self.connector.send(
            arrival.service_url, arrival.conversation_id, activity, reply_to=reply_to
        )

    async def _safely_answer(self, arrival: Arrival, reply: Reply) -> None:
        try:
            await self._answer(arrival, reply)
        except Exception:  # noqa: BLE001 - already failing; the log has the first error
            log.exception("could not tell the Teams user something went wrong")
