"""The Alembic migrations build exactly the schema the code declares, on both databases."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from publisher.store import SqlStore
from publisher.store.tables import metadata


def test_migrated_schema_matches_the_tables(store: SqlStore) -> None:
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_migrating_twice_changes_nothing(store: SqlStore) -> None:
    store.migrate()
    store.migrate()
    with store.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() is not None


def test_head_read_from_the_files_is_alembics_head(store: SqlStore) -> None:
    from alembic.script import ScriptDirectory

    from publisher.store.migrate import alembic_config, current_revision, head_revision

    script = ScriptDirectory.from_config(alembic_config(store.engine))
    assert head_revision() == script.get_current_head() == current_revision(store.engine)
