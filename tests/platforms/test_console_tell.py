"""`tell` in the console: the answer is printed as a post in the customer's channel, the loop
closes as told with the post in its history, and "How did we do?" follows in the thread."""

from __future__ import annotations

from sqlmodel import select

from handlers.context import Deps
from storage.models import Loop
from tests.platforms.test_console import Chat


def test_tell_posts_in_the_linked_channel_and_closes_the_loop(sqlite_deps: Deps) -> None:
    chat = Chat(sqlite_deps, "admin")
    chat.say("/loop customer add ACME")
    chat.say("/loop commit ACME: ship SSO by Friday")
    refused = chat.say("/loop tell 1 SSO is live")
    assert "no linked channel" in refused and "told 1 how" in refused
    with sqlite_deps.uow() as uow:
        loop = uow.session.exec(select(Loop)).one()
        uow.channel_links.link(loop.workspace_id, "acme-shared", loop.customer_id, "admin",
                               loop.created_at)  # fmt: skip
        uow.commit()
    shown = chat.say("/loop tell 1 SSO is live")
    assert "— #acme-shared —\nSSO is live" in shown
    assert "— #acme-shared (in the thread) —" in shown and "How did we do?" in shown
    assert "has been told" in shown and "console://acme-shared/" in shown
    assert "[12] 5" in shown
    assert "for the customer" in chat.say("12")  # the "5" button: we do not rate ourselves
