"""One exception root, a subclass per stage, each carrying its key."""

from __future__ import annotations


class PublisherError(Exception):
    """Root of every error the publisher raises on purpose."""

    def __init__(self, message: str, *, key: str | None = None) -> None:
        self.key = key
        super().__init__(f"{key}: {message}" if key else message)


class ConfigError(PublisherError):
    """A setting or a publication file is wrong; key names the setting or file."""


class EditionError(PublisherError):
    """A page or edition cannot be read or parsed; key names the file."""


class StoreError(PublisherError):
    """The database refused or failed; key names the entity."""


class RenderError(PublisherError):
    """A feed could not be rendered; key names the publication/section/format."""


class PushError(PublisherError):
    """A delivery could not be made; key names the endpoint."""


class ScheduleError(PublisherError):
    """A scheduled job could not be set up; key names the job."""
