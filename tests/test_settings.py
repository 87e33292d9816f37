"""Settings: file, environment overrides, one clear line for a bad value."""

from __future__ import annotations

from pathlib import Path

import pytest

from publisher.errors import ConfigError
from publisher.settings import load_settings


def test_environment_overrides_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cfg = tmp_path / "publisher.toml"
    cfg.write_text('base_url = "http://example.test"\nport = 9000\n', encoding="utf-8")
    monkeypatch.setenv("PUBLISHER_CONFIG", str(cfg))
    monkeypatch.setenv("PUBLISHER_PORT", "9100")
    s = load_settings()
    assert s.base_url == "http://example.test" and s.port == 9100


@pytest.mark.parametrize(("var", "value", "name"), [
    ("PUBLISHER_PORT", "eighty", "port"),
    ("PUBLISHER_PORT", "70000", "port"),
    ("PUBLISHER_BASE_URL", "ftp://x", "base_url"),
    ("PUBLISHER_DATABASE_URL", "mysql://x", "database_url"),
])
def test_bad_value_names_setting_and_value(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, var: str, value: str, name: str
) -> None:
    empty = tmp_path / "publisher.toml"
    empty.write_text("", encoding="utf-8")
    monkeypatch.setenv("PUBLISHER_CONFIG", str(empty))
    monkeypatch.setenv(var, value)
    with pytest.raises(ConfigError) as exc:
        load_settings()
    message = str(exc.value)
    assert name in message and value in message and "\n" not in message


def test_malformed_file_names_the_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    cfg = tmp_path / "publisher.toml"
    cfg.write_text("port = = 1\n", encoding="utf-8")
    monkeypatch.setenv("PUBLISHER_CONFIG", str(cfg))
    with pytest.raises(ConfigError, match=str(cfg)):
        load_settings()


def test_named_config_file_that_is_missing_stops(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    absent = tmp_path / "absent.toml"
    monkeypatch.setenv("PUBLISHER_CONFIG", str(absent))
    with pytest.raises(ConfigError, match="config file not found") as exc:
        load_settings()
    assert str(absent) in str(exc.value) and "\n" not in str(exc.value)


def test_default_config_file_is_optional(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("PUBLISHER_CONFIG", raising=False)
    monkeypatch.chdir(tmp_path)
    assert load_settings().port == 8000
