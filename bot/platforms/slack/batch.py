"""Group commit: captures that arrive while a batch is being stored go into the next batch.

A burst of channel messages then costs a few transactions instead of one each, and each request
still waits for its own rows to be committed before it is acknowledged.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, Generic, TypeVar

from bot.platforms.slack.ack_budget import database_error

log = logging.getLogger(__name__)

T = TypeVar("T")
R = TypeVar("R")
MOST = 200  # items per transaction


class GroupCommit(Generic[T, R]):
    """`await submit(item)` returns store([… item …])'s answer for it."""

    def __init__(
        self,
        store: Callable[[list[T]], list[R]],
        run: Callable[..., Awaitable[Any]],
        most: int = MOST,
    ) -> None:
        self.store, self.run, self.most = store, run, most
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []
        self._writer: asyncio.Future[None] | None = None

    async def submit(self, item: T) -> R:
        answer: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, answer))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.ensure_future(self._write())
        return await answer

    async def _write(self) -> None:
        while self._waiting:
            batch, self._waiting = self._waiting[: self.most], self._waiting[self.most :]
            try:
                results = await self.run(self.store, [item for item, _ in batch])
            except Exception as exc:  # noqa: BLE001 - handed to each waiting request
                if database_error(exc) or len(batch) == 1:
                    _fail(batch, exc)
                else:  # one bad item must not fail the others: store them one by one
                    log.warning("a batch of %d failed (%s); storing one by one", len(batch), exc)
                    for one in batch:
                        await self._alone(one)
                continue
            for (_, answer), result in zip(batch, results, strict=True):
                if not answer.done():
                    answer.set_result(result)

    async def _alone(self, one: tuple[T, asyncio.Future[R]]) -> None:
        item, answer = one
        try:
            (result,) = await self.run(self.store, [item])
        except Exception as exc:  # noqa: BLE001 - handed to its request
            _fail([one], exc)
        else:
            if not answer.done():
                answer.set_result(result)


def _fail(batch: list[tuple[Any, asyncio.Future[Any]]], exc: Exception) -> None:
    for _, answer in batch:
        if not answer.done():
            answer.set_exception(exc)
