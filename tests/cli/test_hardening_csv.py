"""Issue 13 on the command line, real processes on a real SQLite file: CSVs written are safe to
open in a spreadsheet (item 6), CSVs read are checked like chat input and a broken one is one
line and a non-zero exit, never a traceback nor silently merged rows (item 8)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.test_cli import loopkeeper

HEADER = "name,aliases,segment,value,owner\n"


def csv_file(tmp_path: Path, body: str | bytes, name: str = "in.csv") -> str:
    path = tmp_path / name
    if isinstance(body, bytes):
        path.write_bytes(HEADER.encode() + body)
    else:
        path.write_text(HEADER + body)
    return str(path)


def test_exported_cells_never_run_as_formulas_and_import_reads_them_back(tmp_path: Path) -> None:
    """Catches: cells starting with =, +, -, @ written as they were typed, which a spreadsheet
    runs (`=HYPERLINK(...)`, `@SUM(...)`), in `customers export` and `report --format csv`."""
    rows = (
        '"=HYPERLINK(""https://example.com"",""Click"")",+cmd;@SUM(A1),smb,5,\n-2+3 Corp,,smb,7,\n'
    )
    assert loopkeeper(tmp_path, "customers", "import", csv_file(tmp_path, rows)).returncode == 0
    console = "/loop commit -2+3 Corp: =1+1 by tomorrow\n"
    assert loopkeeper(tmp_path, "console", "--as", "@alice", stdin=console).returncode == 0

    exported = loopkeeper(tmp_path, "customers", "export", "-")
    assert exported.returncode == 0, exported.stderr
    cells = [cell for line in exported.stdout.splitlines()[1:] for cell in line.split(",")]
    assert cells and not any(cell.lstrip('"').startswith(("=", "+", "-", "@")) for cell in cells)
    report = loopkeeper(tmp_path, "report", "loops", "--format", "csv")
    assert report.returncode == 0, report.stderr
    assert "'=1+1" in report.stdout and "'-2+3 Corp" in report.stdout

    again = tmp_path / "again"
    again.mkdir()
    back = csv_file(again, exported.stdout.split("\n", 1)[1])
    assert loopkeeper(again, "customers", "import", back).returncode == 0
    names = loopkeeper(again, "customers", "export", "-").stdout
    assert names == exported.stdout  # the quote marks come off on import, and go on again


@pytest.mark.parametrize(
    ("body", "said"),
    [
        ("Initech,,smb,9,\nHooli,,not one word!,5,\n", "line 3"),  # the segment chat refuses
        (b"Initech,,smb,9,\nM\xfcller GmbH,,smb,5,\n", "not UTF-8"),
        ("Initech,,smb,9,\n" + "Hooli," + "a" * 200_000 + ",smb,5,\n", "line 3"),
        ('Initech,,smb,9,\n"Hooli,,smb,5,\nPied Piper,,smb,1,\n', "not well-formed CSV"),
        ("Initech," + ";".join(f"w{n}" for n in range(60)) + ",smb,9,\n", "at most"),
        ("Initech " + "word " * 1000 + ",,smb,9,\n", "too long"),
    ],
    ids=["segment", "not-utf8", "field-over-128k", "unclosed-quote", "many-aliases", "long-name"],
)
def test_a_broken_csv_is_one_line_and_imports_nothing(
    tmp_path: Path, body: str | bytes, said: str
) -> None:
    """Catches: non-UTF-8 files and fields over 128 KB printing tracebacks, an unclosed quote
    silently merging rows, and import skipping the segment and alias checks chat applies."""
    result = loopkeeper(tmp_path, "customers", "import", csv_file(tmp_path, body))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and result.stderr.strip().count("\n") == 0
    assert said in result.stderr and "nothing was imported" in result.stderr
    exported = loopkeeper(tmp_path, "customers", "export", "-")
    assert exported.stdout.strip() == HEADER.strip()


def test_an_alias_that_repeats_the_name_is_not_a_database_error(tmp_path: Path) -> None:
    """Catches: `Foo,foo` (an alias equal to the name in another case) raising IntegrityError
    with a traceback."""
    result = loopkeeper(tmp_path, "customers", "import", csv_file(tmp_path, "Foo,foo;FOO,smb,1,\n"))
    assert result.returncode == 0, result.stderr
    assert "Foo,,smb,1," in loopkeeper(tmp_path, "customers", "export", "-").stdout


def test_direction_controls_never_reach_the_terminal(tmp_path: Path) -> None:
    """Catches (item 9): an RTL override (U+202E) or zero-width space in a customer's name or a
    loop printed by `report` and the console as typed."""
    rows = "Evil\u202egpj.exe Corp,,smb,5,\n"
    assert loopkeeper(tmp_path, "customers", "import", csv_file(tmp_path, rows)).returncode == 0
    said = "/loop commit gpj.exe: re\u200bview\u202eit\n/loop list all\n"
    console = loopkeeper(tmp_path, "console", "--as", "alice", stdin=said)
    report = loopkeeper(tmp_path, "report", "customers", COLUMNS="300")
    for out in (console.stdout, report.stdout):
        assert "gpj.exe" in out and not any(c in out for c in "\u202e\u200b")
