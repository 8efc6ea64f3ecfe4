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
    start.add_argument(
        "--port", type=int, default=None, metavar="POORT", help="poort van JupyterLab"
    )
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
    run = commands.add_parser(
        "uitvoeren",
        help="voer notebooks uit met papermill (parallel)",
        description="Voer notebooks uit in parallelle processen. Afsluitcode 0: alles "
        "geslaagd; 1: minstens één notebook mislukt (zie samenvatting.csv).",
    )
    run.add_argument("notebooks", nargs="+", metavar="NOTEBOOK", help="notebooks of mappen")
    run.add_argument("--uitvoer", metavar="MAP", required=True, help="map voor de resultaten")
    run.add_argument(
        "-p",
        dest="parameters",
        nargs=2,
        action="append",
        metavar=("NAAM", "WAARDE"),
        help="parameter voor elk notebook, zoals bij papermill (mag vaker)",
    )
    run.add_argument(
        "--processen", type=int, metavar="N", help="aantal processen (standaard: kernen)"
    )
    run.add_argument(
        "--cel-timeout", type=float, default=120, metavar="S", help="seconden per cel (0 = geen)"
    )
    run.add_argument("--stil", action="store_true", help="toon geen voortgangsbalk")
    verify = commands.add_parser(
        "controleren",
        help="voer inzendingen opnieuw uit en vergelijk de code-antwoorden",
        description="Voer elke inzending opnieuw uit en meld code-antwoorden die mogelijk met "
        "de hand zijn aangepast. Afsluitcode 0: niets gevonden; 1: iets om te bekijken.",
    )
    verify.add_argument("inzendingen", nargs="+", metavar="INZENDING", help="notebooks of mappen")
    verify.add_argument("--uitvoer", metavar="MAP", required=True, help="map voor de resultaten")
    verify.add_argument("--processen", type=int, metavar="N", help="aantal processen")
    verify.add_argument(
        "--timeout", type=float, default=300, metavar="S", help="seconden per notebook"
    )
    verify.add_argument(
        "--geheugen", type=int, default=2048, metavar="MB", help="geheugenlimiet per kernel"
    )
    verify.add_argument("--stil", action="store_true", help="toon geen voortgangsbalk")
    release = commands.add_parser(
        "uitdelen",
        help="maak de studentversie van de masternotebooks",
        description="Verwijder oplossingscellen en wis de uitvoer van oefeningen; met "
        "--studenten ook een eigen kopie per student (eigen getallen).",
    )
    release.add_argument("master", metavar="MASTERMAP", help="map met de masternotebooks")
    release.add_argument("--uitvoer", metavar="MAP", required=True, help="map voor de versies")
    release.add_argument(
        "--studenten", metavar="CSV", help="CSV met kolom studentnummer (en eventueel seed)"
    )
    mock = commands.add_parser(
        "proefexamen",
        help="maak een printbaar proefexamen met een apart antwoordmodel",
        description="Trek een proefexamen volgens de toetsmatrijs en schrijf "
        "proefexamen-SEED.html en antwoorden-SEED.html (offline HTML, klaar om te printen). "
        "Dezelfde seed geeft hetzelfde examen.",
    )
    mock.add_argument("--seed", type=int, required=True, help="examennummer (geheel getal, ≥ 0)")
    mock.add_argument(
        "--toetsmatrijs",
        metavar="BESTAND",
        help="eigen toetsmatrijs (.yaml); standaard die van de cursus",
    )
    mock.add_argument("--uitvoer", metavar="MAP", required=True, help="map voor de twee bestanden")
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
        if args.command == "uitvoeren":
            from salesbook.grading.batch import run_batch

            return run_batch(
                args.notebooks,
                args.uitvoer,
                parameters=args.parameters,
                workers=args.processen,
                cell_timeout=args.cel_timeout,
                progress=not args.stil,
            )
        if args.command == "controleren":
            from salesbook.grading.rerun import check_submissions

            return check_submissions(
                args.inzendingen,
                args.uitvoer,
                workers=args.processen,
                timeout_per_notebook=args.timeout,
                memory_limit_mb=args.geheugen or None,
                progress=not args.stil,
            )
        if args.command == "uitdelen":
            from salesbook.grading.release import release_command

            return release_command(args.master, args.uitvoer, args.studenten)
        if args.command == "proefexamen":
            from salesbook.exam.command import write_mock_exam

            return write_mock_exam(args.seed, args.uitvoer, args.toetsmatrijs)
    except SalesbookError as error:
        print(f"Fout: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
