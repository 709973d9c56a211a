"""Whatever reaches POST /slack/events gets 200 or a 4xx, never a 500: random bytes, random
JSON, event envelopes and interactivity payloads with fields of every wrong type, signed with
the real secret (what only Slack or someone holding the secret can send). Oversized, non-UTF-8
and malformed bodies are refused cleanly; forged, altered and replayed signatures get 401."""

from __future__ import annotations

import asyncio
import json
import os
import time
import urllib.parse

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.platforms.slack.helpers import add_acme, feedback
from tests.support import slack_requests as sr

FUZZ = settings(
    max_examples=int(os.environ.get("PROOF_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30)
)
junk = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
ids = st.sampled_from(["C0001", "U0001", "UBOT", "T0001", "D0001", "1790000000.000100", ""])
texts = st.sampled_from(
    [
        "ACME wants SSO",
        "we'll ship it by Friday, ACME",
        "<!channel> acme.com",
        "<@UBOT> ACME is unhappy",
        "",
        "*bold* `code` <http://x.example.com|y>",
    ]
)


def field(good: st.SearchStrategy) -> st.SearchStrategy:
    """A field as Slack sends it (mostly), or of any other type."""
    return st.one_of(good, good, good, junk)


def optional_fields(**good: st.SearchStrategy) -> st.SearchStrategy:
    return st.fixed_dictionaries({}, optional={k: field(v) for k, v in good.items()})


events = st.builds(
    lambda kind, rest: {"type": kind, **rest},
    st.sampled_from(
        [
            "message",
            "app_mention",
            "reaction_added",
            "app_home_opened",
            "member_joined_channel",
            "nonsense",
        ]
    ),
    optional_fields(
        channel=ids,
        user=ids,
        ts=ids,
        text=texts,
        thread_ts=ids,
        bot_id=ids,
        deleted_ts=ids,
        reaction=st.just("loop"),
        tab=st.just("home"),
        subtype=st.sampled_from(
            ["message_changed", "message_deleted", "bot_message", "thread_broadcast"]
        ),
        item=st.fixed_dictionaries({"type": st.just("message"), "channel": ids, "ts": ids}),
        message=st.fixed_dictionaries({"ts": ids, "text": texts, "user": ids}),
        previous_message=st.fixed_dictionaries({"ts": ids, "user": ids}),
    ),
)
event_bodies = st.builds(
    lambda event_, team, event_id: json.dumps(
        {
            "type": "event_callback",
            "team_id": team,
            "api_app_id": sr.APP,
            "event": event_,
            "event_id": event_id,
            "event_time": 1790000000,
            "authorizations": [{"team_id": team, "user_id": sr.BOT_USER, "is_bot": True}],
        }
    ).encode(),
    field(events),
    field(st.just(sr.TEAM)),
    field(st.text(max_size=12)),
)
actions = st.builds(
    lambda action_id, rest: {"action_id": action_id, **rest},
    st.sampled_from(
        [
            "loop_done",
            "loop_told",
            "loop_cancel",
            "loop_snooze",
            "loop_reassign",
            "loop_update",
            "loop_track",
            "loop_page_next",
            "other",
        ]
    ),
    optional_fields(
        value=st.sampled_from(
            ["1", "#1", "x", "1|C0001|1790000000.000100", '{"text": "list", "page": 2}', ""]
        ),
        type=st.sampled_from(["button", "static_select", "users_select"]),
        block_id=st.sampled_from(["loop:1", "b", ":"]),
        selected_user=ids,
        selected_option=st.fixed_dictionaries({"value": st.just("1|tomorrow")}),
    ),
)
interactive = st.builds(
    lambda kind, rest: {"type": kind, **rest},
    st.sampled_from(
        [
            "block_actions",
            "view_submission",
            "message_action",
            "shortcut",
            "view_closed",
            "block_suggestion",
        ]
    ),
    optional_fields(
        user=st.fixed_dictionaries({"id": ids}),
        team=st.fixed_dictionaries({"id": ids}),
        actions=st.lists(actions, max_size=2),
        trigger_id=ids,
        callback_id=st.just("log_feedback"),
        channel=st.fixed_dictionaries({"id": ids}),
        container=st.fixed_dictionaries(
            {"type": st.sampled_from(["message", "view"]), "channel_id": ids, "message_ts": ids}
        ),
        message=st.fixed_dictionaries({"ts": ids, "text": texts}),
        view=st.fixed_dictionaries(
            {
                "type": st.just("modal"),
                "callback_id": st.sampled_from(["loop_update_modal", "log_feedback_modal"]),
                "private_metadata": st.sampled_from(['{"number": 1}', "garbage", "{}"]),
                "state": junk,
            }
        ),
    ),
)
form_bodies = st.one_of(
    st.builds(
        lambda p: urllib.parse.urlencode({"payload": json.dumps(p)}).encode(), field(interactive)
    ),
    st.builds(
        lambda fields: urllib.parse.urlencode(fields).encode(),
        st.dictionaries(
            st.sampled_from(
                ["command", "text", "user_id", "team_id", "channel_id", "response_url", "payload"]
            ),
            st.sampled_from(
                ["/loop", "list", "U0001", "T0001", "", "{", "help", "http://127.0.0.1:9/r"]
            ),
            max_size=6,
        ),
    ),
)
bodies = st.one_of(
    st.binary(max_size=300),
    st.builds(lambda j: json.dumps(j).encode(), junk),
    event_bodies,
    form_bodies,
)


@FUZZ
@given(body=bodies, as_json=st.booleans())
def test_any_signed_body_gets_200_or_4xx_never_500(slack_app, body: bytes, as_json: bool) -> None:  # noqa: ANN001
    async def post() -> int:
        headers = sr.signed_headers(sr.SECRET, body, form=not as_json)
        response = await slack_app.client.post("/slack/events", content=body, headers=headers)
        await slack_app.settle()
        return response.status_code

    status = asyncio.run(post())
    event(f"status {status}")
    assert status == 200 or 400 <= status < 500, (status, body[:300])


@pytest.fixture
def acme_app(slack_app):  # noqa: ANN001, ANN201
    add_acme(slack_app.deps)
    return slack_app


CLEAN_REFUSALS = {
    "non-UTF-8 JSON": (b'{"type": "event_callback", "event": {"text": "\xff\xfe ACME"}}', 400),
    "non-UTF-8 form": (b"command=%2Floop&text=\xc3\x28", 400),
    "truncated JSON": (b'{"type": "event_callback", "event": {"type": "mess', 400),
    "JSON with a bad payload form": (b"payload=%7B%22type%22%3A", 400),
    "5 MB event": (sr.event_body(sr.message_event("ACME " + "x" * 5_000_000)), 413),
}


@pytest.mark.parametrize("name", list(CLEAN_REFUSALS))
async def test_bad_bodies_are_refused_cleanly(acme_app, name: str) -> None:  # noqa: ANN001
    body, expected = CLEAN_REFUSALS[name]
    response = await acme_app.post(body)
    assert response.status_code == expected, response.text
    assert feedback(acme_app.deps) == []


async def test_an_oversized_body_is_refused_by_its_declared_length(acme_app) -> None:  # noqa: ANN001
    body = sr.event_body(sr.message_event("ACME wants SSO"))
    headers = {**sr.signed_headers(sr.SECRET, body), "Content-Length": str(50 * 1024 * 1024)}
    response = await acme_app.client.post("/slack/events", content=body, headers=headers)
    assert response.status_code == 413
    assert feedback(acme_app.deps) == []


def signature_attacks(body: bytes) -> dict[str, dict[str, str]]:
    now = int(time.time())
    good = sr.signed_headers(sr.SECRET, body, timestamp=now)
    return {
        "no headers": {},
        "another secret": sr.signed_headers("guess", body, timestamp=now),
        "v1 scheme": {**good, "X-Slack-Signature": good["X-Slack-Signature"].replace("v0=", "v1=")},
        "truncated signature": {**good, "X-Slack-Signature": good["X-Slack-Signature"][:-2]},
        "upper-case hex": {**good, "X-Slack-Signature": good["X-Slack-Signature"].upper()},
        "timestamp changed after signing": {**good, "X-Slack-Request-Timestamp": str(now - 1)},
        "timestamp not a number": {**good, "X-Slack-Request-Timestamp": "soon"},
        "replay 5 min 30 s old": sr.signed_headers(sr.SECRET, body, timestamp=now - 330),
        "replay a day old": sr.signed_headers(sr.SECRET, body, timestamp=now - 86400),
        "from 10 min in the future": sr.signed_headers(sr.SECRET, body, timestamp=now + 600),
        "body of another request": sr.signed_headers(sr.SECRET, body + b" ", timestamp=now),
    }


async def test_forged_altered_and_replayed_signatures_are_refused(acme_app) -> None:  # noqa: ANN001
    body = sr.event_body(sr.message_event("ACME wants SSO"))
    refused = {}
    for name, headers in signature_attacks(body).items():
        response = await acme_app.client.post("/slack/events", content=body, headers=headers)
        refused[name] = response.status_code
    command = sr.command_body("customer forget ACME", user="U0001")
    for name, headers in signature_attacks(command).items():
        response = await acme_app.client.post("/slack/events", content=command, headers=headers)
        refused[f"command: {name}"] = response.status_code
    print(
        f"\nsignatures: {len(refused)} forged, altered or replayed requests, answers "
        f"{sorted(set(refused.values()))}"
    )
    assert set(refused.values()) == {401}, refused
    assert feedback(acme_app.deps) == []
    # A replay within the five minutes is the same event: stored once, whatever the count.
    for _ in range(3):
        assert (await acme_app.post(body)).status_code == 200
    await acme_app.settle()
    assert len(feedback(acme_app.deps)) == 1
