"""A loop moved on (done, told, snoozed, reassigned, cancelled): the other briefs that list it
are redrawn, its line saying so and without buttons, the other loops' lines as they are now."""

from __future__ import annotations

from bot.core.loops import DONE, OPEN, state_label
from bot.core.policy import TELL
from bot.core.ports import MessageRef
from bot.core.replies import Reply, Section
from handlers.common import enter
from handlers.context import Caller, Deps
from handlers.nudges import brief, nudge_reply
from storage.due_loops import HistorySummary


def moved_on(
    deps: Deps, caller: Caller, number: int, shown_in: MessageRef | None
) -> list[tuple[MessageRef, Reply]]:
    """The briefs (other than `shown_in`, already updated where the click was) that list loop
    #number, each redrawn as it should look now."""
    with deps.uow() as uow:
        scope = enter(uow, deps, caller)
        ws = scope.workspace.id
        acted = uow.loops.by_number(ws, number)  # type: ignore[arg-type]
        if acted is None:
            return []
        out = []
        for channel, ts in uow.nudges.messages_showing(acted.id):  # type: ignore[arg-type]
            if shown_in is not None and (channel, ts) == (shown_in.channel, shown_in.ts):
                continue
            carried = uow.nudges.in_message(ws, channel, ts)  # type: ignore[arg-type]
            if len(carried) < 2:
                continue  # a single nudge: its loop's own card, updated where it was clicked
            lines = []
            for loop_id, kind in carried:
                loop = uow.loops.get(loop_id)
                if loop is None:
                    continue
                customer = uow.customers.get(loop.customer_id)
                name = customer.name if customer else "?"
                still = loop.state == (DONE if kind == TELL else OPEN) and loop.id != acted.id
                if still:
                    lines.append(nudge_reply(kind, loop, name, scope.zone, scope.now,
                                             HistorySummary({}, None)))  # fmt: skip
                else:
                    now_is = state_label(loop.state, False)
                    line = Section(f"#{loop.number} {name} — {loop.what}")
                    lines.append(Reply(f"✅ Moved on: {now_is}", sections=[line], ephemeral=False))
            out.append((MessageRef(channel, ts), brief(lines, escalation=kind == "escalation")))
        uow.commit()
    return out
