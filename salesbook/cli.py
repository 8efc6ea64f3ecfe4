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
    grade = commands.add_parser(
        "nakijken",
        help="kijk een map met ingeleverde notebooks na",
        description="Kijk alle notebooks in MAP na: cijferlijst (Excel en CSV), een "
        "feedbackpagina per student, een klassenoverzicht en importbestanden voor Brightspace, "
        "Canvas en Moodle. Afsluitcode 0: nagekeken (problemen staan in problemen.csv en "
        "overzicht.html); 1: er viel niets na te kijken; 2: fout in de opdracht.",
    )
    grade.add_argument("map", metavar="MAP", help="map met de ingeleverde notebooks (.ipynb)")
    grade.add_argument(
        "--uitvoer",
        metavar="MAP",
        default=None,
        help="map voor de resultaten (standaard: MAP-nagekeken)",
    )
    grade.add_argument(
        "--cesuur", default="55", help="percentage van de punten voor een 5,5 (standaard 55)"
    )
    grade.add_argument(
        "--rubric",
        metavar="BESTAND",
        default=None,
        help="ingevuld nakijkblad (.xlsx of .csv) om in te lezen",
    )
    grade.add_argument(
        "--hoofdstuk",
        type=int,
        action="append",
        metavar="N",
        help="kijk alleen hoofdstuk N na (mag vaker)",
    )
    grade.add_argument("--stil", action="store_true", help="toon geen voortgangsbalk")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "start":
            from salesbook.launch import start

            return start(port=args.port, open_browser=args.open_browser)
        if args.command == "nakijken":
            from salesbook.grading.command import nakijken

            return nakijken(
                args.map, args.uitvoer, args.cesuur, args.rubric, args.hoofdstuk, args.stil
            )
    except SalesbookError as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
