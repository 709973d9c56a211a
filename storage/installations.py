"""Slack OAuth installs in our database: slack_sdk's SQLAlchemy installation and state stores on
our engine and our migrated tables, every token sealed at rest.

Tokens are sealed with MultiFernet under keys derived from LOOPKEEPER_SECRET_KEY: the first key
seals, every key listed opens, so a new key put first rotates it without losing an install.
Sealing happens in the token columns' type, so every query the SDK's store makes (save, find,
delete) reads and writes sealed values without knowing it.
"""

from __future__ import annotations

import base64
import logging
from collections.abc import Sequence

import sqlalchemy as sa
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from slack_sdk.oauth.installation_store.models.bot import Bot
from slack_sdk.oauth.installation_store.sqlalchemy import SQLAlchemyInstallationStore
from slack_sdk.oauth.state_store.sqlalchemy import SQLAlchemyOAuthStateStore
from sqlalchemy.engine import Engine
from sqlalchemy.types import TypeDecorator

log = logging.getLogger(__name__)

TOKEN_COLUMNS = ("bot_token", "bot_refresh_token", "user_token", "user_refresh_token")
STATE_SECONDS = 600  # an "Add to Slack" click is good for ten minutes
_PURPOSE = b"loopkeeper: slack tokens at rest"


def token_cipher(keys: Sequence[str]) -> MultiFernet:
    """A MultiFernet over one Fernet key derived (HKDF-SHA256) from each secret, newest first:
    any secret of any length can be a key, and the review links' use of it stays apart."""
    if not keys:
        raise ValueError("no LOOPKEEPER_SECRET_KEY to seal Slack tokens with")
    fernets = []
    for key in keys:
        derived = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=_PURPOSE).derive(
            key.encode()
        )
        fernets.append(Fernet(base64.urlsafe_b64encode(derived)))
    return MultiFernet(fernets)


class SealedToken(TypeDecorator):
    """A token column: sealed on the way in, opened on the way out."""

    impl = sa.String
    cache_ok = True

    def __init__(self, cipher: MultiFernet) -> None:
        super().__init__()
        self.cipher = cipher

    def process_bind_param(self, value, dialect):  # noqa: ANN001, ANN201
        if value is None:
            return None
        return self.cipher.encrypt(str(value).encode()).decode()

    def process_result_value(self, value, dialect):  # noqa: ANN001, ANN201
        if value is None:
            return None
        try:
            return self.cipher.decrypt(value.encode()).decode()
        except InvalidToken:
            # Sealed with a key no longer listed: as good as no token (the workspace reinstalls).
            log.error("a stored Slack token can't be opened with LOOPKEEPER_SECRET_KEY's keys")
            return None


class Installations(SQLAlchemyInstallationStore):
    """slack_sdk's installation store on our tables (storage/migrations), tokens sealed."""

    def __init__(self, client_id: str, engine: Engine, keys: Sequence[str]) -> None:
        super().__init__(client_id=client_id, engine=engine)
        sealed = SealedToken(token_cipher(keys))
        for table in (self.installations, self.bots):
            for name in TOKEN_COLUMNS:
                if name in table.c:
                    table.c[name].type = sealed

    def bot_for_workspace(self, team_id: str, enterprise_id: str | None) -> Bot | None:
        """The bot serving a workspace: its own install's, else its org's org-wide install's."""
        c = self.bots.c
        query = (
            self.bots.select()
            .where(c.client_id == self.client_id, c.team_id == team_id, c.bot_token.is_not(None))
            .order_by(sa.desc(c.installed_at))
            .limit(1)
        )
        with self.engine.connect() as conn:
            row = conn.execute(query).mappings().first()
        if row is not None:
            return self.build_bot_entity(row)
        if enterprise_id:
            return self.find_bot(
                enterprise_id=enterprise_id, team_id=None, is_enterprise_install=True
            )
        return None

    def reseal(self) -> int:
        """Seal every stored token again with the newest key (after a key was put first), so
        the old key can then be dropped. Returns how many rows were rewritten."""
        count = 0
        with self.engine.begin() as conn:
            for table in (self.installations, self.bots):
                names = [n for n in TOKEN_COLUMNS if n in table.c]
                for row in conn.execute(sa.select(table.c.id, *(table.c[n] for n in names))):
                    # A token no listed key opens reads as None: left as it is, not erased.
                    values = {n: getattr(row, n) for n in names if getattr(row, n) is not None}
                    if values:
                        conn.execute(table.update().where(table.c.id == row.id).values(**values))
                        count += 1
        return count


def oauth_states(engine: Engine) -> SQLAlchemyOAuthStateStore:
    """slack_sdk's state store on our slack_oauth_states table: each state is used once."""
    return SQLAlchemyOAuthStateStore(expiration_seconds=STATE_SECONDS, engine=engine)
