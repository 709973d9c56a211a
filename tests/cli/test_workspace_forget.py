"""`loopkeeper workspace forget`: a real process erasing one workspace for good on each
database, only with --yes, and one line for anything else."""

from __future__ import annotations

import sqlalchemy as sa
from slack_sdk.oauth.installation_store.models.bot import Bot
from sqlmodel import SQLModel

from handlers import commands
from handlers.context import Deps
from storage.installations import Installations
from tests.cli.test_cli import loopkeeper
from tests.platforms.slack.helpers import add_acme, slack_caller


def fill(deps: Deps, team: str) -> None:
    """A workspace with a customer, feedback, a loop with its history, a setting and a token."""
    add_acme(deps, team=team)
    caller = slack_caller(team=team, is_admin=True)
    for text in (
        "feedback ACME: the export is slow",
        "commit ACME: fix the export by Friday",
        "update 1 profiling",
        "settings quiet-hours 20:00-07:00",
    ):
        assert not commands.run(deps, caller, text).error, text
    store = Installations("1111.2222", deps.engine, ["key"])
    store.save_bot(
        Bot(
            app_id="A1",
            team_id=team,
            bot_token=f"xoxb-{team}",
            bot_id="B1",
            bot_user_id="UBOT",
            installed_at=1_790_000_000.0,
        )
    )


def rows_of(deps: Deps) -> dict[str, dict[str, int]]:
    """Rows per table, per workspace external id."""
    found: dict[str, dict[str, int]] = {}
    with deps.engine.connect() as conn:
        teams = dict(conn.execute(sa.text("SELECT id, external_id FROM workspace")).all())
        for table in SQLModel.metadata.sorted_tables:
            if "workspace_id" in table.c:
                for ws, n in conn.execute(
                    sa.select(table.c.workspace_id, sa.func.count()).group_by(table.c.workspace_id)
                ):
                    found.setdefault(teams[ws], {})[table.name] = n
        for team, n in conn.execute(
            sa.text("SELECT team_id, count(*) FROM slack_bots GROUP BY team_id")
        ):
            found.setdefault(team, {})["slack_bots"] = n
    return found


def test_forget_erases_one_workspace_only_with_yes(deps: Deps, db_url: str, tmp_path) -> None:  # noqa: ANN001
    """Catches an erase that leaves a table's rows behind, touches the other workspace, or
    runs without --yes."""
    fill(deps, "T0001")
    fill(deps, "T0002")
    before = rows_of(deps)
    assert before["T0001"] == before["T0002"] and len(before["T0001"]) >= 6
    asked = loopkeeper(tmp_path, "workspace", "forget", "T0001", DATABASE_URL=db_url)
    assert asked.returncode != 0 and asked.stderr.count("\n") == 1
    assert "add --yes" in asked.stderr and "customer" in asked.stderr
    assert rows_of(deps) == before  # nothing erased without --yes
    unknown = loopkeeper(tmp_path, "workspace", "forget", "T0404", "--yes", DATABASE_URL=db_url)
    assert unknown.returncode != 0 and unknown.stderr.count("\n") == 1
    assert "T0404" in unknown.stderr and "T0002" in unknown.stderr
    done = loopkeeper(tmp_path, "workspace", "forget", "T0001", "--yes", DATABASE_URL=db_url)
    assert done.returncode == 0, done.stderr
    assert "Erased workspace T0001" in done.stdout
    after = rows_of(deps)
    assert "T0001" not in after and after["T0002"] == before["T0002"]
    with deps.engine.connect() as conn:
        assert conn.execute(sa.text("SELECT external_id FROM workspace")).scalars().all() == [
            "T0002"
        ]


def test_db_upgrade_seals_every_token_with_the_newest_key(
    deps: Deps, db_url: str, tmp_path
) -> None:  # noqa: ANN001
    """Rotating LOOPKEEPER_SECRET_KEY: new key first, db upgrade, then the old key can go."""
    fill(deps, "T0001")  # sealed with "key"
    env = {
        "DATABASE_URL": db_url,
        "SLACK_CLIENT_ID": "1111.2222",
        "SLACK_CLIENT_SECRET": "s",
        "LOOPKEEPER_SECRET_KEY": "newer,key",
    }
    result = loopkeeper(tmp_path, "db", "upgrade", **env)
    assert result.returncode == 0 and "sealed with the newest key: 1 install row" in result.stdout
    found = Installations("1111.2222", deps.engine, ["newer"]).find_bot(
        enterprise_id=None, team_id="T0001"
    )
    assert found is not None and found.bot_token == "xoxb-T0001"
    unkeyed = loopkeeper(tmp_path, "db", "upgrade", **{**env, "LOOPKEEPER_SECRET_KEY": ""})
    assert unkeyed.returncode != 0 and unkeyed.stderr.count("\n") == 1
    assert "LOOPKEEPER_SECRET_KEY" in unkeyed.stderr
