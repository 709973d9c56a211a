"""The fake Web API keeps Slack's defaults and refusals, so code leaning on a lax fake fails:
metadata only when asked, exclusive time bounds, invalid_arguments, user_not_found."""

from __future__ import annotations

import httpx

from tests.support.fake_slack import FakeSlack


def call(fake: FakeSlack, method: str, **params: str) -> dict:
    headers = {"Authorization": f"Bearer {fake.token}"}
    return httpx.post(fake.url + method, data=params, headers=headers).json()


def test_history_leaves_metadata_out_and_bounds_exclusive_unless_asked(
    fake_slack: FakeSlack,
) -> None:
    key = {"event_type": "loopkeeper_nudge", "event_payload": {"key": "k1"}}
    for ts in ("100.000001", "100.000002", "100.000003"):
        fake_slack.add_message("C1", ts, "hello", metadata=key)
    for method, extra in (
        ("conversations.history", {}),
        ("conversations.replies", {"ts": "100.000001"}),
    ):
        plain = call(fake_slack, method, channel="C1", **extra)
        assert plain["ok"] and all("metadata" not in m for m in plain["messages"])
        asked = call(fake_slack, method, channel="C1", include_all_metadata="1", **extra)
        assert all(m["metadata"] == key for m in asked["messages"])
    bounds = {"oldest": "100.000001", "latest": "100.000003"}
    exclusive = call(fake_slack, "conversations.history", channel="C1", **bounds)
    assert [m["ts"] for m in exclusive["messages"]] == ["100.000002"]
    inclusive = call(fake_slack, "conversations.history", channel="C1", inclusive="true", **bounds)
    assert len(inclusive["messages"]) == 3


def test_missing_arguments_and_unknown_users_are_refused(fake_slack: FakeSlack) -> None:
    assert call(fake_slack, "chat.postMessage", text="hi") == {
        "ok": False,
        "error": "invalid_arguments",
        "missing": ["channel"],
    }
    assert call(fake_slack, "chat.postMessage", channel="C1")["error"] == "no_text"
    assert call(fake_slack, "reactions.add", channel="C1", timestamp="1.2")["ok"] is False
    assert call(fake_slack, "users.info", user="not-a-user")["error"] == "user_not_found"
    strict = FakeSlack(auto_users=False).start()
    try:
        assert call(strict, "users.info", user="U0NOBODY")["error"] == "user_not_found"
        strict.add_user("U0BOB", "bob")
        assert call(strict, "users.info", user="U0BOB")["user"]["name"] == "bob"
    finally:
        strict.stop()
