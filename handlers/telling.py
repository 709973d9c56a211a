"""Telling the customer where they talk: `tell <id> [message]` (and the Tell the customer
dialog) posts the answer in the customer's linked channel, in the thread the loop came from,
closes the loop as told with the post's permalink in its history, and asks "How did we do?"
there; the customer's answer (CSAT) is stored on the loop and as their feedback.

A tell takes three steps because only the platform can post: `prepare` checks and claims the
loop (one claim per loop state, so two tells never both post), the platform posts, `posted`
closes the loop. `deliver` runs the three for any platform, given its Delivery.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from bot.core import grammar
from bot.core.errors import BadInput, Conflict, NotAllowed
from bot.core.loops import CLOSED, LIVE_STATES, may_manage
from bot.core.ports import Delivery, MessageRef
from bot.core.replies import Button, CustomerPost, Notice, Reply, Section
from handlers import loops
from handlers.common import Scope, enter, find_loop
from handlers.context import Caller, Deps
from storage.models import Customer, Loop
from storage.uow import UnitOfWork

CSAT_ACTION = "csat"
CSAT_QUESTION = "How did we do?"
CSAT_KINDS = {1: "problem", 2: "problem", 3: "other", 4: "praise", 5: "praise"}
FOR_THE_CUSTOMER = "This question is for the customer: only their answer counts."

Run = Callable[..., Awaitable[Any]]  # runs a synchronous handler off the event loop


def prepare(deps: Deps, caller: Caller, number: int, text: str) -> Reply:
    """Check that loop #number may be told (who may close it, still open or done, a linked
    channel) and claim it; the reply carries what to post (`to_customer`)."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        loop, customer, channel, thread = _tellable(uow, scope, number)
        said = text.strip() or _default_text(uow, loop)
        claim = f"tell:{loop.id}:{len(uow.events.history(loop.id))}"  # type: ignore[arg-type]
        if not uow.events.first_time(scope.workspace.id, claim, scope.now):  # type: ignore[arg-type]
            raise Conflict(f"#{number} is being told already.")
        uow.commit()
    post = CustomerPost(number, channel, said, thread, claim)
    return Reply(f"Telling {customer.name} about #{number}…", to_customer=post)


def draft(deps: Deps, caller: Caller, number: int) -> str:
    """What the Tell the customer dialog starts with (the same checks as a tell first)."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        loop, _customer, _channel, _thread = _tellable(uow, scope, number)
        said = _default_text(uow, loop)
        uow.commit()
    return said


def _tellable(uow: UnitOfWork, scope: Scope, number: int) -> tuple[Loop, Customer, str, str | None]:
    """Loop #number, its customer and where to tell them; refused with the reason."""
    loop = find_loop(uow, scope.workspace.id, number)  # type: ignore[arg-type]
    customer = uow.customers.get(loop.customer_id)
    assert customer is not None
    if not may_manage(scope.actor, loop.owner, customer.owner):
        raise NotAllowed(
            f"Only #{number}'s owner (<@{loop.owner}>), {customer.name}'s account owner or an "
            "admin can tell the customer and close it."
        )
    if loop.state not in LIVE_STATES:
        raise Conflict(f"#{number} is {loop.state} already; `reopen {number}` first.")
    links = uow.channel_links.for_customer(scope.workspace.id, customer.id)  # type: ignore[arg-type]
    if not links:
        raise BadInput(
            f"{customer.name} has no linked channel, so there is nowhere to post. Link theirs "
            f"with `channel link {customer.name}` in it, or if you told them another way: "
            f"`told {number} how`."
        )
    channel, thread = _where(uow, loop, [link.channel for link in links])
    return loop, customer, channel, thread


def _where(uow: UnitOfWork, loop: Loop, channels: list[str]) -> tuple[str, str | None]:
    """The linked channel to post in and the thread: the one the loop came from, when it came
    from a message in one of the customer's channels."""
    if loop.reply_channel in channels:
        return loop.reply_channel, loop.reply_ts  # type: ignore[return-value]
    said = uow.feedback.get(loop.feedback_id) if loop.feedback_id else None
    if said is not None and said.channel in channels and said.message_ts:
        return said.channel, said.message_ts
    return channels[0], None


def _default_text(uow: UnitOfWork, loop: Loop) -> str:
    """The loop's what and its done note."""
    notes = [e.note for e in uow.events.history(loop.id) if e.kind == "done" and e.note]  # type: ignore[arg-type]
    what = loop.what.removeprefix("Reply to ")
    return f"{what} — {notes[-1]}" if notes else what


def posted(
    deps: Deps, caller: Caller, post: CustomerPost, ref: MessageRef, permalink: str | None
) -> Reply:
    """The answer is in the customer's channel: close the loop as told (its history names the
    post) and, unless `settings csat off`, ask "How did we do?" in that thread."""
    note = f"told in their channel: {permalink or ref.channel}"
    reply = loops.act(deps, caller, "told", post.number, note, click_key=f"{post.claim}:told")
    if reply is None:  # this post was recorded already
        return Reply(f"#{post.number} was told already.")
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        loop = find_loop(uow, scope.workspace.id, post.number)  # type: ignore[arg-type]
        loop.told_channel, loop.told_ts = post.channel, ref.ts
        uow.loops.save(loop)
        ask = uow.settings.get(scope.workspace.id, "csat", "on") != "off"  # type: ignore[arg-type]
        uow.commit()
    if ask:
        question = Notice(csat_question(post.number), to_channel=post.channel)
        question.thread = post.thread or ref.ts
        reply.notices.append(question)
    reply.footer = f"Posted: {permalink}" if permalink else reply.footer
    return reply


def csat_question(number: int) -> Reply:
    """ "How did we do?" with five buttons, for the customer in the thread of loop #number."""
    buttons = [Button(str(n), CSAT_ACTION, f"{number}|{n}") for n in range(1, 6)]
    section = Section("Pick a number: 5 is best.", buttons=buttons)
    return Reply(CSAT_QUESTION, sections=[section], ephemeral=False)


def release(deps: Deps, caller: Caller, post: CustomerPost) -> None:
    """The post failed: another tell may try again."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        uow.events.forget(scope.workspace.id, post.claim)  # type: ignore[arg-type]
        uow.commit()


async def deliver(
    deps: Deps,
    caller: Caller,
    reply: Reply,
    delivery: Delivery,
    run: Run,
    permalink: Callable[[MessageRef], Awaitable[str | None]],
) -> Reply:
    """Post a prepared tell (`reply.to_customer`) through the platform's delivery, then close
    the loop; a failed post frees the loop for another try and says so."""
    post = reply.to_customer
    if post is None:
        return reply
    thread = MessageRef(post.channel, post.thread) if post.thread else None
    try:
        ref = await delivery.post(
            caller.workspace, post.channel, Reply(post.text, ephemeral=False), thread
        )
    except Exception:
        await run(release, deps, caller, post)
        raise
    return await run(posted, deps, caller, post, ref, await permalink(ref))


def rate(deps: Deps, caller: Caller, value: str, external: bool) -> Reply:
    """A click on "How did we do?": the first answer per loop from a person outside the
    workspace counts; it is stored on the loop and as the customer's feedback."""
    try:
        number_text, score_text = value.split("|", 1)
        number, score = int(number_text), int(score_text)
    except ValueError:
        raise BadInput("That button is out of date.") from None
    if score not in CSAT_KINDS:
        raise BadInput("That button is out of date.")
    if not external:
        raise NotAllowed(FOR_THE_CUSTOMER)
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ws = scope.workspace.id
        loop = find_loop(uow, ws, number)  # type: ignore[arg-type]
        if loop.state != CLOSED or loop.told_ts is None:
            raise BadInput("That question is closed.")
        if not uow.loops.answer_csat(loop.id, score, caller.user, scope.now):  # type: ignore[arg-type]
            uow.rollback()
            return Reply("Thanks, we have an answer for this one already.")
        uow.feedback.add(
            workspace_id=ws,
            customer_id=loop.customer_id,
            text=f"Rated our answer on #{number} {score}/5: {loop.what}",
            kind=CSAT_KINDS[score],
            sentiment=round((score - 3) / 2, 2),
            source="csat",
            author=caller.user,
            channel=loop.told_channel,
            message_ts=f"csat:{loop.told_ts}",
            created_at=scope.now,
        )
        uow.commit()
    return Reply(f"Thank you! You gave us {score} out of 5.")


def tell_command(deps: Deps, caller: Caller, command: grammar.Tell) -> Reply:
    """`tell <id> [message]`: the checks and the claim; the platform posts (see deliver)."""
    return prepare(deps, caller, command.number, command.text)
