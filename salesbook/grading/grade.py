"""Grade a folder of handed-in notebooks: the steps in order, and the report.

    collect → read → identify → score → gradebook → outputs

:func:`grade_folder` reads the answer records that are already in the notebooks; it never
executes a notebook. Re-executing first (papermill) is a separate step that writes executed
notebooks to a folder, which is then graded the same way.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import pandas as pd

from salesbook.exceptions import QuestionBankError, SalesbookError
from salesbook.grading.class_overview import QuestionStat, question_stats
from salesbook.grading.collect import Handed, collect_notebooks
from salesbook.grading.gradebook import build_gradebook
from salesbook.grading.identify import identify, precedence, report_duplicate
from salesbook.grading.manual import ManualScore, load_manual
from salesbook.grading.marks import DEFAULT_CESUUR, normalise_cesuur
from salesbook.grading.outputs import write_outputs
from salesbook.grading.parallel import default_workers, read_all
from salesbook.grading.problems import Problem, ProblemLog
from salesbook.grading.read import Reading
from salesbook.grading.results import ScoredSubmission
from salesbook.grading.rubric import FILE_NAME as RUBRIC_FILE
from salesbook.grading.rubric import RubricImport, import_rubric
from salesbook.grading.score import Scorer
from salesbook.quiz import Course
from salesbook.quiz.bank import bank_files, load_bank

_Item = tuple[Handed, Reading | None]
PROGRESS_FROM = 20
"""Show a progress bar from this many notebooks on."""


@dataclass
class GradeReport:
    """The result of :func:`grade_folder`.

    Attributes:
        gradebook: one row per student (see :mod:`salesbook.grading.gradebook`).
        problems: everything reported, in Dutch.
        paths: output name → file written.
        submissions: the scored notebooks that count.
        questions: class results per question, worst first.
        found: notebooks found in the folder.
        rubric_imports: rubric sheets read before grading.
    """

    gradebook: pd.DataFrame
    problems: list[Problem]
    paths: dict[str, Path] = field(default_factory=dict)
    submissions: list[ScoredSubmission] = field(default_factory=list)
    questions: list[QuestionStat] = field(default_factory=list)
    found: int = 0
    rubric_imports: list[RubricImport] = field(default_factory=list)

    @property
    def graded(self) -> int:
        """Notebooks graded (one per student and chapter)."""
        return len(self.submissions)


def _progress(items: Iterator[_Item], total: int, enabled: bool) -> Iterator[_Item]:
    if not enabled or total < PROGRESS_FROM:
        return items
    from tqdm import tqdm

    return iter(tqdm(items, total=total, desc="Nakijken", unit="notebook", leave=False))


def score_notebooks(
    handed: list[Handed],
    scorer: Scorer,
    problems: ProblemLog,
    *,
    chapters: set[int] | None = None,
    progress: bool = False,
    workers: int | None = 1,
) -> list[ScoredSubmission]:
    """Read, identify and score notebooks (nothing but the scores is kept).

    For a student who handed in the same chapter twice, the notebook answered last counts.
    With ``workers`` > 1, or None (one per core for 100 notebooks or more), the notebooks
    are read in worker processes; the result is the same. Worker processes start the
    calling script again unless it has an ``if __name__ == "__main__":`` guard, so the
    default is 1; the command line uses None.
    """
    known = set(scorer.course.banks)
    kept: dict[tuple[str, int], tuple[tuple[str, float, str], ScoredSubmission]] = {}
    count = default_workers(len(handed)) if workers is None else workers
    for item, reading in _progress(read_all(handed, problems, count), len(handed), progress):
        if reading is None:
            continue
        identity = identify(reading, problems, chapters=chapters, known=known)
        if identity is None:
            continue
        slot = (identity.student, identity.chapter)
        rank = precedence(reading)
        earlier = kept.get(slot)
        if earlier is not None:
            if earlier[0] >= rank:
                report_duplicate(earlier[0][2], item.name, identity, problems)
                continue
            report_duplicate(item.name, earlier[0][2], identity, problems)
        kept[slot] = (rank, scorer.score(reading, identity, problems))
    return sorted((scored for _, scored in kept.values()), key=lambda s: (s.student, s.chapter))


def _import_rubrics(
    output: Path, rubric: Path | None, course: Course, problems: ProblemLog
) -> list[RubricImport]:
    own = output / RUBRIC_FILE
    sheets = [own] if own.is_file() else []
    if rubric is not None and not (own.is_file() and Path(rubric).resolve() == own.resolve()):
        sheets.append(Path(rubric))
    imports = []
    for sheet in sheets:
        output.mkdir(parents=True, exist_ok=True)
        result = import_rubric(sheet, output, course)
        problems.problems.extend(result.problems.problems)
        imports.append(result)
    return imports


def load_banks(chapters: set[int] | None, problems: ProblemLog) -> Course:
    """Every question bank that loads; a broken bank is reported, not fatal.

    A broken bank of a chapter that is not being graded is skipped silently, so work on one
    chapter's bank never stops the grading of another.
    """
    banks = {}
    for path in bank_files():
        number = int(path.name[1 : path.name.index("_")])
        try:
            bank = load_bank(path)
        except QuestionBankError as error:
            if chapters is None or number in chapters:
                first = getattr(error, "problems", [str(error)])[0]
                problems.add(
                    path.name,
                    f"de vragenbank van hoofdstuk {number} klopt niet ({first}); notebooks "
                    "van dit hoofdstuk worden niet nagekeken.",
                )
            continue
        banks.setdefault(bank.chapter, bank)
    if not banks:
        raise SalesbookError("Er is geen bruikbare vragenbank; nakijken is niet mogelijk.")
    return Course(banks)


def grade_folder(
    folder: Path,
    output: Path,
    *,
    cesuur: float = DEFAULT_CESUUR,
    chapters: Iterable[int] | None = None,
    progress: bool = True,
    rubric: Path | None = None,
    course: Course | None = None,
    now: datetime | None = None,
    workers: int | None = 1,
) -> GradeReport:
    """Grade every notebook under ``folder`` and write the results to ``output``.

    Args:
        folder: the handed-in notebooks (subfolders included); they are read, never run.
        output: the folder for the gradebook, feedback pages, overview and import files.
        cesuur: share of the points that gives a 5,5 (0.55 or 55).
        chapters: grade only these chapters (default: every chapter handed in).
        progress: show a progress bar ("Nakijken") for larger classes.
        rubric: a filled-in rubric sheet to import first. A filled-in ``nakijkblad.xlsx``
            in ``output`` is always imported first, so a rerun never loses manual scores.
        course: the question banks (default: the packaged banks).
        now: the time shown on the pages and used for backups (for tests).
        workers: processes that read notebooks (see :func:`score_notebooks`).

    Returns:
        The :class:`GradeReport`; ``report.graded == 0`` means nothing could be graded.

    Raises:
        SalesbookError: ``folder`` is missing, the cesuur is invalid, a rubric sheet cannot
            be read, or an output file cannot be written (Dutch message). Problems with
            notebooks never raise: they are in ``report.problems``.
    """
    fraction = normalise_cesuur(cesuur)
    wanted = set(chapters) if chapters is not None else None
    problems = ProblemLog()
    course = course or load_banks(wanted, problems)
    unknown = sorted(wanted - set(course.banks)) if wanted else []
    if unknown:
        raise SalesbookError(
            f"Er is geen bruikbare vragenbank voor hoofdstuk {', '.join(map(str, unknown))}."
        )
    output = Path(output)
    handed = collect_notebooks(Path(folder), problems, exclude=output)
    if output.exists() and not output.is_dir():
        raise SalesbookError(f"De uitvoermap {output} is een bestand, geen map.")
    imports = _import_rubrics(output, rubric, course, problems)
    manual: dict[str, ManualScore] = load_manual(output, problems)
    scorer = Scorer(course, manual)
    submissions = score_notebooks(
        handed, scorer, problems, chapters=wanted, progress=progress, workers=workers
    )
    shown = wanted if wanted is not None else {s.chapter for s in submissions}
    maxima = {
        chapter: float(sum(q.points for q in course.bank(chapter).questions))
        for chapter in sorted(shown)
    }
    counts = Counter(p.student for p in problems.problems if p.student)
    frame = build_gradebook(submissions, maxima, fraction, counts)
    report = GradeReport(
        frame,
        problems.problems,
        submissions=submissions,
        questions=question_stats(submissions),
        found=len(handed),
        rubric_imports=imports,
    )
    if not submissions:
        return report
    report.paths = write_outputs(
        output,
        frame=frame,
        submissions=submissions,
        scorer=scorer,
        maxima=maxima,
        cesuur=fraction,
        problems=problems,
        manual=load_manual(output),
        now=now,
    )
    return report
