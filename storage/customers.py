"""Customers and their aliases: added, edited, matched, exported and forgotten."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

import sqlalchemy as sa
from sqlmodel import col, select

from bot.core.matching import alias_key
from storage.models import (
    Change,
    ChannelLink,
    Customer,
    CustomerAlias,
    Feedback,
    Loop,
    LoopEvent,
    Workspace,
)
from storage.repos import (
    _CUSTOMER_NAMES,
    _Repo,
)


class CustomerRepo(_Repo):
    def add(self, customer: Customer, aliases: list[str]) -> Customer:
        self.session.add(customer)
        self.session.flush()
        self._add_aliases(customer, aliases)
        return customer

    def set_aliases(self, customer: Customer, aliases: list[str]) -> None:
        """The customer is known by its name and exactly these aliases from now on."""
        self.session.execute(
            sa.delete(CustomerAlias).where(col(CustomerAlias.customer_id) == customer.id)
        )
        self.session.flush()
        self._add_aliases(customer, aliases)

    def _add_aliases(self, customer: Customer, aliases: list[str]) -> None:
        for alias in dict.fromkeys([customer.name, *aliases]):
            key = alias_key(alias)
            if key:
                self.session.add(
                    CustomerAlias(
                        workspace_id=customer.workspace_id,
                        customer_id=customer.id,
                        alias=alias,
                        alias_key=key,
                    )
                )
        self._aliases_changed(customer.workspace_id)
        self.session.flush()

    def get(self, customer_id: int) -> Customer | None:
        return self.session.get(Customer, customer_id)

    def by_key(self, workspace_id: int, name: str) -> Customer | None:
        """The customer whose name or alias is `name` (any case, any punctuation)."""
        key = alias_key(name)
        if not key:
            return None
        return self.session.exec(
            select(Customer)
            .join(CustomerAlias, col(CustomerAlias.customer_id) == col(Customer.id))
            .where(CustomerAlias.workspace_id == workspace_id, CustomerAlias.alias_key == key)
        ).first()

    def alias_owner(self, workspace_id: int, alias: str) -> Customer | None:
        return self.by_key(workspace_id, alias)

    def aliases(self, workspace_id: int) -> list[tuple[int, str]]:
        """(customer id, alias) for every active alias: what the matcher is built from."""
        rows = self.session.exec(
            select(CustomerAlias.customer_id, CustomerAlias.alias)
            .join(Customer, col(Customer.id) == col(CustomerAlias.customer_id))
            .where(CustomerAlias.workspace_id == workspace_id, Customer.erased_at == None)  # noqa: E711
            .order_by(CustomerAlias.id)
        ).all()
        return [(cid, alias) for cid, alias in rows]

    def aliases_of(self, customer_id: int) -> list[str]:
        return list(
            self.session.exec(
                select(CustomerAlias.alias)
                .where(CustomerAlias.customer_id == customer_id)
                .order_by(CustomerAlias.id)
            ).all()
        )

    def aliases_version(self, workspace_id: int) -> int:
        """Changes whenever an alias is added or removed: the matcher cache's key."""
        return self.session.exec(
            select(Workspace.alias_version).where(Workspace.id == workspace_id)
        ).one()

    def _aliases_changed(self, workspace_id: int) -> None:
        self.session.execute(
            sa.update(Workspace)
            .where(col(Workspace.id) == workspace_id)
            .values(alias_version=Workspace.alias_version + 1)
        )

    def names(self, workspace_id: int) -> list[str]:
        return list(
            self.session.exec(
                select(Customer.name).where(Customer.workspace_id == workspace_id)
            ).all()
        )

    def all(self, workspace_id: int) -> Sequence[Customer]:
        return self.session.exec(
            select(Customer)
            .where(Customer.workspace_id == workspace_id)
            .order_by(col(Customer.value).desc(), Customer.name_key)
        ).all()

    def names_by_id(self, ids: set[int]) -> dict[int, str]:
        """Customer id -> name for these ids."""
        if not ids:
            return {}
        rows = self.session.connection().execute(_CUSTOMER_NAMES, {"ids": list(ids)})
        return {cid: name for cid, name in rows}

    def by_ids(self, ids: set[int]) -> dict[int, Customer]:
        if not ids:
            return {}
        rows = self.session.exec(select(Customer).where(col(Customer.id).in_(ids))).all()
        return {c.id: c for c in rows}  # type: ignore[misc]

    def save(self, customer: Customer) -> None:
        self.session.add(customer)
        self.session.flush()

    def _forget_changes(self, cid: int, loop_ids: sa.Select) -> None:
        """Changes keep what they replaced (words, names) for undo: a forgotten customer's go."""
        feedback_ids = select(Feedback.id).where(Feedback.customer_id == cid)
        self.session.execute(
            sa.delete(Change).where(
                (col(Change.customer_id) == cid)
                | ((col(Change.target) == "customer") & (col(Change.target_id) == cid))
                | ((col(Change.target) == "loop") & col(Change.target_id).in_(loop_ids))
                | ((col(Change.target) == "feedback") & col(Change.target_id).in_(feedback_ids))
            )
        )

    def remove_unused(self, customer: Customer) -> bool:
        """Delete a customer nothing was recorded for yet (an add undone); False when it has
        feedback or loops by now."""
        cid = customer.id
        used = self.session.exec(select(Feedback.id).where(Feedback.customer_id == cid)).first()
        used = used or self.session.exec(select(Loop.id).where(Loop.customer_id == cid)).first()
        if used is not None:
            return False
        self.session.execute(
            sa.delete(Change).where(
                (col(Change.customer_id) == cid)
                | ((col(Change.target) == "customer") & (col(Change.target_id) == cid))
            )
        )
        self.session.execute(sa.delete(CustomerAlias).where(col(CustomerAlias.customer_id) == cid))
        self.session.execute(sa.delete(ChannelLink).where(col(ChannelLink.customer_id) == cid))
        self._aliases_changed(customer.workspace_id)
        self.session.delete(customer)
        self.session.flush()
        return True

    def erase(self, customer: Customer, now: datetime) -> dict[str, int]:
        """Erase the customer's words and personal data; rows stay so counts stay."""
        cid = customer.id
        # A message that named this customer and others was stored once per customer: each
        # copy, and the loops made from a copy, quote the forgotten customer's words too.
        messages = self.session.execute(
            sa.select(Feedback.channel, Feedback.message_ts).where(
                col(Feedback.customer_id) == cid, col(Feedback.message_ts).is_not(None)
            )
        ).all()
        copies = [
            fid
            for batch in _chunks(messages, 200)
            for fid in self.session.execute(
                sa.select(Feedback.id).where(
                    col(Feedback.workspace_id) == customer.workspace_id,
                    sa.tuple_(Feedback.channel, Feedback.message_ts).in_(batch),
                )
            ).scalars()
        ]
        mine = col(Feedback.customer_id) == cid
        counts = {
            "feedback": self.session.execute(
                sa.update(Feedback)
                .where(sa.or_(mine, col(Feedback.id).in_(copies)) if copies else mine)
                .values(text="[erased]", author="", permalink=None)
            ).rowcount,
        }
        loops = col(Loop.customer_id) == cid
        if copies:
            loops = sa.or_(loops, col(Loop.feedback_id).in_(copies))
        self._forget_changes(cid, select(Loop.id).where(loops))  # type: ignore[arg-type]
        loop_ids = list(self.session.execute(sa.select(Loop.id).where(loops)).scalars())
        counts["loops"] = self.session.execute(
            sa.update(Loop).where(loops).values(what="[erased]", cancel_reason=None)
        ).rowcount
        counts["aliases"] = self.session.execute(
            sa.delete(CustomerAlias).where(col(CustomerAlias.customer_id) == cid)
        ).rowcount
        # A forgotten customer's channel is no longer theirs: what is said there is nobody's.
        counts["channels"] = self.session.execute(
            sa.delete(ChannelLink).where(col(ChannelLink.customer_id) == cid)
        ).rowcount
        for batch in _chunks(loop_ids, 500):
            self.session.execute(
                sa.update(LoopEvent).where(col(LoopEvent.loop_id).in_(batch)).values(note=None)
            )
        # The key has a colon, which no typed name's key has: the name stays free to reuse.
        customer.name, customer.name_key = f"erased customer {cid}", f"erased:{cid}"
        customer.owner, customer.erased_at, customer.status = None, now, "erased"
        self._aliases_changed(customer.workspace_id)
        self.save(customer)
        return counts


def _chunks(items: Sequence, size: int) -> list[list]:
    """`items` in lists of at most `size` (a database takes only so many parameters)."""
    return [list(items[i : i + size]) for i in range(0, len(items), size)]
