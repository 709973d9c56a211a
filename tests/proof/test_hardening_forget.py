"""Issue 13, item 7: forgetting a customer scrubs every copy of what was said about them. A
message that names two customers is stored once for each; the other customer's copy, the loop
tracked from it and that loop's history quoted the forgotten one. On SQLite and PostgreSQL."""

from __future__ import annotations

from handlers import capture, commands
from handlers.capture import ChatMessage
from tests.conftest import person
from tests.proof.db import cells_containing, count, rows

alice, carol, admin = person("alice"), person("carol"), person("admin")
SAID = (
    "ACME and Globex: ACME's CFO Jane Doe (jane.doe@acme.example, +1 555 0100) asked, "
    "we'll send Globex the report by Friday"
)
SECRETS = ["Jane Doe", "jane.doe@acme.example", "555 0100"]


def test_forget_scrubs_the_other_customers_copy_loop_and_history(deps) -> None:  # noqa: ANN001
    """Catches: after `customer forget ACME`, Globex's copy of a message naming both, the loop
    tracked from it and its history still quoting "ACME's CFO Jane Doe (jane.doe@…, +1 555 …)"."""
    for name in ("ACME", "Globex"):
        assert not commands.run(deps, alice, f"customer add {name}").error
    reply = capture.capture_message(deps, carol, ChatMessage(SAID, "C1", "1700000000.000100"))
    assert reply is not None and count(deps.engine, "feedback") == 2
    (globex,) = rows(deps.engine, "SELECT id FROM customer WHERE name = 'Globex'")
    track = f"{globex['id']}|C1|1700000000.000100"  # the Track button, for Globex's copy
    assert "#1" in capture.track_commitment(deps, carol, track).text
    assert not commands.run(deps, carol, "update 1 Jane Doe wants it in PDF").error
    assert not commands.run(deps, alice, "commit Globex: unrelated promise").error
    assert all(cells_containing(deps.engine, word) for word in SECRETS)

    assert not commands.run(deps, admin, "customer forget ACME --yes").error

    assert {word: cells_containing(deps.engine, word) for word in SECRETS} == {
        word: [] for word in SECRETS
    }
    assert count(deps.engine, "feedback") == 2 and count(deps.engine, "loop") == 2
    assert cells_containing(deps.engine, "unrelated promise")  # Globex's own words stay
