"""Named components: stores and coders are looked up by name, built-ins included.

Built-ins are declared as entry points in pyproject.toml under the same groups an
outside package would use (``frontwatch.stores``, ``frontwatch.coders``), so core uses
the front door. Nothing is imported until a component is asked for.
"""

from __future__ import annotations

from importlib.metadata import entry_points
from typing import Any

from frontwatch.errors import FrontwatchError

GROUPS = ("frontwatch.stores", "frontwatch.coders")


def available(group: str) -> list[str]:
    return sorted(ep.name for ep in entry_points(group=group))


def load(group: str, name: str) -> Any:
    """The factory registered as ``name`` in ``group``."""
    for ep in entry_points(group=group):
        if ep.name == name:
            return ep.load()
    raise FrontwatchError(
        f"no component named {name!r} in {group}; available: {', '.join(available(group)) or 'none'}"
    )
