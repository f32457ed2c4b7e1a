"""The exception tree. Every message is a sentence a user can act on.

    FrontwatchError
    ├── InputError              a document or argument we cannot use
    │   ├── EmptyInput          an empty file or stdin
    │   ├── BinaryInput         bytes that are not text in any encoding we read
    │   ├── EncodingError       text whose encoding cannot be detected
    │   ├── TooLarge            larger than the configured limit
    │   └── MalformedRecord     a JSONL line that is not JSON, or lacks doc_id/text/html
    ├── StoreError              the database refused or is unreadable
    │   ├── MigrationError      a store written by a newer frontwatch, or a failed upgrade
    │   └── NotFound            a document or event id that is not stored
    ├── ModelError              a language model that is missing or fails to load
    ├── DataError               a lexicon, gazetteer or alliance file that is malformed
    └── FetchError              a feed or page that could not be fetched
"""

from __future__ import annotations


class FrontwatchError(Exception):
    """Base of every error frontwatch raises on purpose."""


class InputError(FrontwatchError):
    pass


class EmptyInput(InputError):
    pass


class BinaryInput(InputError):
    pass


class EncodingError(InputError):
    pass


class TooLarge(InputError):
    pass


class MalformedRecord(InputError):
    pass


class StoreError(FrontwatchError):
    pass


class MigrationError(StoreError):
    pass


class NotFound(StoreError):
    pass


class ModelError(FrontwatchError):
    pass


class DataError(FrontwatchError):
    pass


class FetchError(FrontwatchError):
    pass
