"""The Alembic migrations build exactly the schema the code declares, on both databases."""

from __future__ import annotations

from pathlib import Path

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


def test_a_chain_the_plain_reading_cannot_follow_is_left_to_alembic(tmp_path: Path) -> None:
    from publisher.store.migrate import head_revision

    (tmp_path / "0001_a.py").write_text('revision = "a"\ndown_revision = None\n', "utf-8")
    (tmp_path / "0002_b.py").write_text('revision = "b"\ndown_revision = "a"\n', "utf-8")
    assert head_revision(tmp_path) == "b"
    (tmp_path / "0003_c.py").write_text('revision = "c"\ndown_revision = "a"\n', "utf-8")
    assert head_revision(tmp_path) is None  # two heads
    (tmp_path / "0003_c.py").write_text(
        'revision = "c"\ndown_revision = ("a", "b")\n', "utf-8")
    assert head_revision(tmp_path) is None  # a merge revision
    (tmp_path / "0003_c.py").write_text(
        'revision: str = "c"\ndown_revision: str | None = "b"\n', "utf-8")
    assert head_revision(tmp_path) is None  # annotated, as newer Alembic templates write
