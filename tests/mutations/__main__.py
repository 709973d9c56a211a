"""Break the code on purpose, one breakage per scratch copy, and check the tests that name it fail.

    .venv/bin/python -m tests.mutations            # every mutation in catalogue.py
    .venv/bin/python -m tests.mutations replicas   # the ones whose name contains a word
    .venv/bin/python -m tests.mutations --list
    .venv/bin/python -m tests.mutations --show sweep   # with pytest's output of each

Each mutation is applied to a scratch copy of the repository of its own (never to this one;
as many side by side as there are cores), the tests it names run there, and every one of them
must FAIL (an error in setup does not count). A mutation whose old text is no longer in its
file stops the run: the code moved, so retarget the entry in catalogue.py. Exit status: 0 all
caught, 1 some breakage went unnoticed, 2 an entry no longer applies.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.mutations.catalogue import MUTATIONS, Mutation

REPO = Path(__file__).resolve().parents[2]
SKIP = shutil.ignore_patterns(
    ".git", ".venv", "__pycache__", ".pytest_cache", ".ruff_cache", "*.db", "*.egg-info"
)
FAILED = re.compile(r"^FAILED (\S+)", re.MULTILINE)


class Stale(Exception):
    """An edit's old text is not (exactly once) in its file any more."""


def apply(scratch: Path, mutation: Mutation) -> None:
    """Apply every edit of `mutation` in `scratch` (a copy of its own)."""
    for edit in mutation.edits:
        path = scratch / edit.path
        if not path.exists():
            raise Stale(f"{mutation.name}: {edit.path} does not exist any more")
        text = path.read_text()
        found = text.count(edit.old)
        if found != 1:
            where = "is not in" if found == 0 else f"is {found} times in"
            raise Stale(f"{mutation.name}: the old text {where} {edit.path}:\n{edit.old}")
        path.write_text(text.replace(edit.old, edit.new))


def caught(failed: list[str], named: str) -> bool:
    """Whether the test `named` (a node id; its parametrized cases count) failed."""
    return any(node == named or node.startswith(named + "[") for node in failed)


def run(scratch: Path, mutation: Mutation) -> tuple[list[str], list[str], float, str]:
    """(named tests that failed, named tests that passed, seconds, pytest's output tail)."""
    started = time.monotonic()
    command = [sys.executable, "-m", "pytest", "-q", "-rf", "-n", "0", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [*command, *mutation.caught_by],
        cwd=scratch,
        capture_output=True,
        text=True,
        timeout=600,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    failed = FAILED.findall(result.stdout)
    hit = [name for name in mutation.caught_by if caught(failed, name)]
    missed = [name for name in mutation.caught_by if name not in hit]
    if result.returncode not in (0, 1):  # collection or usage errors: nothing was judged
        missed = list(mutation.caught_by)
    return hit, missed, time.monotonic() - started, result.stdout[-3000:] + result.stderr[-2000:]


def judge(mutation: Mutation) -> tuple[list[str], list[str], float, str] | Stale:
    """Apply `mutation` to a scratch copy of its own and run the tests it names there (so
    mutations can be judged side by side, one per core)."""
    scratch = Path(tempfile.mkdtemp(prefix="lk-mutations-")) / "repo"
    try:
        shutil.copytree(REPO, scratch, ignore=SKIP)
        try:
            apply(scratch, mutation)
        except Stale as stale:
            return stale
        return run(scratch, mutation)
    finally:
        shutil.rmtree(scratch.parent, ignore_errors=True)


def main(words: list[str]) -> int:
    show = "--show" in words
    if "--list" in words:
        for mutation in MUTATIONS:
            print(f"{mutation.name}: {mutation.breakage}\n    " + "\n    ".join(mutation.caught_by))
        return 0
    words = [w for w in words if not w.startswith("--")]
    chosen = [m for m in MUTATIONS if not words or any(w in m.name for w in words)]
    if not chosen:
        print(f"no mutation matches {words}")
        return 2
    workers = max(1, min(len(chosen), os.cpu_count() or 1))
    survived, began = [], time.monotonic()
    with ThreadPoolExecutor(workers) as pool:
        for mutation, outcome in zip(chosen, pool.map(judge, chosen), strict=True):
            if isinstance(outcome, Stale):
                print(f"STALE  {outcome}")
                return 2
            hit, missed, seconds, output = outcome
            verdict = "caught" if not missed else "SURVIVED"
            print(f"{verdict:8} {mutation.name} ({seconds:.0f} s): {mutation.breakage}", flush=True)
            for name in hit:
                print(f"         fails: {name}")
            for name in missed:
                print(f"         PASSED (should fail): {name}")
            if missed:
                survived.append(mutation.name)
            if missed or show:
                print(output)
    print(
        f"{len(chosen) - len(survived)} of {len(chosen)} breakages caught "
        f"in {time.monotonic() - began:.0f} s" + (f"; survived: {survived}" if survived else "")
    )
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
