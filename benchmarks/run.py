"""Run every benchmark and print one Dutch table: goal, measurement, ratio, verdict.

The benchmarks (each also runnable on its own):

* ``bench_data.py``: generating and loading the course data set (issue 3);
* ``bench_quiz.py``: kernel-side cost of one quiz answer (issue 4);
* ``bench_grading.py``: grading from records vs re-executing, throughput, memory (issue 6);
* ``bench_batch.py``: verify-by-re-execution and batch runs vs sequential runs (issue 6).

Goals that compare with a baseline use a baseline measured in the same run, never a timing
written down earlier: the machines are shared and noisy.

Exit code 0 when the report is complete, also when a goal is missed; with ``--streng`` 1 when
any goal is missed. 1 as well when a benchmark itself fails (the report is then incomplete).

Run: ``.venv/bin/python benchmarks/run.py [--snel] [--alleen NAAM] [--streng]`` (the full run
takes about 10 minutes on two cores; ``--snel`` about one).
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import time
from collections.abc import Sequence

from goals import Goal, number, summary, table

from salesbook.cli_dutch import DutchArgumentParser

BENCHMARKS = {
    "data": "dataset genereren en laden",
    "quiz": "quizantwoord verwerken",
    "grading": "klas beoordelen tegen opnieuw uitvoeren met papermill (duurt even)",
    "batch": "controleren en notebooks uitvoeren tegen na elkaar (duurt het langst)",
}
ALIASES = {"beoordelen": "grading", **{f"bench_{name}": name for name in BENCHMARKS}}
LEGEND = (
    "Verhouding: bij een vaste eis eis / gemeten (bij een ondergrens gemeten / eis), boven 1 is\n"
    "gehaald; bij een vergelijking met een basislijn uit deze run de versnelling (basislijn /\n"
    "gemeten, 'sneller') of het deel van de tijd (gemeten / basislijn, 'de tijd')."
)


def benchmark_name(text: str) -> str:
    """The benchmark meant by ``text`` (``grading``, ``beoordelen``, ``bench_grading.py``)."""
    name = text.strip().lower().removesuffix(".py")
    name = ALIASES.get(name, name)
    if name not in BENCHMARKS:
        known = ", ".join(BENCHMARKS)
        raise argparse.ArgumentTypeError(f"onbekende benchmark '{text}'; kies uit: {known}")
    return name


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = DutchArgumentParser(
        prog="benchmarks/run.py",
        description="Voer de benchmarks uit en toon per doel de meting en het oordeel.",
    )
    parser.add_argument("--snel", action="store_true", help="kleinere, snelle run")
    parser.add_argument(
        "--alleen",
        metavar="NAAM",
        type=benchmark_name,
        action="append",
        help=f"alleen deze benchmark ({', '.join(BENCHMARKS)}; mag vaker)",
    )
    parser.add_argument(
        "--streng", action="store_true", help="afsluitcode 1 als een doel niet gehaald is"
    )
    return parser.parse_args(argv)


def exit_code(goals: Sequence[Goal], failed: Sequence[str], strict: bool) -> int:
    """0 for a complete report; 1 when a benchmark failed, or a goal is missed under --streng."""
    if failed:
        return 1
    return 1 if strict and not all(goal.met for goal in goals) else 0


def main(argv: Sequence[str] | None = None) -> int:
    options = parse(argv)
    sys.stdout.reconfigure(line_buffering=True)  # progress shows up at once, also in a pipe
    names = [name for name in BENCHMARKS if name in (options.alleen or BENCHMARKS)]
    kind = "snelle run" if options.snel else "volledige run"
    cores, load = os.cpu_count(), os.getloadavg()[0]
    print(f"Benchmarks salesbook ({kind}): {cores} kernen, belasting bij de start {number(load)}")
    goals: list[Goal] = []
    failed: list[str] = []
    for index, name in enumerate(names, 1):
        print(f"\n[{index}/{len(names)}] bench_{name}.py: {BENCHMARKS[name]} …")
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"bench_{name}")
            goals += module.run(quick=options.snel)
        except Exception as error:  # one broken benchmark must not hide the others
            failed.append(name)
            print(f"  mislukt: {type(error).__name__}: {error}")
            continue
        print(f"  klaar in {number(time.perf_counter() - started)} s")
    print(f"\nResultaten ({kind}; belasting aan het eind {number(os.getloadavg()[0])}):\n")
    print(table(goals))
    print(f"\n{LEGEND}\n")
    if failed:
        print(f"Niet gemeten door een fout: {', '.join(failed)}.")
    print(summary(goals) if goals else "Geen doelen gemeten.")
    return exit_code(goals, failed, options.streng)


if __name__ == "__main__":
    sys.exit(main())
