"""The command line as a new user runs it: real processes, a real SQLite file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def loopkeeper(
    tmp_path: Path, *args: str, stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("SLACK_", "TEAMS_", "LOOPKEEPER_", "DATABASE_URL"))
    }
    environment.update({"DATABASE_URL": f"sqlite:///{tmp_path / 'lk.db'}", **env})
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=environment,
        timeout=120,
    )


STORY = """\
/loop customer add Acme Corp aliases ACME, acme.com segment enterprise value 120000 owner @alice
ACME says the CSV export is broken, we'll fix it by Friday
1
/loop commit ACME: send the SSO roadmap owner @bob in 3 weeks
/loop update 2 roadmap drafted
/loop list all
/loop done 1 fixed in 4.2
/loop told 1 emailed their admin
/loop customer ACME
"""


def test_console_story_from_a_pipe(tmp_path: Path) -> None:
    result = loopkeeper(tmp_path, "console", "--as", "alice", stdin=STORY)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "Added Acme Corp" in out
    assert "Logged problem feedback for Acme Corp" in out  # the plain line was captured
    assert "[1] Track this commitment" in out
    assert "Tracking #1 for Acme Corp" in out and "Fri " in out
    assert "Tracking #2 for Acme Corp: send the SSO roadmap — owner @bob" in out
    assert "— DM to @bob —" in out  # bob is told he owns #2
    assert "Update added to #2" in out
    assert "All open loops: 2" in out
    assert "#1 is done" in out and "#1 is closed" in out
    timeline = out[out.index("Acme Corp — enterprise") :]
    assert "roadmap drafted" in timeline and "customer told" in timeline
    assert "Traceback" not in out + result.stderr


def test_console_keeps_data_between_runs_and_errors_are_friendly(tmp_path: Path) -> None:
    loopkeeper(tmp_path, "console", stdin="/loop customer add Globex\n")
    result = loopkeeper(
        tmp_path,
        "console",
        "--as",
        "bob",
        stdin="/loop commit Globexx: call back\n/loop frob\n/loop customers\n",
    )
    assert result.returncode == 0
    assert "Did you mean Globex" in result.stdout
    assert "I don't know “frob”" in result.stdout
    assert "Globex" in result.stdout.split("customers")[-1]


def test_a_bad_setting_stops_with_one_line_naming_it(tmp_path: Path) -> None:
    result = loopkeeper(tmp_path, "console", stdin="", LOOPKEEPER_TIMEZONE="Mars/Olympus")
    assert result.returncode != 0
    assert result.stderr.strip().count("\n") == 0
    assert "LOOPKEEPER_TIMEZONE" in result.stderr
    result = loopkeeper(tmp_path, "db", "upgrade", LOOPKEEPER_SWEEP_SECONDS="often")
    assert result.returncode != 0 and "LOOPKEEPER_SWEEP_SECONDS" in result.stderr


def test_db_upgrade(tmp_path: Path) -> None:
    result = loopkeeper(tmp_path, "db", "upgrade")
    assert result.returncode == 0 and "up to date" in result.stdout
    assert (tmp_path / "lk.db").exists()
    again = loopkeeper(tmp_path, "db", "upgrade")
    assert again.returncode == 0


def test_unreachable_database_is_one_line(tmp_path: Path) -> None:
    result = loopkeeper(tmp_path, "db", "upgrade", DATABASE_URL="sqlite:////nonexistent/dir/x.db")
    assert result.returncode != 0
    assert "can't open the database" in result.stderr
    assert "Traceback" not in result.stderr


def test_customers_import_export_all_or_nothing(tmp_path: Path) -> None:
    good = tmp_path / "customers.csv"
    good.write_text(
        "name,aliases,segment,value,owner\n"
        "Acme Corp,ACME;acme.com,enterprise,120000,alice\n"
        "Globex,,smb,5000,\n"
    )
    bad = tmp_path / "bad.csv"
    bad.write_text("name,aliases,segment,value,owner\nInitech,,smb,9,\nHooli,,smb,a lot,\n")
    refused = loopkeeper(tmp_path, "customers", "import", str(bad))
    assert refused.returncode != 0
    assert "line 3" in refused.stderr and "nothing was imported" in refused.stderr
    imported = loopkeeper(tmp_path, "customers", "import", str(good))
    assert imported.returncode == 0 and "Imported 2 customers" in imported.stdout
    out = tmp_path / "out.csv"
    exported = loopkeeper(tmp_path, "customers", "export", str(out))
    assert exported.returncode == 0
    lines = out.read_text().splitlines()
    assert lines[0] == "name,aliases,segment,value,owner"
    assert "Acme Corp,ACME;acme.com,enterprise,120000,alice" in lines
    assert not any(line.startswith("Initech") for line in lines)
    missing = loopkeeper(tmp_path, "customers", "import", str(tmp_path / "nope.csv"))
    assert missing.returncode != 0 and "can't read" in missing.stderr


def test_serve_without_tokens_says_what_to_set(tmp_path: Path) -> None:
    result = loopkeeper(tmp_path, "serve")
    assert result.returncode != 0
    assert "SLACK_SIGNING_SECRET" in result.stderr and "TEAMS_APP_ID" in result.stderr


@pytest.mark.parametrize("args", [["--help"], ["report", "--help"], ["customers", "--help"]])
def test_help_works(tmp_path: Path, args: list[str]) -> None:
    result = loopkeeper(tmp_path, *args)
    assert result.returncode == 0 and "Usage" in result.stdout
