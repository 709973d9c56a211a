"""Matching: the time to find customers in one chat message, with 10,000 customers' aliases.

The messages are the labelled corpus of tests/core/matching_corpus.txt (realistic chat lines)
and the same lines run together thirty at a time (about 200 words). Each is matched against
10 customers and against 10,000 (about 30,000 aliases: names of one to three words, domains,
short and everyday-word aliases), best of several rounds. The floor is splitting the same
messages into words, which any matcher must do. Target: with 10,000 customers, at most 3x the
time with 10 (the work grows with the words of a message, not with the number of aliases).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from pathlib import Path

from bot.core.matching import CustomerMatcher, words

TARGET = 3.0
CORPUS = Path(__file__).resolve().parents[1] / "tests/core/matching_corpus.txt"
SYLLABLES = "ac me glo bex ini tech or bit sum mit zen ith hoo li vand el ay cob alt stor nor wind"


def corpus_lines() -> list[str]:
    """The chat lines of the corpus (what follows its `[lines]` heading), without labels."""
    text = CORPUS.read_text(encoding="utf-8").split("[lines]\n", 1)[1]
    return [row.partition(" | ")[2] for row in text.splitlines() if " | " in row]


def roster(count: int, seed: int = 14) -> list[tuple[int, str]]:
    """(customer id, alias) for `count` made-up customers, three aliases each on average."""
    rng = random.Random(seed)
    parts = SYLLABLES.split()
    everyday = ["Summit", "Orbit", "Beacon", "Atlas", "Prime", "Falcon", "Sterling", "Zenith"]
    aliases: list[tuple[int, str]] = []
    for customer in range(count):
        stem = "".join(rng.choice(parts) for _ in range(3)).capitalize() + str(customer)
        aliases += [
            (customer, stem),
            (customer, f"{stem} Holdings Group"),
            (customer, f"{stem}.com"),
        ]
        if customer % 50 == 0:
            aliases.append((customer, f"{rng.choice(everyday)}{customer}"))
        if customer % 97 == 0:
            aliases.append((customer, stem[:2].upper() + str(customer % 10)))
    return aliases


def best_seconds(work, messages: list[str], rounds: int) -> float:  # noqa: ANN001
    """The best of `rounds` timings of `work` over every message."""
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        for message in messages:
            work(message)
        timings.append(time.perf_counter() - started)
    return min(timings)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--customers", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    lines = corpus_lines()
    long = [" ".join(lines[i : i + 30]) for i in range(0, len(lines) - 30, 30)]
    few, many = CustomerMatcher(roster(10)), CustomerMatcher(roster(args.customers))
    print(
        f"| messages | words per message | floor (words only) | 10 customers | "
        f"{args.customers:,} customers ({len(many):,} aliases) |"
    )
    print("|---|---|---|---|---|")
    ratios = []
    for label, messages in (("chat lines", lines), ("30 lines run together", long)):
        mean_words = statistics.mean(len(words(m)) for m in messages)
        floor = best_seconds(words, messages, args.rounds) / len(messages)
        small = best_seconds(few.find, messages, args.rounds) / len(messages)
        large = best_seconds(many.find, messages, args.rounds) / len(messages)
        ratios.append(large / small)
        print(
            f"| {label} ({len(messages)}) | {mean_words:.0f} | {floor * 1e6:.1f} µs | "
            f"{small * 1e6:.1f} µs | {large * 1e6:.1f} µs |"
        )
    worst = max(ratios)
    print(
        f"matching: {args.customers:,} customers take {worst:.2f}x the time of 10 "
        f"(target <= {TARGET}x) {'OK' if worst <= TARGET else 'MISSED'}"
    )
    return 0 if worst <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
