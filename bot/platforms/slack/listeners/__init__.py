"""Every Slack listener, registered in this one place (HTTP and Socket Mode share them).

Each listener is a named function whose first argument is the process's SlackParts, bound here;
Bolt passes the rest (body, event, ack, context...) by name.
"""

from __future__ import annotations

import re
from functools import partial

from slack_bolt.async_app import AsyncApp

from bot.platforms.slack import telling
from bot.platforms.slack.blocks import (
    FEEDBACK_MODAL,
    PAGE_ACTION,
    PICK_ACTION,
    RUN_ACTION,
    TELL_MODAL,
    UPDATE_MODAL,
)
from bot.platforms.slack.inbound import scope_org_wide_events
from bot.platforms.slack.listeners import (
    actions,
    channel_events,
    commands,
    events,
    picks,
    shortcuts,
    workflows,
)
from bot.platforms.slack.parts import SlackParts


def register(app: AsyncApp, slack: SlackParts) -> None:
    """Bind every listener to `app`, each given `slack` first."""
    app.use(scope_org_wide_events)
    app.event("message")(partial(events.on_message, slack))
    app.event("app_mention")(partial(events.on_mention, slack))
    app.event("reaction_added")(partial(events.on_reaction, slack))
    app.event("app_home_opened")(partial(events.on_home, slack))
    app.command(slack.deps.settings.command)(partial(commands.on_command, slack))
    app.action(re.compile(f"^{PAGE_ACTION}_"))(partial(commands.on_button, slack))
    app.action(RUN_ACTION)(partial(commands.on_button, slack))
    app.action(PICK_ACTION)(partial(commands.on_button, slack))
    app.event("member_joined_channel")(partial(channel_events.on_member_joined, slack))
    app.event("channel_shared")(partial(channel_events.on_channel_shared, slack))
    app.action(actions.LOOP_ACTIONS)(partial(actions.on_loop_action, slack))
    app.action("loop_update")(partial(actions.on_update_button, slack))
    app.view(UPDATE_MODAL)(partial(actions.on_update_submitted, slack))
    app.action("loop_track")(partial(actions.on_track, slack))
    app.action("loop_csat")(partial(actions.on_csat, slack))
    app.action("loop_tell")(partial(telling.on_tell_button, slack))
    app.view(TELL_MODAL)(partial(telling.on_tell_submitted, slack))
    app.action(re.compile(f"^{picks.PICK}(_search)?$"))(partial(picks.on_pick, slack))
    app.options(f"{picks.PICK}_search")(partial(picks.on_pick_search, slack))
    app.shortcut(shortcuts.SHORTCUT)(partial(shortcuts.on_shortcut, slack))
    app.view(FEEDBACK_MODAL)(partial(shortcuts.on_submitted, slack))
    app.function(workflows.TRACK_STEP, middleware=[workflows.function_token(slack)])(
        partial(workflows.on_track_step, slack)
    )
