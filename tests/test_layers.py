"""The tree's import direction: no import circle anywhere, and the layer contracts hold.

Breakage caught: any module importing one that (directly or through others) imports it back,
deferred imports inside functions included (grimp reads every import statement); any import
against the direction bot.core <- bot.settings <- storage <- handlers <- bot.platforms <-
bot.wiring, or between two platforms (the contracts in pyproject.toml).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import grimp

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("bot", "handlers", "storage")


def _cycles() -> list[list[str]]:
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    found: list[list[str]] = []
    modules = sorted(graph.modules)
    for module in modules:
        for imported in graph.find_modules_directly_imported_by(module):
            back = graph.find_shortest_chain(importer=imported, imported=module)
            if back:
                circle = [module, *back]
                if sorted(circle[:-1]) not in (sorted(c[:-1]) for c in found):
                    found.append(circle)
    return found


def test_no_import_circles() -> None:
    circles = _cycles()
    assert circles == [], "import circles:\n" + "\n".join(" -> ".join(c) for c in circles)


def test_layer_contracts_hold() -> None:
    lint = Path(sys.executable).with_name("lint-imports")
    done = subprocess.run(
        [str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
