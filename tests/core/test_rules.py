"""Kind, sentiment, commitment language and the loop state machine."""

from __future__ import annotations

import pytest

from bot.core.classify import feedback_kind, has_commitment, sentiment
from bot.core.errors import Conflict, NotAllowed
from bot.core.loops import Actor, check_transition


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("ACME says the export is broken", "problem"),
        ("ACME would like SSO", "request"),
        ("Globex loves the new dashboard", "praise"),
        ("Does ACME's plan include the API?", "question"),
        ("ACME is thinking of switching to a competitor", "risk"),
        ("ACME called", "other"),
    ],
)
def test_feedback_kind(text: str, kind: str) -> None:
    assert feedback_kind(text) == kind


def test_sentiment_direction_and_bounds() -> None:
    assert sentiment("they love it, great work, thanks") > 0.5
    assert sentiment("broken again, frustrated and angry") < -0.5
    assert sentiment("not happy") < 0
    assert sentiment("ACME called") == 0
    assert -1 <= sentiment("bad " * 50) <= 1


@pytest.mark.parametrize(
    ("text", "promise"),
    [
        ("we'll get back to ACME by Friday", True),
        ("I will send it tomorrow", True),
        ("We’ll fix it", True),
        ("ACME says hi", False),
        ("the well is deep", False),
    ],
)
def test_commitment_language(text: str, promise: bool) -> None:
    assert has_commitment(text) is promise


OWNER, ACCOUNT = Actor("bob"), "alice"


def test_open_done_closed() -> None:
    assert check_transition("done", "open", 1, OWNER, "bob", ACCOUNT) == "done"
    assert check_transition("told", "done", 1, OWNER, "bob", ACCOUNT) == "closed"
    assert check_transition("told", "open", 1, OWNER, "bob", ACCOUNT) == "closed"
    assert check_transition("cancel", "done", 1, OWNER, "bob", ACCOUNT) == "cancelled"
    assert check_transition("update", "open", 1, Actor("anyone"), "bob", ACCOUNT) is None


@pytest.mark.parametrize("state", ["closed", "cancelled"])
def test_finished_loops_do_not_move(state: str) -> None:
    for action in ("done", "told", "cancel", "snooze", "reassign", "update"):
        with pytest.raises(Conflict):
            check_transition(action, state, 7, OWNER, "bob", ACCOUNT)


def test_who_may_close_reassign_or_cancel() -> None:
    for action in ("done", "told", "cancel", "reassign", "snooze"):
        with pytest.raises(NotAllowed) as caught:
            check_transition(action, "open", 7, Actor("mallory"), "bob", ACCOUNT)
        assert "#7" in caught.value.message
        check_transition(action, "open", 7, Actor("alice"), "bob", ACCOUNT)  # account owner
        check_transition(action, "open", 7, Actor("root", is_admin=True), "bob", None)
