"""`/loop customer forget <name>`: a privacy request erases a customer's words and personal data
from every table, keeps the anonymous counts, and says what it erased. Checked by reading the
database directly, on SQLite and PostgreSQL."""

from __future__ import annotations

import re

from handlers import capture, commands
from handlers.capture import ChatMessage
from handlers.context import Caller
from tests.conftest import person
from tests.proof.db import cells_containing, count, rows

alice, bob, carol, admin = person("alice"), person("bob"), person("carol"), person("admin")

# Words that exist only in what was said about or by the forgotten customer.
SECRETS = [
    "zephyrine",
    "zphx",
    "quokka",
    "pangolin",
    "narwhal",
    "axolotl",
    "priya",
    "p1700000000000100",
    "p1700000000000200",
]
PERMALINK = "http://127.0.0.1/archives/C1/p1700000000000100"


def run(deps, who: Caller, text: str):  # noqa: ANN001, ANN201
    reply = commands.run(deps, who, text)
    assert not reply.error, f"{text!r}: {reply.text}"
    return reply


def said(deps, who: Caller, text: str, ts: str, permalink: str | None = None):  # noqa: ANN001, ANN201
    return capture.capture_message(
        deps, who, ChatMessage(text, "C1", ts, permalink, "mention"), event_key=f"Ev{ts}"
    )


def build_history(deps) -> None:  # noqa: ANN001
    """Two customers; everything that can hold words about Zephyrine Labs gets some."""
    run(deps, alice, "customer add Acme aliases acme.com segment smb value 10k owner @alice")
    run(
        deps,
        alice,
        "customer add Zephyrine Labs aliases ZPHX, zephyrine.io segment enterprise "
        "value 50k owner @alice",
    )
    assert said(
        deps, carol, "ZPHX said the quokka export times out", "1700000000.000100", PERMALINK
    )
    promise = said(
        deps,
        carol,
        "ZPHX: we'll fix the quokka export by Friday",
        "1700000000.000200",
        PERMALINK.replace("100", "200"),
    )
    assert promise and promise.sections, "commitment language offers a Track button"
    assert said(
        deps,
        bob,
        "Acme likes the wombat view",
        "1700000000.000300",
        "http://127.0.0.1/archives/C1/p1700000000000300",
    )
    run(deps, bob, "feedback Zephyrine Labs: wants pangolin SSO")
    run(deps, bob, "commit ZPHX: ship the narwhal dashboard owner @bob by Friday")  # 1
    run(deps, bob, "update 1 spoke with Priya on the call")
    run(deps, bob, "told 1 emailed Priya")
    run(deps, bob, "commit zephyrine.io: send axolotl pricing")  # 2
    run(deps, bob, "snooze 2 next week")
    run(deps, bob, "cancel 2 Zephyrine budget freeze")
    button = promise.sections[0].buttons[0]
    tracked = capture.track_commitment(deps, carol, button.value)  # 3, what = the message
    assert "#3" in tracked.text, tracked.text
    run(deps, bob, "commit Acme: send the wombat roadmap")  # 4, must survive untouched


def counts(engine, customer_id: int) -> dict[str, int]:  # noqa: ANN001
    """The rows of one customer and of the whole database: what reports count."""
    events = "loop_id IN (SELECT id FROM loop WHERE customer_id = :c)"
    return {
        "feedback": count(engine, "feedback", "customer_id = :c", c=customer_id),
        "loops": count(engine, "loop", "customer_id = :c", c=customer_id),
        "events": count(engine, "loop_event", events, c=customer_id),
        "all feedback": count(engine, "feedback"),
        "all loops": count(engine, "loop"),
    }


def report_totals(deps) -> dict[str, int]:  # noqa: ANN001
    """Feedback, open and closed loops summed over the chat reports' rows."""
    totals = {}
    for kind in ["customers", "segments", "weekly"]:
        table = run(deps, bob, f"report {kind}").table
        assert table is not None
        for column in ["feedback", "open", "opened", "closed"]:
            if column in table.columns:
                totals[f"{kind}.{column}"] = sum(int(r[column] or 0) for r in table.rows)
    return totals


def test_forget_erases_words_and_personal_data_from_every_table(deps) -> None:  # noqa: ANN001
    build_history(deps)
    engine = deps.engine
    zid = rows(engine, "SELECT id FROM customer WHERE name = 'Zephyrine Labs'")[0]["id"]
    before, reported = counts(engine, zid), report_totals(deps)
    assert before["feedback"] == 3 and before["loops"] == 3
    assert all(cells_containing(engine, word) for word in SECRETS), "the secrets were stored"

    reply = run(deps, admin, "customer forget ZPHX --yes")

    # It says what it erased, with the real numbers.
    assert "3 feedback" in reply.text and "3 loops" in reply.text and "3 aliases" in reply.text
    leftovers = {word: cells_containing(engine, word) for word in SECRETS}
    # The admin typed the name in the reply; nothing of it is in any table.
    assert leftovers == {word: [] for word in SECRETS}
    for fb in rows(engine, "SELECT * FROM feedback WHERE customer_id = :c", c=zid):
        assert fb["author"] == "" and fb["permalink"] is None, fb
    customer = rows(engine, "SELECT * FROM customer WHERE id = :c", c=zid)[0]
    assert customer["owner"] is None and customer["erased_at"] is not None
    assert (customer["segment"], customer["value"]) == ("enterprise", 50000.0)
    assert count(engine, "customer_alias", "customer_id = :c", c=zid) == 0
    # Anonymous counts stay: every row is still there.
    after = counts(engine, zid)
    assert after == before
    assert report_totals(deps) == reported
    # The other customer is untouched.
    acme = rows(
        engine,
        "SELECT f.* FROM feedback f JOIN customer c ON c.id = f.customer_id WHERE c.name = 'Acme'",
    )
    assert [(f["text"], f["author"]) for f in acme] == [("Acme likes the wombat view", "bob")]
    assert acme[0]["permalink"].endswith("p1700000000000300")
    assert "wombat roadmap" in run(deps, bob, "list all").plain()
    print(
        f"forget: checked {sum(len(v) for v in leftovers.values())} leftovers of "
        f"{len(SECRETS)} secrets; kept {after}"
    )


def test_forgotten_customer_is_no_longer_captured_or_found(deps) -> None:  # noqa: ANN001
    build_history(deps)
    run(deps, admin, "customer forget Zephyrine Labs --yes")
    total = count(deps.engine, "feedback")
    for i, text in enumerate(["ZPHX again", "zephyrine.io is down", "Zephyrine Labs called"]):
        assert said(deps, carol, text, f"1700000001.00000{i}") is None
    assert count(deps.engine, "feedback") == total
    shown = commands.run(deps, bob, "customer Zephyrine Labs")
    assert shown.error and "don't know" in shown.text
    listing = run(deps, bob, "list all").plain() + run(deps, bob, "customers").plain()
    assert not re.search("zephyrine|narwhal|zphx", listing, re.I), listing
    # The same name can become a customer again, with a clean slate.
    again = run(deps, alice, "customer add Zephyrine Labs aliases ZPHX")
    assert "Added Zephyrine Labs" in again.text
    assert "0 feedback" in run(deps, bob, "customer ZPHX").text


def test_new_aliases_after_forget_are_matched_and_old_ones_are_not(deps) -> None:  # noqa: ANN001
    # On SQLite a deleted row's id is given out again: the matcher cache must not mistake the
    # new customer's aliases for the forgotten one's.
    build_history(deps)
    run(deps, admin, "customer forget Zephyrine Labs --yes")
    run(deps, alice, "customer add Bilby aliases BLB, bilby.io")
    assert said(deps, carol, "BLB wants a refund", "1700000002.000001")
    assert said(deps, carol, "ZPHX wants a refund", "1700000002.000002") is None
    stored = rows(
        deps.engine,
        "SELECT c.name, f.text FROM feedback f JOIN customer c "
        "ON c.id = f.customer_id WHERE f.text LIKE '%refund%'",
    )
    assert stored == [{"name": "Bilby", "text": "BLB wants a refund"}]


def test_an_edit_after_forget_does_not_bring_the_words_back(deps) -> None:  # noqa: ANN001
    build_history(deps)
    run(deps, admin, "customer forget Zephyrine Labs --yes")
    capture.message_changed(
        deps, carol, "C1", "1700000000.000100", "ZPHX said the quokka export times out (edited)"
    )
    assert cells_containing(deps.engine, "quokka") == []


def test_only_an_admin_may_forget(deps) -> None:  # noqa: ANN001
    build_history(deps)
    denied = commands.run(deps, alice, "customer forget Zephyrine Labs")  # the account owner
    assert denied.error and "admin" in denied.text
    assert cells_containing(deps.engine, "narwhal"), "nothing was erased"


def test_a_name_like_an_erased_placeholder_is_a_friendly_answer(deps) -> None:  # noqa: ANN001
    build_history(deps)
    run(deps, admin, "customer forget Zephyrine Labs --yes")
    zid = rows(deps.engine, "SELECT id FROM customer WHERE erased_at IS NOT NULL")[0]["id"]
    reply = commands.run(deps, alice, f"customer add erased customer {zid}")
    # Added as a customer of its own: the erased one keeps its row, and none of its history
    # (feedback, loops) is handed to the newcomer that took a name like its placeholder.
    assert not reply.error and reply.text.startswith(f"Added erased customer {zid} "), reply.text
    customers = rows(deps.engine, "SELECT id, erased_at FROM customer ORDER BY id")
    assert [c["id"] for c in customers if c["erased_at"] is not None] == [zid]
    newcomer = customers[-1]["id"]
    assert newcomer != zid and customers[-1]["erased_at"] is None
    assert rows(deps.engine, "SELECT id FROM feedback WHERE customer_id = :c", c=newcomer) == []
    assert rows(deps.engine, "SELECT id FROM loop WHERE customer_id = :c", c=newcomer) == []
