"""Feedback kind and sentiment from its words, and commitment language in chat."""

from __future__ import annotations

import re

from bot.core.matching import words

KINDS = ("request", "problem", "praise", "question", "risk", "other")

_KIND_WORDS: list[tuple[str, re.Pattern[str]]] = [
    (
        "risk",
        re.compile(
            r"\b(churn\w*|cancel+(ing|ed|ation)?|leav(e|ing)|switch(ing)? to|competitor\w*|renewal|"
            r"not renew\w*|unhappy|frustrat\w*|escalat\w*|terminate|legal|lawyer|refund)\b"
        ),
    ),
    (
        "problem",
        re.compile(
            r"\b(bugs?|broken|breaks?|error\w*|crash\w*|fail\w*|issues?|problems?|can'?t|cannot|"
            r"doesn'?t work|not working|slow|down|outage|wrong|stuck|timeout\w*|lost|missing)\b"
        ),
    ),
    (
        "request",
        re.compile(
            r"\b(would like|wish|wants?|needs?|feature|please add|could you|request\w*|"
            r"support for|integration|add(ing)? an?|roadmap|asked for|asks for)\b"
        ),
    ),
    ("question", re.compile(r"(\?\s*$)|^(how|what|why|when|where|who|can|does|is|are|do)\b")),
    (
        "praise",
        re.compile(
            r"\b(love[sd]?|great|awesome|thanks?|thank you|happy|amazing|excellent|fantastic|"
            r"delighted|impressed|kudos|nice|well done)\b"
        ),
    ),
]

_POSITIVE = {
    "love",
    "loves",
    "loved",
    "great",
    "awesome",
    "thanks",
    "thank",
    "happy",
    "amazing",
    "excellent",
    "fantastic",
    "delighted",
    "impressed",
    "kudos",
    "nice",
    "good",
    "glad",
    "perfect",
    "smooth",
    "fast",
    "easy",
    "helpful",
    "pleased",
    "works",
    "resolved",
}
_NEGATIVE = {
    "bug",
    "bugs",
    "broken",
    "error",
    "errors",
    "crash",
    "crashes",
    "fail",
    "fails",
    "failed",
    "failing",
    "slow",
    "down",
    "outage",
    "wrong",
    "stuck",
    "unhappy",
    "frustrated",
    "frustrating",
    "angry",
    "annoyed",
    "churn",
    "cancel",
    "leaving",
    "terrible",
    "awful",
    "bad",
    "worse",
    "worst",
    "hate",
    "lost",
    "missing",
    "problem",
    "problems",
    "issue",
    "issues",
    "disappointed",
    "confusing",
    "expensive",
    "can't",
    "cannot",
    "refund",
}
_NEGATORS = {"not", "no", "never", "don't", "doesn't", "isn't", "wasn't", "won't"}

_COMMITMENT = re.compile(
    r"\b(we'll|we will|i'll|i will|we're going to|we are going to|i'm going to|"
    r"will get back|promised?|commit(ted)? to|we can have it|expect it)\b",
    re.IGNORECASE,
)


def feedback_kind(text: str) -> str:
    """The kind of a piece of feedback: risk, problem, request, question, praise or other."""
    lowered = text.lower().replace("’", "'")
    for kind, pattern in _KIND_WORDS:
        if pattern.search(lowered):
            return kind
    return "other"


def sentiment(text: str) -> float:
    """A score from -1 (angry) to 1 (delighted): counted words, negation flips the next one."""
    score = 0
    flip = False
    tokens = words(text.replace("’", "'").replace("n't", " not"))
    for token in tokens:
        if token in _NEGATORS:
            flip = True
            continue
        value = (token in _POSITIVE) - (token in _NEGATIVE)
        score += -value if flip else value
        if value:
            flip = False
    if not score:
        return 0.0
    return max(-1.0, min(1.0, score / 3))


def has_commitment(text: str) -> bool:
    """Whether a chat message promises something ("we'll ship it by Friday")."""
    return bool(_COMMITMENT.search(text.replace("’", "'")))


_PROMISE_WORDS = re.compile(
    r"\b(?:we'll|we will|i'll|i will|we're going to|we are going to|i'm going to|we can|"
    r"(?:we |i )?promised? to|(?:we |i )?commit(?:ted)? to|we'd like to|we want to)\s+",
    re.IGNORECASE,
)
_OPENING = re.compile(
    r"^(?:(?:uh+|um+|erm?|hm+|ok(?:ay)?|so|well|hey|hi|hello|yeah|yes|right|fyi|btw|oh|ah|"
    r"and|also|update|heads up|i think|i guess|i believe|quick note)\b[\s,:;!-]*|"
    r"<[@#][^>]+>[\s,:]*|@[\w.-]+[\s,:]*)+",
    re.IGNORECASE,
)
_HEDGE = re.compile(
    r"^(?:(?:try to|try and|make sure to|be sure to|definitely|probably|hopefully|also|"
    r"then|just|go ahead and|aim to|finally|quickly)\s+)+",
    re.IGNORECASE,
)
_CLOSING = re.compile(
    r"(?:[\s,;:-]+(?:for you|thanks|thank you|thx|ty|promise|sorry|cheers|please|hopefully|"
    r"if possible|at the latest|latest|at latest|ok|okay|as promised|as discussed)\b)+[\s.!]*$",
    re.IGNORECASE,
)
# A comma that starts another clause ("…, sorry about that"), not a list ("Acme, Globex").
_NEXT_CLAUSE = re.compile(
    r",\s*(?=(?:sorry|thanks|thank|cheers|promise|hope|let|but|so|and (?:we|i|they|then)|we|"
    r"i|they|it|if|ok|hopefully|just|fyi)\b)|[.!?;\n]\s|[.!?;]$|\n",
    re.IGNORECASE,
)
MAX_TITLE = 200


def promise_title(text: str) -> str:
    """The promise in a chat message, as a loop's title: "uh, we'll fix the CSV export,
    sorry!" -> "fix the CSV export". The date words should already be taken out."""
    text = re.sub(r"\s+", " ", text.replace("’", "'")).strip()
    promise = _PROMISE_WORDS.search(text)
    body = text[promise.end() :] if promise else text
    end = _NEXT_CLAUSE.search(body)
    clause = body[: end.start()] if end else body
    clause = _HEDGE.sub("", _OPENING.sub("", clause.strip()))
    clause = _CLOSING.sub("", clause).strip(" ,;:-.!")
    clause = re.sub(r"\s+([,.!?])", r"\1", clause)
    if not clause:
        return text[:MAX_TITLE]
    return clause if len(clause) <= MAX_TITLE else clause[: MAX_TITLE - 1].rstrip() + "…"
