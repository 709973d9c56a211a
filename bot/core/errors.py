"""The small family of errors a user can read. Anything else is a bug."""

from __future__ import annotations


class UserError(Exception):
    """Something the user can fix; `message` is shown to them as it is."""

    def __init__(self, message: str, suggestions: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.suggestions = suggestions or []

    def __str__(self) -> str:
        return self.message


class NotFound(UserError):
    """A loop, customer or user that does not exist (in this workspace)."""


class NotAllowed(UserError):
    """The caller may not do this (see PRODUCT.md: who may do what)."""


class BadInput(UserError):
    """The words could not be understood; the message says what was understood."""


class Conflict(UserError):
    """The thing already exists or is in a state that forbids the change."""
