"""Command line `salesbook`: parses arguments and delegates, nothing else."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from salesbook import __version__
from salesbook.cli_dutch import DutchArgumentParser
from salesbook.exceptions import SalesbookError


def build_parser() -> argparse.ArgumentParser:
    """Build the parser with all subcommands."""
    parser = DutchArgumentParser(
        prog="salesbook",
        description="Werkboek Sales- en accountmanagement: starten, nakijken en oefenen.",
    )
    parser.add_argument(
        "--version", action="version", version=f"salesbook {__version__}", help="toon de versie"
    )
    commands = parser.add_subparsers(dest="command", metavar="opdracht", required=True)
    start = commands.add_parser(
        "start", help="start JupyterLab bij het welkomstnotebook", description="Start JupyterLab."
    )
    start.add_argument("--port", type=int, default=None, help="poort van JupyterLab")
    start.add_argument(
        "--geen-browser",
        dest="open_browser",
        action="store_false",
        default=None,
        help="open geen browser, toon alleen de link",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "start":
            from salesbook.launch import start

            return start(port=args.port, open_browser=args.open_browser)
    except SalesbookError as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
