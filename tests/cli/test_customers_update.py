"""`loopkeeper customers import --update [--check]`: export, edit, import back (issue 15)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import loopkeeper

HEADER = "name,aliases,segment,value,owner\n"


def test_export_edit_import_updates_and_check_changes_nothing(tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text(HEADER + "Acme Corp,ACME,enterprise,120000,alice\nGlobex,,smb,5000,\n")
    assert loopkeeper(tmp_path, "customers", "import", str(first)).returncode == 0
    again = loopkeeper(tmp_path, "customers", "import", str(first))
    assert again.returncode != 0 and "--update updates known customers" in again.stderr
    assert len(again.stderr.strip().splitlines()) == 1
    exported = tmp_path / "out.csv"
    assert loopkeeper(tmp_path, "customers", "export", str(exported)).returncode == 0
    edited = exported.read_text().replace("120000", "150000") + "Initech,,smb,900,\n"
    exported.write_text(edited)

    checked = loopkeeper(tmp_path, "customers", "import", "--update", "--check", str(exported))
    assert checked.returncode == 0, checked.stderr
    assert "Would add 1 customer: Initech." in checked.stdout
    assert "Acme Corp: value 120,000 → 150,000" in checked.stdout
    assert "1 customer unchanged." in checked.stdout and "Nothing was changed" in checked.stdout
    assert "120000" in loopkeeper(tmp_path, "customers", "export", "-").stdout

    updated = loopkeeper(tmp_path, "customers", "import", "--update", str(exported))
    assert updated.returncode == 0, updated.stderr
    assert "Added 1 customer: Initech." in updated.stdout and "Updated 1 customer" in updated.stdout
    lines = loopkeeper(tmp_path, "customers", "export", "-").stdout.splitlines()
    assert "Acme Corp,ACME,enterprise,150000,alice" in lines and "Initech,,smb,900," in lines


def test_a_bad_row_in_an_update_changes_nothing(tmp_path: Path) -> None:
    first = tmp_path / "first.csv"
    first.write_text(HEADER + "Acme Corp,ACME,enterprise,120000,alice\n")
    loopkeeper(tmp_path, "customers", "import", str(first))
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "Acme Corp,,,1,\nGlobex,,smb,lots,\n")
    refused = loopkeeper(tmp_path, "customers", "import", "--update", str(bad))
    assert refused.returncode != 0 and "line 3" in refused.stderr
    assert "nothing was imported" in refused.stderr
    assert "120000" in loopkeeper(tmp_path, "customers", "export", "-").stdout
    alone = loopkeeper(tmp_path, "customers", "import", "--check", str(bad))
    assert alone.returncode != 0 and "--check goes with --update" in alone.stderr
