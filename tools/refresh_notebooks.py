"""Re-execute the chapter notebooks and store their reference outputs for nbval.

Run after changing a notebook, a question bank or anything a notebook shows:

    .venv/bin/python tools/refresh_notebooks.py            # all notebooks
    .venv/bin/python tools/refresh_notebooks.py 02 05      # only these chapters

Each notebook is executed by papermill with an empty, throw-away answer store (so no
student's answers end up in the committed file), then cleaned of volatile metadata (papermill
timings, widget state) and written back atomically.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # slow, unused import

import papermill  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"


def clean(notebook: dict, name: str = "") -> dict:
    """Drop volatile metadata so that a re-run only changes what really changed.

    Widget model ids are random per run; they are replaced by ids derived from the notebook
    name and the output's place, so that a refresh without real changes gives no diff (nbval
    sanitises model ids anyway, and no widget state is saved for them).
    """
    notebook["metadata"].pop("papermill", None)
    notebook["metadata"].pop("widgets", None)
    notebook["metadata"].pop("language_info", None)
    count = 0
    for cell in notebook["cells"]:
        cell.get("metadata", {}).pop("papermill", None)
        cell.get("metadata", {}).pop("execution", None)
        if cell["cell_type"] != "code":
            continue
        count += 1
        cell["execution_count"] = count
        for output in cell.get("outputs", []):
            if "execution_count" in output:
                output["execution_count"] = count
            output.get("metadata", {}).pop("papermill", None)
            view = output.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view is not None:
                place = f"{name}/{count}/{cell['outputs'].index(output)}"
                view["model_id"] = hashlib.md5(place.encode()).hexdigest()
    return notebook


def refresh(path: Path) -> None:
    """Execute one notebook in a fresh store and write it back with reference outputs."""
    with tempfile.TemporaryDirectory(prefix="salesbook-refresh-") as scratch:
        os.environ["SALESBOOK_STORE"] = str(Path(scratch) / "antwoorden")
        os.environ.setdefault("MPLBACKEND", "Agg")
        executed = Path(scratch) / path.name
        papermill.execute_notebook(
            str(path),
            str(executed),
            kernel_name="python3",
            cwd=str(path.parent),
            progress_bar=False,
        )
        notebook = clean(json.loads(executed.read_text(encoding="utf-8")), path.name)
    text = json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"
    temporary = path.with_suffix(".ipynb.tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("chapters", nargs="*", help="chapter numbers such as 02; default all")
    args = parser.parse_args()
    paths = sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    if args.chapters:
        paths = [p for p in paths if p.name[:2] in {c.zfill(2) for c in args.chapters}]
    for path in paths:
        print(f"refreshing {path.name} ...", flush=True)
        refresh(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
