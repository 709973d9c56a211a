"""The customer matcher against a labelled corpus of chat lines (matching_corpus.txt).

Precision: of the customers the matcher finds, the share a person would say the line names.
Recall: of the customers a person would say a line names, the share the matcher finds.
"""

from __future__ import annotations

from pathlib import Path

from bot.core.matching import CustomerMatcher

CORPUS = Path(__file__).with_name("matching_corpus.txt")
LEAST_PRECISION = 0.97
LEAST_RECALL = 0.95


def corpus() -> tuple[list[tuple[str, list[str]]], list[tuple[set[str], str]]]:
    """The customers (name, aliases) and the lines (names meant, text)."""
    customers: list[tuple[str, list[str]]] = []
    lines: list[tuple[set[str], str]] = []
    section = None
    for line in CORPUS.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        left, _, right = line.partition(" | ")
        if section == "customers":
            name, aliases = line.split("|", 1)
            customers.append((name.strip(), [a.strip() for a in aliases.split(";") if a.strip()]))
        else:
            meant = set() if left.strip() == "-" else {n.strip() for n in left.split(";")}
            lines.append((meant, right))
    return customers, lines


def scores() -> tuple[float, float, list[str]]:
    customers, lines = corpus()
    names = {index: name for index, (name, _) in enumerate(customers)}
    matcher = CustomerMatcher(
        (index, alias)
        for index, (name, aliases) in enumerate(customers)
        for alias in [name, *aliases]
    )
    found_right = found_wrong = missed = 0
    mistakes = []
    for meant, text in lines:
        found = {names[m.customer_id] for m in matcher.find(text)}
        found_right += len(found & meant)
        found_wrong += len(found - meant)
        missed += len(meant - found)
        if found != meant:
            mistakes.append(f"{text!r}: found {sorted(found)}, meant {sorted(meant)}")
    return found_right / (found_right + found_wrong), found_right / (found_right + missed), mistakes


def test_the_corpus_is_big_and_varied_enough_to_mean_something() -> None:
    _, lines = corpus()
    assert len(lines) >= 300
    assert sum(1 for meant, _ in lines if not meant) >= 100  # lines that name nobody
    assert sum(1 for meant, _ in lines if len(meant) > 1) >= 30  # several customers


def test_the_matcher_finds_customers_as_a_person_would() -> None:
    precision, recall, mistakes = scores()
    print(f"matcher: precision {precision:.3f}, recall {recall:.3f}")
    assert precision >= LEAST_PRECISION and recall >= LEAST_RECALL, "\n".join(mistakes)
