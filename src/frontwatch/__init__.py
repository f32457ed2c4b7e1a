"""frontwatch: follow armed conflicts through the news as PLOVER event records."""

__version__ = "0.1.0"
