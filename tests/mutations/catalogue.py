"""The breakages the tests must catch: each a few exact text edits and the tests that fail.

When code moves, retarget the entry (path, old text) rather than dropping it; `python -m
tests.mutations` stops with STALE when an old text is no longer found exactly once. Keep each
entry's test selection small: CI runs them all (see .ci/run).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    path: str
    old: str
    new: str


@dataclass(frozen=True)
class Mutation:
    name: str
    breakage: str
    edits: tuple[Edit, ...]
    caught_by: tuple[str, ...]


MIGRATION = "storage/migrations/versions/0001_initial_tables.py"
SWEEP_KILL = (
    "tests/proof/test_faults_sweep.py::test_sigkill_mid_sweep_then_resume_sends_every_nudge_once"
)

MUTATIONS = [
    Mutation(
        "replicas-look-then-insert",
        "unique keys on processed events and captured messages dropped, a look-then-insert "
        "deciding which events are new",
        (
            Edit(
                MIGRATION,
                '        sa.UniqueConstraint("workspace_id", "key", name="uq_processed_key"),\n',
                "",
            ),
            Edit(
                MIGRATION,
                "        sa.UniqueConstraint(\n"
                '            "workspace_id", "channel", "message_ts", "customer_id", '
                'name="uq_feedback_message"\n'
                "        ),\n",
                "",
            ),
            Edit(
                "storage/repos.py",
                "        if not rows:\n            return set()\n"
                "        return {key for (key,) in insert_ignore_many(self.session, "
                'ProcessedEvent, rows, ("key",))}',
                "        seen = set(self.session.execute(sa.select(ProcessedEvent.key).where("
                "ProcessedEvent.workspace_id == workspace_id)).scalars())\n"
                '        rows = [r for r in rows if r["key"] not in seen]\n'
                "        if rows:\n"
                "            self.session.execute(sa.insert(ProcessedEvent), rows)\n"
                '        return {r["key"] for r in rows}',
            ),
        ),
        (
            "tests/proof/test_faults_replicas.py::test_two_replicas_receiving_the_same_events_store_each_once",
        ),
    ),
    Mutation(
        "serve-ack-first-store-later",
        "the fast path answers 200 before the message is stored (stored half a second later)",
        (
            Edit(
                "bot/platforms/slack/channel_messages.py",
                "            await captured(self.slack, payload, event, team, "
                'from_slack(event.get("text") or ""))',
                "            store = captured(self.slack, payload, event, team, "
                'from_slack(event.get("text") or ""))\n'
                "            __import__('asyncio').get_running_loop().call_later(\n"
                "                0.5, __import__('asyncio').ensure_future, store\n"
                "            )",
            ),
        ),
        (
            "tests/proof/test_faults_serve.py::"
            "test_sigkill_mid_burst_then_slack_retries_store_every_event_once[sqlite]",
        ),
    ),
    Mutation(
        "find-sent-without-metadata",
        "a resumed sweep reads Slack's history without include_all_metadata (Slack then "
        "leaves the metadata out, so the key of a nudge in flight is never found)",
        (
            Edit(
                "bot/platforms/slack/delivery.py", '            "include_all_metadata": True,\n', ""
            ),
        ),
        (
            f"{SWEEP_KILL}[sqlite]",
            "tests/followups/test_slack.py::"
            "test_a_sweep_killed_mid_way_is_finished_by_the_next_with_nothing_lost_or_doubled"
            "[sqlite]",
        ),
    ),
    Mutation(
        "sweep-lease-too-short",
        "a claimed slot is leased for 30 s instead of 5 minutes: a sweep a minute after a "
        "crash takes over slots that may still be on their way",
        (
            Edit(
                "bot/wiring/sweeper.py",
                "LEASE = timedelta(minutes=5)",
                "LEASE = timedelta(seconds=30)",
            ),
        ),
        (f"{SWEEP_KILL}[sqlite]",),
    ),
    Mutation(
        "servers-sweep-for-no-platform",
        "serve and socket start their scheduler with no delivery (chat_deliveries returns {})",
        (
            Edit(
                "bot/wiring/bootstrap.py",
                "    return {name: d for name, d in deliveries_for(deps, slack).items() "
                'if name != "console"}',
                "    return {}",
            ),
        ),
        (
            "tests/followups/test_servers.py::"
            "test_serve_with_its_scheduler_nudges_owners_on_slack_and_on_teams",
            "tests/followups/test_servers.py::test_socket_mode_with_its_scheduler_nudges_owners_on_slack",
        ),
    ),
    Mutation(
        "teams-manifest-wrong-type",
        "the Teams package declares supportsFiles as a string (Teams refuses the upload)",
        (
            Edit(
                "bot/platforms/teams/package.py",
                '"supportsFiles": False,',
                '"supportsFiles": "no",',
            ),
        ),
        ("tests/platforms/teams/test_package.py::test_the_package_has_a_manifest_and_both_icons",),
    ),
    Mutation(
        "slack-ref-not-the-stored-message",
        "send_dm hands back a MessageRef whose ts is not the message Slack stored",
        (
            Edit(
                "bot/platforms/slack/delivery.py",
                'first = first or MessageRef(sent["channel"], sent["ts"])',
                'first = first or MessageRef(sent["channel"], sent["ts"] + "1")',
            ),
        ),
        (
            "tests/platforms/slack/test_delivery.py::"
            "test_send_dm_opens_the_conversation_and_posts_blocks",
        ),
    ),
    Mutation(
        "track-button-loses-the-message",
        "the Track this commitment button no longer names the message it came from",
        (
            Edit(
                "handlers/capture.py",
                'f"|{message.channel}|{message.message_ts}"',
                'f"|{message.channel}|"',
            ),
        ),
        (
            "tests/handlers/test_capture_burst.py::"
            "test_a_burst_stores_each_message_once_and_answers_each",
        ),
    ),
    Mutation(
        "ack-waits-for-the-database",
        "Slack's ack waits for the database however slow it is (no ack budget)",
        (
            Edit(
                "bot/platforms/slack/ack_budget.py",
                "done, _ = await asyncio.wait({task}, timeout=self.budget)",
                "done, _ = await asyncio.wait({task}, timeout=None)",
            ),
        ),
        (
            "tests/platforms/slack/test_resilience.py::"
            "test_a_slow_database_still_gets_an_ack_and_the_work_finishes",
        ),
    ),
    Mutation(
        "uninstalled-workspace-still-served",
        "app_uninstalled deletes the tokens but leaves the workspace marked installed",
        (
            Edit(
                "bot/platforms/slack/oauth.py",
                "        await self._stopped(team, context.enterprise_id)\n\n"
                "    async def _on_tokens",
                "\n    async def _on_tokens",
            ),
        ),
        (
            "tests/platforms/slack/test_oauth_workspaces.py::"
            "test_uninstall_removes_the_tokens_and_stops_every_post_but_keeps_the_data",
        ),
    ),
    Mutation(
        "org-event-filed-under-the-org",
        "an org-wide event naming no workspace is captured under the org's id",
        (
            Edit(
                "bot/platforms/slack/channel_messages.py",
                "        return None  # an org-wide event naming no workspace: Bolt's middleware",
                "        pass  # an org-wide event naming no workspace: Bolt's middleware",
            ),
        ),
        (
            "tests/platforms/slack/test_oauth_workspaces.py::"
            "test_an_org_wide_event_naming_no_workspace_is_asked_about_or_left_alone",
        ),
    ),
    Mutation(
        "workflow-run-not-keyed",
        "the workflow step's loop is not keyed on the run, so a redelivered run makes another",
        (
            Edit(
                "handlers/workflow_steps.py",
                "    promised = [Promised(customer.id, source_key=key)]",
                "    promised = [Promised(customer.id)]",
            ),
        ),
        (
            "tests/platforms/slack/test_workflow_step.py::"
            "test_a_run_delivered_again_stays_one_loop_and_completes_with_the_same_number[sqlite]",
        ),
    ),
    Mutation(
        "workflow-step-completed-past-our-web-api",
        "the workflow step's complete() is Bolt's own, which neither waits out a 429 nor shares "
        "our connection pool",
        (
            Edit(
                "bot/platforms/slack/listeners/workflows.py",
                '            context["complete"] = AsyncComplete(client, run)\n',
                "",
            ),
        ),
        (
            "tests/platforms/slack/test_workflow_step.py::"
            "test_the_step_makes_the_loop_and_completes_with_its_number_and_link[sqlite]",
        ),
    ),
    Mutation(
        "click-applied-every-time-delivered",
        "a loop button's click key is not checked, so Slack delivering a click again (a Socket "
        "Mode envelope retried) applies it twice",
        (
            Edit(
                "handlers/loops.py",
                "        if click_key and not uow.events.first_time(",
                "        if False and not uow.events.first_time(",
            ),
        ),
        (
            "tests/platforms/slack/test_socket_mode.py::"
            "test_a_button_click_over_the_socket_acts_once_however_often_delivered[sqlite]",
        ),
    ),
]
