"""The grammar of changing your mind (issue 15): edit, reopen, undo, customer edit, feedback
corrections and a confirmed forget."""

from __future__ import annotations

import pytest

from bot.core.errors import BadInput
from bot.core.grammar import (
    ChangeFeedback,
    EditCustomer,
    EditLoop,
    ForgetCustomer,
    LogFeedback,
    LoopAction,
    Undo,
    UserRef,
    parse,
)


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("edit 2 due tomorrow", EditLoop(2, "due", "tomorrow")),
        ("edit #2 by Friday 5pm", EditLoop(2, "due", "Friday 5pm")),
        ("edit 2 what send the SSO roadmap", EditLoop(2, "what", "send the SSO roadmap")),
        ("edit 2 owner <@U1>", EditLoop(2, "owner", user=UserRef(id="U1"))),
        ("edit 2 customer Globex", EditLoop(2, "customer", "Globex")),
        ("reopen 6", LoopAction("reopen", 6)),
        ("reopen #6 they wrote back", LoopAction("reopen", 6, "they wrote back")),
        ("undo", Undo()),
        ("undo 14", Undo(14)),
        ("feedback delete 3", ChangeFeedback(3, "delete")),
        ("feedback #3 kind Praise", ChangeFeedback(3, "kind", "praise")),
        ("feedback 3 customer Acme Corp", ChangeFeedback(3, "customer", "Acme Corp")),
        ("feedback ACME: delete 3 rows failed", LogFeedback("ACME", "delete 3 rows failed")),
        ("customer forget Initech", ForgetCustomer("Initech")),
        ("customer forget Initech --yes", ForgetCustomer("Initech", True)),
        (
            "customer edit Acme Corp name Acme Inc aliases add acme.io, AI segment SMB value 150k",
            EditCustomer("Acme Corp", "Acme Inc", ("acme.io", "AI"), (), "smb", 150000.0),
        ),
        (
            "customer edit ACME aliases remove acme.com",
            EditCustomer("ACME", aliases_remove=("acme.com",)),
        ),
        ("customer edit ACME owner @bob", EditCustomer("ACME", owner=UserRef(name="bob"))),
    ],
)
def test_reads(line: str, command: object) -> None:
    assert parse(line) == command


@pytest.mark.parametrize(
    ("line", "says"),
    [
        ("edit 2", "Say what to change"),
        ("edit 2 colour blue", "Say what to change"),
        ("edit 2 owner bob", "@user"),
        ("undo everything", "Just `undo`"),
        ("feedback 3 kind grumble", "is not a kind"),
        ("customer edit ACME", "what should change"),
        ("customer edit ACME aliases acme.io", "aliases add"),
        ("customer edit ACME value lots", "is not a number"),
        ("customer forget --yes", "Which customer"),
    ],
)
def test_refuses_with_usage(line: str, says: str) -> None:
    with pytest.raises(BadInput) as refused:
        parse(line)
    assert says in refused.value.message
