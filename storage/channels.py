"""Customer channels: which chat channel belongs to which customer."""

from __future__ import annotations

from datetime import datetime

import sqlalchemy as sa
from sqlmodel import col, select

from storage.models import ChannelLink, Customer
from storage.repos import _Repo, insert_ignore


class ChannelLinkRepo(_Repo):
    def link(
        self, workspace_id: int, channel: str, customer_id: int, linked_by: str, at: datetime
    ) -> ChannelLink:
        """Link `channel` to the customer; a channel linked before now belongs to this one."""
        values = {"customer_id": customer_id, "linked_by": linked_by, "linked_at": at}
        # Insert-or-skip, then update: two people linking at once both end on one row.
        insert_ignore(
            self.session, ChannelLink, {"workspace_id": workspace_id, "channel": channel, **values}
        )
        self.session.execute(
            sa.update(ChannelLink)
            .where(_is(workspace_id, channel))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        found = self.for_channel(workspace_id, channel)
        assert found is not None
        self.session.refresh(found)
        return found

    def unlink(self, workspace_id: int, channel: str) -> bool:
        """Unlink `channel`; False when it was not linked."""
        gone = self.session.execute(sa.delete(ChannelLink).where(_is(workspace_id, channel)))
        return gone.rowcount > 0

    def for_channel(self, workspace_id: int, channel: str) -> ChannelLink | None:
        return self.session.exec(select(ChannelLink).where(_is(workspace_id, channel))).first()

    def for_channels(self, workspace_id: int, channels: set[str]) -> dict[str, ChannelLink]:
        """The links of those of `channels` that are linked (one query for a burst)."""
        if not channels:
            return {}
        rows = self.session.exec(
            select(ChannelLink).where(
                ChannelLink.workspace_id == workspace_id, col(ChannelLink.channel).in_(channels)
            )
        ).all()
        return {link.channel: link for link in rows}

    def for_customer(self, workspace_id: int, customer_id: int) -> list[ChannelLink]:
        return list(
            self.session.exec(
                select(ChannelLink)
                .where(
                    ChannelLink.workspace_id == workspace_id,
                    ChannelLink.customer_id == customer_id,
                )
                .order_by(col(ChannelLink.id))
            ).all()
        )

    def all(self, workspace_id: int) -> list[tuple[ChannelLink, str]]:
        """Every link of the workspace with its customer's name, by name then channel."""
        rows = self.session.exec(
            select(ChannelLink, Customer.name)
            .join(Customer, col(Customer.id) == col(ChannelLink.customer_id))
            .where(ChannelLink.workspace_id == workspace_id)
            .order_by(col(Customer.name_key), col(ChannelLink.channel))
        ).all()
        return [(link, name) for link, name in rows]


def _is(workspace_id: int, channel: str) -> sa.ColumnElement[bool]:
    return sa.and_(
        col(ChannelLink.workspace_id) == workspace_id, col(ChannelLink.channel) == channel
    )
