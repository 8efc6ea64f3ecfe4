"""The local answer store: round trip, corruption handling, atomicity under kill, concurrency."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from salesbook.quiz import store as store_module
from salesbook.quiz.records import AnswerRecord
from salesbook.quiz.store import (
    AnswerStore,
    AnswerStoreWarning,
    default_store_path,
    record_filename,
)

STAMP = "2026-11-22T10:15:30.123Z"


def record(question_id="h2.nps.01", attempts=1, seed=None, response="10"):
    return AnswerRecord(
        1, question_id, 1, "0123456789abcdef", response, attempts, STAMP, STAMP, seed, None
    )


def visible_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


def test_put_get_round_trip_per_question_and_seed(tmp_path):
    store = AnswerStore(tmp_path / "antwoorden")
    assert store.get("h2.nps.01") is None and store.records() == []
    assert not (tmp_path / "antwoorden").exists(), "reading never creates the folder"
    assert store.put(record()) is True
    assert store.put(record(seed=7, attempts=3))
    assert store.put(record("h2.abc.01", seed=-2))
    assert store.get("h2.nps.01") == record()
    assert store.get("h2.nps.01", 7) == record(seed=7, attempts=3)
    assert store.get("h2.nps.01", 8) is None
    assert visible_files(store.path) == ["h2.abc.01@-2.json", "h2.nps.01.json", "h2.nps.01@7.json"]
    assert [(r.question_id, r.variant_seed) for r in store.records()] == [
        ("h2.abc.01", -2),
        ("h2.nps.01", None),
        ("h2.nps.01", 7),
    ]
    assert store.put(record(attempts=2))
    assert store.get("h2.nps.01").attempts == 2
    assert store.remove("h2.nps.01") and not store.remove("h2.nps.01")
    assert store.problems == []


def test_ids_that_are_not_question_ids_never_become_paths(tmp_path):
    store = AnswerStore(tmp_path)
    assert store.get("../../geheim") is None
    with pytest.raises(ValueError, match="geen geldig vraag-id"):
        record_filename("../x.01")


def test_default_location_is_env_then_home(tmp_path, monkeypatch):
    monkeypatch.setenv("SALESBOOK_STORE", str(tmp_path / "elders"))
    assert AnswerStore().path == tmp_path / "elders"
    monkeypatch.delenv("SALESBOOK_STORE")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert default_store_path() == tmp_path / ".salesbook" / "antwoorden"


@pytest.mark.parametrize(
    "content",
    [
        b'{"schema_version": 1, "question_id": "h2.nps.01"',  # cut off mid-write
        b"\xff\xfe niet utf-8",
        b"",
        b"[]",
        json.dumps({**record().to_json(), "attempts": 0}).encode(),
        json.dumps(record("h2.nps.02").to_json()).encode(),  # right record, wrong file
    ],
)
def test_corrupt_file_is_moved_aside_and_reported_never_a_crash(tmp_path, content):
    store = AnswerStore(tmp_path)
    (tmp_path / "h2.nps.01.json").write_bytes(content)
    with pytest.warns(AnswerStoreWarning, match="beschadigd") as caught:
        assert store.get("h2.nps.01") is None
    (backup,) = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert backup.name.startswith("h2.nps.01.json.corrupt-") and backup.read_bytes() == content
    assert not (tmp_path / "h2.nps.01.json").exists()
    assert store.problems == [str(caught[0].message)]
    assert store.problems[0].startswith(
        f"Het bewaarde antwoord h2.nps.01.json in {tmp_path} was beschadigd"
    )
    assert store.put(record()) and store.get("h2.nps.01") == record(), "the question works again"


def test_records_skips_corrupt_files_and_keeps_the_good_ones(tmp_path):
    store = AnswerStore(tmp_path)
    store.put(record("h2.nps.01"))
    store.put(record("h2.nps.02"))
    (tmp_path / "h2.nps.03.json").write_text("{kapot", encoding="utf-8")
    (tmp_path / "h2.nps.04.json").write_bytes(b" " * (store_module.MAX_FILE_BYTES + 1))
    with pytest.warns(AnswerStoreWarning):
        found = store.records()
    assert [r.question_id for r in found] == ["h2.nps.01", "h2.nps.02"]
    assert len(store.problems) == 2


def test_failed_rename_keeps_the_old_record_and_leaves_no_temp_file(tmp_path, monkeypatch):
    store = AnswerStore(tmp_path)
    store.put(record(attempts=1))

    def broken_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store_module.os, "replace", broken_replace)
    with pytest.warns(AnswerStoreWarning, match="kon niet in de lokale antwoordopslag"):
        assert store.put(record(attempts=2)) is False
    monkeypatch.undo()
    assert store.get("h2.nps.01").attempts == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h2.nps.01.json"]
    assert "No space left on device" in store.problems[0]


def test_unwritable_store_is_reported_not_raised(tmp_path):
    blocker = tmp_path / "geen-map"
    blocker.write_text("ik ben een bestand", encoding="utf-8")
    store = AnswerStore(blocker / "antwoorden")
    with pytest.warns(AnswerStoreWarning):
        assert store.put(record()) is False
    assert store.get("h2.nps.01") is None and store.records() == []


def test_stale_temporary_files_are_cleaned_fresh_ones_kept(tmp_path):
    old, fresh = tmp_path / ".tmp-h2.nps.01.json.abc", tmp_path / ".tmp-h2.nps.02.json.def"
    old.write_text("half", encoding="utf-8")
    fresh.write_text("half", encoding="utf-8")
    an_hour_ago = time.time() - 3700
    os.utime(old, (an_hour_ago, an_hour_ago))
    store = AnswerStore(tmp_path)  # cleans on start
    assert not old.exists() and fresh.exists()
    assert store.records() == [], "temporary files are never records"
    assert store.clean_temporary(max_age=0) == 1 and not fresh.exists()


WRITER = textwrap.dedent(
    """
    import os, signal, sys
    from salesbook.quiz import store as store_module
    from salesbook.quiz.records import AnswerRecord

    folder, start, mode = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    store = store_module.AnswerStore(folder)
    if mode == "die-before-rename":
        def die(source, target):
            os.kill(os.getpid(), signal.SIGKILL)
        store_module.os.replace = die
    stamp = "2026-11-22T10:15:30.123Z"
    attempt = start
    while True:
        for q in range(10):
            response = {"tekst": "x" * 4000, "poging": attempt}
            r = AnswerRecord(1, f"h2.nps.{q:02d}", 1, "0123456789abcdef", response, attempt,
                             stamp, stamp, None, None)
            if not store.put(r):
                sys.exit(3)
            print(q, attempt, flush=True)
        attempt += 1
        if mode == "once":
            break
    """
)


def run_writer(folder, start, mode):
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(folder), str(start), mode],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "error::UserWarning"},
    )


def assert_store_intact(folder, confirmed):
    store = AnswerStore(folder)
    found = {r.question_id: r for r in store.records()}
    assert store.problems == [], store.problems
    for question_id, attempts in confirmed.items():
        assert found[question_id].attempts >= attempts, "a confirmed answer was lost"
        assert found[question_id].response["poging"] == found[question_id].attempts
    assert all(".corrupt-" not in p.name for p in Path(folder).iterdir())
    assert all(
        p.name.endswith(".json") for p in Path(folder).iterdir() if not p.name.startswith(".")
    )


def test_sigkill_during_writes_never_loses_or_corrupts_an_answer(tmp_path):
    folder = tmp_path / "antwoorden"
    confirmed: dict[str, int] = {}
    start = 1
    rng = random.Random(20261122)
    for _ in range(6):
        writer = run_writer(folder, start, "loop")
        first = writer.stdout.readline()  # the writer is running and has stored one answer
        assert first, "writer did not start"
        time.sleep(rng.uniform(0.0, 0.05))
        writer.send_signal(signal.SIGKILL)
        rest, _ = writer.communicate()
        assert writer.returncode == -signal.SIGKILL
        # only whole lines: the kill may cut the writer's last report in half
        for line in [first, *rest.split("\n")[:-1]]:
            if line.strip():
                q, attempt = map(int, line.split())
                confirmed[f"h2.nps.{q:02d}"] = max(confirmed.get(f"h2.nps.{q:02d}", 0), attempt)
        assert_store_intact(folder, confirmed)
        start = max(confirmed.values()) + 1
    assert AnswerStore(folder).clean_temporary(max_age=0) >= 0
    assert not any(p.name.startswith(".tmp-") for p in folder.iterdir())


def test_kill_between_write_and_rename_keeps_the_previous_answer(tmp_path):
    folder = tmp_path / "antwoorden"
    once = run_writer(folder, 1, "once")
    once.communicate()
    assert once.returncode == 0
    dying = run_writer(folder, 2, "die-before-rename")
    output, _ = dying.communicate()
    assert dying.returncode == -signal.SIGKILL and output == ""
    leftovers = [p for p in folder.iterdir() if p.name.startswith(".tmp-")]
    assert len(leftovers) == 1 and leftovers[0].stat().st_size > 4000, "new data was written..."
    assert_store_intact(folder, {f"h2.nps.{q:02d}": 1 for q in range(10)})  # ...but not visible
    assert AnswerStore(folder).get("h2.nps.00").attempts == 1
    assert AnswerStore(folder).clean_temporary(max_age=0) == 1


CONCURRENT = textwrap.dedent(
    """
    import sys
    from salesbook.quiz.store import AnswerStore
    from salesbook.quiz.records import AnswerRecord

    folder, name = sys.argv[1], sys.argv[2]
    store = AnswerStore(folder)
    stamp = "2026-11-22T10:15:30.123Z"
    for i in range(1, 101):
        own = AnswerRecord(1, f"h2.{name}.{i % 100:02d}", 1, "0123456789abcdef", i, i,
                           stamp, stamp, i, name)
        shared = AnswerRecord(1, "h2.gedeeld.01", 1, "0123456789abcdef", i, i, stamp, stamp,
                              None, name)
        assert store.put(own) and store.put(shared)
    """
)


def test_two_kernels_writing_at_once_do_not_corrupt_each_other(tmp_path):
    folder = tmp_path / "antwoorden"
    writers = [
        subprocess.Popen([sys.executable, "-c", CONCURRENT, str(folder), name])
        for name in ("kernel-a", "kernel-b")
    ]
    assert [w.wait(timeout=60) for w in writers] == [0, 0]
    store = AnswerStore(folder)
    found = store.records()
    assert store.problems == []
    assert len(found) == 201  # 100 per kernel + the shared question
    shared = store.get("h2.gedeeld.01")
    assert shared.attempts == 100 and shared.student in ("kernel-a", "kernel-b")
    assert not any(p.name.startswith(".tmp-") for p in folder.iterdir())
