"""Write docs/cli.md, the command reference, from the Typer app itself.

    python scripts/gen_cli_docs.py           # rewrite docs/cli.md
    python scripts/gen_cli_docs.py --check   # exit 1 when docs/cli.md is out of date

Walks the click command tree behind ``frontwatch.cli.app``: every command and group,
its help text, usage line, arguments and options.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer.main

REPO = Path(__file__).resolve().parents[1]
TARGET = REPO / "docs" / "cli.md"
HEADER = """# frontwatch command reference

Generated from the code by `python scripts/gen_cli_docs.py`; do not edit by hand.
`tests/cli/test_cli_reference.py` fails when this file is out of date.

Every command that reads or writes a store takes `--db` (a SQLite file, `sqlite:///path`,
`postgresql://...` or `memory:`); without it, `$FRONTWATCH_DB` or `frontwatch.db` in the
user data directory is used. Errors are one line on stderr; exit status 0 is success,
1 means some inputs failed, 2 means the command could not run.
"""


# Typer ships its own copy of click, so commands and parameters are read by duck typing.
Command = Any
Param = Any


def root_command() -> Command:
    from frontwatch.cli import app

    return typer.main.get_command(app)


def walk(cmd: Command, path: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], Command]]:
    """(path, command) for ``cmd`` and every subcommand, depth first, sorted by name."""
    found = [(path, cmd)]
    if getattr(cmd, "commands", None):
        for name in sorted(cmd.commands):
            found.extend(walk(cmd.commands[name], (*path, name)))
    return found


def _is_option(param: Param) -> bool:
    return bool(param.param_type_name == "option")


def _param_row(param: Param) -> str:
    if _is_option(param):
        names = ", ".join(f"`{n}`" for n in (*param.opts, *param.secondary_opts))
        default = param.default if param.show_default is not False and not param.is_flag else None
        kind = "flag" if param.is_flag else _type_name(param)
        help_text = (param.help or "").replace("\n", " ").replace("|", "\\|")
        if default not in (None, "", ()) and not callable(default):
            help_text += f" (default: `{default}`)"
        return f"| {names} | {kind} | {help_text} |"
    many = "..." if param.nargs == -1 else ""
    return f"| `{param.name.upper() if param.name else ''}{many}` | argument | {_argument_help(param)} |"


def _type_name(param: Param) -> str:
    typ = getattr(param, "type", None)
    if typ is not None:
        return str(typ.name).lower()
    annotation = getattr(getattr(param, "type_descriptor", None), "annotation", None)
    return str(getattr(annotation, "__name__", annotation or "text")).lower()


def _argument_help(param: Param) -> str:
    return str(getattr(param, "help", "") or "").replace("\n", " ").replace("|", "\\|")


def render() -> str:
    root = root_command()
    out = [HEADER]
    for path, cmd in walk(root):
        if not path:
            continue
        ctx = cmd.context_class(cmd, info_name=" ".join(("frontwatch", *path)))
        out.append(f"## `frontwatch {' '.join(path)}`\n")
        out.append((cmd.help or "").strip() + "\n")
        usage = cmd.collect_usage_pieces(ctx)
        out.append(f"```\nfrontwatch {' '.join(path)} {' '.join(usage)}\n```\n")
        params = [p for p in cmd.params if not (_is_option(p) and "--help" in p.opts)]
        if params:
            out.append("| name | type | description |\n|---|---|---|")
            out.extend(_param_row(p) for p in params)
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def main(argv: list[str]) -> int:
    text = render()
    if "--check" in argv:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date; run: python scripts/gen_cli_docs.py", file=sys.stderr)
            return 1
        return 0
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
