"""config/subscribers.toml → the subscriptions table (rows with origin='config')."""

from __future__ import annotations

import hashlib
import tomllib
from pathlib import Path

from pydantic import ValidationError
from sqlalchemy import delete, select, update

from publisher.errors import ConfigError
from publisher.push.signing import new_secret
from publisher.push.subscriptions import SubscriptionIn, SubscriptionRepo
from publisher.store import tables as t


def load_subscribers(path: Path) -> list[SubscriptionIn]:
    """`[[subscriber]]` tables; a missing file means none. No id: one from the URL."""
    if not path.is_file():
        return []
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        subs = [SubscriptionIn.model_validate(s) for s in raw.get("subscriber", [])]
    except (tomllib.TOMLDecodeError, ValidationError) as e:
        raise ConfigError(f"bad subscribers file: {e}", key=str(path)) from e
    out = []
    for s in subs:
        sid = s.id or "cfg_" + hashlib.sha256(s.url.encode()).hexdigest()[:16]
        out.append(s.model_copy(update={"id": sid}))
    if len({s.id for s in out}) != len(out):
        raise ConfigError("two subscribers share an id", key=str(path))
    return out


def sync_config(repo: SubscriptionRepo, path: Path) -> list[str]:
    """Make the config-origin rows equal the file. A generated secret is kept across
    syncs (the file gives none); rows added through the API are never touched."""
    wanted = load_subscribers(path)
    sub = t.subscriptions
    with repo.store.tx() as conn:
        existing = {r.id: r for r in conn.execute(select(sub.c.id, sub.c.origin, sub.c.secret))}
        for s in wanted:
            assert s.id is not None
            old = existing.get(s.id)
            if old is not None and old.origin != "config":
                raise ConfigError("id already used by an API subscription", key=s.id)
            values = s.model_dump(exclude={"id", "secret"})
            if old is None:
                conn.execute(sub.insert().values(
                    id=s.id, secret=s.secret or new_secret(), origin="config",
                    created_at=repo.clock.now(), **values))
            else:
                if s.enabled:  # an endpoint disabled for failing stays so until re-enabled
                    values.pop("enabled")
                if s.secret and s.secret != old.secret:
                    values["secret"] = s.secret
                conn.execute(update(sub).where(sub.c.id == s.id).values(**values))
        gone = [i for i, r in existing.items()
                if r.origin == "config" and i not in {s.id for s in wanted}]
        if gone:
            conn.execute(delete(sub).where(sub.c.id.in_(gone)))
    return [s.id for s in wanted if s.id]
