"""The /loop grammar of PRODUCT.md, read as users type it."""

from __future__ import annotations

import pytest

from bot.core import grammar
from bot.core.errors import BadInput
from bot.core.grammar import (
    AddCustomer,
    ChangeSettings,
    Commit,
    ForgetCustomer,
    Help,
    ListCustomers,
    ListLoops,
    LogFeedback,
    LoopAction,
    Report,
    ShowCustomer,
    UserRef,
    command_text,
    parse,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", Help()),
        ("/loop", Help()),
        ("/loop help", Help()),
        ("feedback ACME: export is slow", LogFeedback("ACME", "export is slow")),
        ("/loop feedback Acme Corp: a: b", LogFeedback("Acme Corp", "a: b")),
        ("commit ACME: ship SSO by Friday", Commit("ACME", "ship SSO", None, "Friday")),
        (
            "commit ACME: ship SSO owner @bob by tomorrow 5pm",
            Commit("ACME", "ship SSO", UserRef(name="bob"), "tomorrow 5pm"),
        ),
        (
            "commit ACME: ship SSO by 2026-12-01 owner <@U42|bob>",
            Commit("ACME", "ship SSO", UserRef(id="U42", name="bob"), "2026-12-01"),
        ),
        ("commit ACME: export by CSV", Commit("ACME", "export by CSV")),
        ("commit ACME: fix login in 3 days", Commit("ACME", "fix login", None, "in 3 days")),
        ("commit ACME: call back", Commit("ACME", "call back")),
        ("list", ListLoops("mine")),
        ("list mine", ListLoops("mine")),
        ("list all", ListLoops("all")),
        ("list overdue", ListLoops("overdue")),
        ("list @bob", ListLoops("user", user=UserRef(name="bob"))),
        ("list <@U1>", ListLoops("user", user=UserRef(id="U1"))),
        ("list customer Acme Corp", ListLoops("customer", customer="Acme Corp")),
        ("done 12", LoopAction("done", 12)),
        ("done #12 shipped it", LoopAction("done", 12, "shipped it")),
        ("told #3 emailed the CTO", LoopAction("told", 3, "emailed the CTO")),
        ("snooze 3 next week", LoopAction("snooze", 3, "next week")),
        ("reassign #3 @carol", LoopAction("reassign", 3, user=UserRef(name="carol"))),
        ("update 3 drafted", LoopAction("update", 3, "drafted")),
        ("cancel 3 customer churned", LoopAction("cancel", 3, "customer churned")),
        ("customer add ACME", AddCustomer("ACME")),
        (
            "customer add Acme Corp aliases ACME, acme.com segment Enterprise value 120,000 "
            "owner @alice",
            AddCustomer(
                "Acme Corp", ("ACME", "acme.com"), "enterprise", 120000.0, UserRef(name="alice")
            ),
        ),
        ("customer add Globex value 2.5m", AddCustomer("Globex", value=2_500_000.0)),
        ("customer Acme Corp", ShowCustomer("Acme Corp")),
        ("customer forget ACME", ForgetCustomer("ACME")),
        ("customers", ListCustomers()),
        ("report", Report("weekly")),
        ("report owners", Report("owners")),
        ("report quiet csv", Report("quiet", True)),
        ("settings", ChangeSettings(())),
        ("settings escalation #cs-leads", ChangeSettings(("escalation", "#cs-leads"))),
        ("DONE 4", LoopAction("done", 4)),
    ],
)
def test_parses_what_users_type(text: str, expected: grammar.Command) -> None:
    assert parse(text) == expected


def test_custom_root_command() -> None:
    assert parse("/promise done 3", command="/promise") == LoopAction("done", 3)


def test_unknown_subcommand_gives_the_help() -> None:
    assert parse("frobnicate 3") == Help("frobnicate")
    text = grammar.help_text("/loop", "frobnicate")
    assert "frobnicate" in text and "/loop commit" in text and "/loop report" in text


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("commit ACME ship it", "colon"),
        ("commit : ship it", "colon"),
        ("commit ACME:   ", "colon"),
        ("done", "number"),
        ("done twelve", "number"),
        ("snooze 3", "Until when"),
        ("cancel 3", "reason"),
        ("update 3", "update"),
        ("reassign 3 carol", "@user"),
        ("report monthly", "report"),
        ("list everything", "list"),
        ("customer add Acme value lots", "not a number"),
        ("customer add Acme value -5", "negative"),
        ("customer add Acme owner bob", "@user"),
        ("customer add Acme segment two words", "one word"),
        ("customer add Acme segment x segment y", "twice"),
        ("feedback", "customer"),
    ],
)
def test_bad_input_says_what_is_wrong_and_shows_usage(text: str, says: str) -> None:
    with pytest.raises(BadInput) as caught:
        parse(text)
    assert says.lower() in caught.value.message.lower()
    assert "Usage" in caught.value.message


def test_feedback_without_colon_leaves_the_customer_to_be_found() -> None:
    assert parse("feedback ACME loves the new UI") == LogFeedback(None, "ACME loves the new UI")


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("<@U1>", UserRef(id="U1")),
        ("<@U1|ann>", UserRef(id="U1", name="ann")),
        ("@ann", UserRef(name="ann")),
        ("@ann.lee", UserRef(name="ann.lee")),
        ("ann", None),
    ],
)
def test_user_references(text: str, ref: UserRef | None) -> None:
    assert grammar.parse_user(text) == ref


@pytest.mark.parametrize(
    ("line", "command"),
    [
        ("/loop list all", "list all"),
        ("loop list all", "list all"),
        ("Loop list all", "list all"),
        ("list all", "list all"),
        ("/list all", "list all"),
        ("loop", ""),
        ("/loop", ""),
        ("ACME says hello", None),
        ("looping back later", None),
        ("", None),
    ],
)
def test_the_command_word_is_stripped_with_or_without_its_slash(
    line: str, command: str | None
) -> None:
    assert command_text(line) == command


def test_loop_list_without_the_slash_is_the_list_command() -> None:
    assert parse("loop list overdue") == ListLoops("overdue")
    assert parse("loop list overdue", "/feedback") == ListLoops("overdue")
