"""CI runs what the README tells people to run: its test command, verbatim, in .ci/run."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    return re.findall(r"```bash\n(.+?)\n```", (REPO / "README.md").read_text())


def test_the_readme_opens_with_two_commands_that_make_their_own_environment() -> None:
    console, tests = readme_commands()[:2]
    for command in (console, tests):  # a plain Debian's pip refuses to install outside one
        assert command.startswith("python3 -m venv .venv && .venv/bin/pip install -e ")
    assert console.endswith(".venv/bin/loopkeeper console --as alice")
    assert tests.endswith(".venv/bin/python -m pytest -q")


def test_ci_runs_the_readme_test_command_verbatim_and_fails_loudly() -> None:
    script = (REPO / ".ci" / "run").read_text()
    assert readme_commands()[1] in script
    assert "export CI=1" in script and "-rs" in script and "set -euo pipefail" in script
    assert '"$status" -eq 5' in script  # pytest's "no tests collected" is a failure
    assert "python -m tests.mutations" in script
