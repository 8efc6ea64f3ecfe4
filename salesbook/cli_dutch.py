"""An argparse parser whose help and error texts are Dutch."""

from __future__ import annotations

import argparse
from typing import NoReturn

_TRANSLATIONS = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "show program's version number and exit": "toon de versie en stop",
    "the following arguments are required: %s": "deze argumenten zijn verplicht: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "expected one argument": "verwacht één waarde",
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "ambiguous option: %(option)s could match %(matches)s": (
        "dubbelzinnige optie: %(option)s kan %(matches)s zijn"
    ),
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
}


def _dutch(message: str) -> str:
    return _TRANSLATIONS.get(message, message)


# argparse looks its messages up through this module-level gettext alias.
argparse._ = _dutch  # type: ignore[attr-defined]


class DutchArgumentParser(argparse.ArgumentParser):
    """ArgumentParser with Dutch built-in messages and exit code 2 on errors."""

    def error(self, message: str) -> NoReturn:
        """Print usage and a Dutch error, then exit with status 2."""
        self.print_usage()
        self.exit(2, f"{self.prog}: fout: {message}\n")
