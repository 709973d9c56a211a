"""Customers: add, list, timeline, CSV import/export (all or nothing), settings."""

from __future__ import annotations

import pytest

from bot.core.errors import BadInput
from handlers import commands, customers
from tests.conftest import person

alice, admin = person("alice"), person("admin")


def test_add_and_list(deps) -> None:  # noqa: ANN001
    reply = commands.run(
        deps,
        alice,
        "customer add Acme Corp aliases ACME, acme.com segment "
        "enterprise value 120000 owner @alice",
    )
    assert not reply.error and "ACME" in reply.text and "acme.com" in reply.text
    listed = commands.run(deps, alice, "customers")
    assert listed.table is not None
    assert listed.table.rows[0]["customer"] == "Acme Corp"
    assert listed.table.rows[0]["segment"] == "enterprise"
    assert listed.table.rows[0]["value"] == 120000


def test_names_and_aliases_are_unique(deps) -> None:  # noqa: ANN001
    commands.run(deps, alice, "customer add Acme Corp aliases ACME")
    twice = commands.run(deps, alice, "customer add acme corp")
    assert twice.error and "already" in twice.text
    clash = commands.run(deps, alice, "customer add Acme Industries aliases acme")
    assert clash.error and "Acme Corp" in clash.text


def test_timeline_newest_first_open_loops_first(deps, clock) -> None:  # noqa: ANN001
    commands.run(deps, alice, "customer add ACME")
    commands.run(deps, alice, "feedback ACME: wants SSO")
    clock.advance(hours=1)
    commands.run(deps, alice, "commit ACME: ship SSO by Friday")
    clock.advance(hours=1)
    commands.run(deps, alice, "update 1 SSO in beta")
    reply = commands.run(deps, alice, "customer ACME")
    texts = [s.text for s in reply.sections]
    assert texts[0].startswith("#1 ACME — ship SSO")  # the open loop first
    touch = texts[1:]
    assert "SSO in beta" in touch[0] and "committed" in touch[1] and "wants SSO" in touch[2]
    assert "1 open loop " in reply.text and "1 feedback" in reply.text


CSV = """name,aliases,segment,value,owner
Acme Corp,ACME;acme.com,enterprise,120000,alice
Globex,,smb,5000,
"""


def test_import_then_export_round_trips(deps) -> None:  # noqa: ANN001
    count = customers.import_rows(deps, alice, customers.read_csv(CSV))
    assert count == 2
    exported, count = customers.export_csv(deps, alice)
    assert count == 2
    assert exported.splitlines()[0] == "name,aliases,segment,value,owner"
    assert "Acme Corp,ACME;acme.com,enterprise,120000,alice" in exported
    assert "Globex,,smb,5000," in exported


def test_a_bad_row_names_its_line_and_imports_nothing(deps) -> None:  # noqa: ANN001
    bad = CSV + "Initech,,smb,lots,\n"
    with pytest.raises(BadInput) as caught:
        customers.import_rows(deps, alice, customers.read_csv(bad))
    assert caught.value.message.startswith("line 4:") and "lots" in caught.value.message
    assert "No customers yet" in commands.run(deps, alice, "customers").text
    dup = CSV + "acme corp,,smb,1,\n"
    with pytest.raises(BadInput) as caught:
        customers.import_rows(deps, alice, customers.read_csv(dup))
    assert caught.value.message.startswith("line 4:")


def test_settings_are_for_admins(deps) -> None:  # noqa: ANN001
    denied = commands.run(deps, alice, "settings escalation #cs-leads")
    assert denied.error and "admin" in denied.text.lower()
    ok = commands.run(deps, admin, "settings escalation #cs-leads")
    assert not ok.error and "escalation_channel: cs-leads" in ok.text
    ok = commands.run(deps, admin, "settings digest #weekly friday 16:00")
    assert "digest_schedule: fri 16:00" in ok.text and "digest_channel: weekly" in ok.text
    ok = commands.run(deps, admin, "settings cadence enterprise 4")
    assert "enterprise 4" in ok.text
    bad = commands.run(deps, admin, "settings quiet-hours 7pm to 8am")
    assert bad.error and "19:00-08:00" in bad.text
