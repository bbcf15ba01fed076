"""The Dask engine gives what the local engine gives: the same batches (documents, rows, errors,
skips) in the same order, the same store and reports; a failing task is retried, and a task that
fails for good is named in the errors without losing the other partitions."""
from __future__ import annotations

import datetime
import gzip
import itertools
import json
import sqlite3
from pathlib import Path

import pytest

pytest.importorskip("dask.distributed", reason="the Dask extra is not installed")

import ledger.engine.dask as dask_engine  # noqa: E402
import ledger.engine.partitions as partitions  # noqa: E402
from ledger.cli import main  # noqa: E402
from ledger.engine.batches import run_local  # noqa: E402
from ledger.engine.dask import run_dask  # noqa: E402
from ledger.engine.job import run_job  # noqa: E402
from ledger.read import iter_documents  # noqa: E402
from ledger.read.ranges import ByteRange  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
SHARED_CORPUS = REPO.parent / "shared" / "corpus" / "whitehouse.jsonl.gz"
MAX = 20_000_000


def _corpus(tmp_path: Path) -> Path:
    """A JSONL corpus: 30 real documents when ../shared is there, written ones otherwise, with a
    broken line, a row without text and a row without a date among them."""
    if SHARED_CORPUS.is_file():
        with gzip.open(SHARED_CORPUS, "rt", encoding="utf-8") as src:
            rows = [line.rstrip("\n") for line in itertools.islice(src, 30)]
    else:
        rows = [json.dumps({"id": f"d{i}", "published": "2023-03-1%d" % (i % 9),
                            "text": f"The ministry on Monday pledged ${i + 2} million for {i + 5} clinics "
                                    f"in a new aid package, bringing its total to ${i + 40} million."})
                for i in range(30)]
    rows[4] = '{"id": "broken", "text": '
    rows[11] = json.dumps({"id": "no-text"})
    rows[17] = json.dumps({"id": "undated", "text": "The fund on Friday gave $3 million to 12 schools."})
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def _copy_row(line: str) -> str:
    """A row of the corpus as another document (another url), or the line as it is if broken."""
    try:
        row = json.loads(line)
    except ValueError:
        return line
    return json.dumps({**row, "url": f"https://example.org/copy/{row.get('id')}"})


def _inputs(tmp_path: Path) -> list[str]:
    """A folder of articles, the corpus, a missing file and a gzip corpus of other documents."""
    corpus = _corpus(tmp_path)
    gz = tmp_path / "corpus-copy.jsonl.gz"
    copy = "".join(_copy_row(line) + "\n" for line in corpus.read_text(encoding="utf-8").splitlines())
    gz.write_bytes(gzip.compress(copy.encode("utf-8")))
    return [str(EXAMPLES), str(corpus), str(tmp_path / "missing.txt"), str(gz)]


def _shape(batches) -> list[tuple]:
    """What the store receives: per batch, (doc ids, rows, errors, skipped)."""
    return [(tuple(p.doc.doc_id for p in b.items), tuple(r for p in b.items for r in p.rows),
             tuple(b.errors), b.skipped) for b in batches]


@pytest.fixture(scope="module")
def client():
    from dask.distributed import Client, LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0") as cluster, \
            Client(cluster) as c:
        yield c


def _dask(paths, tmp_path, client, **kw) -> list:
    kw.setdefault("min_bytes", 4000)
    return list(run_dask(paths, out=tmp_path / "out", max_bytes=MAX, client=client, **kw))


def _local(paths, **kw) -> list:
    return list(run_local(iter_documents(paths, max_bytes=MAX), jobs=1, **kw))


@pytest.mark.parametrize("batch_size", [1, 7, 64])
def test_dask_batches_equal_the_local_engines(tmp_path, client, batch_size):
    paths = _inputs(tmp_path)
    dask = _dask(paths, tmp_path, client, batch_size=batch_size)
    assert _shape(dask) == _shape(_local(paths, batch_size=batch_size))
    assert sum(len(b.items) for b in dask) > 60
    assert len(list((tmp_path / "out" / "parquet").glob("part-*.parquet"))) > 4
    assert not (tmp_path / "out" / "pieces").exists()  # pieces of the compressed corpus are gone


def test_metadata_from_the_command_line_is_applied_as_locally(tmp_path, client):
    from ledger.read import Metadata

    paths = _inputs(tmp_path)
    metadata = Metadata(default_published=datetime.date(2023, 2, 24))
    dask = _dask(paths, tmp_path, client, metadata=metadata)
    local = list(run_local(iter_documents(paths, max_bytes=MAX, metadata=metadata), jobs=1))
    assert _shape(dask) == _shape(local) != _shape(_local(paths))


def test_pieces_are_removed_and_nothing_else(tmp_path, client):
    pieces = tmp_path / "out" / "pieces"
    pieces.mkdir(parents=True)
    (pieces / "00001-00002.jsonl").write_text("left by a run that was killed\n")
    (pieces / "notes-2024.jsonl").write_text("a user's own file\n")
    _dask(_inputs(tmp_path), tmp_path, client)
    assert sorted(p.name for p in pieces.iterdir()) == ["notes-2024.jsonl"]


def test_documents_already_stored_are_skipped_as_locally(tmp_path, client):
    paths = _inputs(tmp_path)
    first = _local(paths, batch_size=64)
    stored = {p.doc.doc_id: p.content_hash for b in first for p in b.items[::2]}
    dask = _dask(paths, tmp_path, client, batch_size=5, known=stored.get)
    assert _shape(dask) == _shape(_local(paths, batch_size=5, known=stored.get))
    assert sum(b.skipped for b in dask) == len(stored)


def _failing(monkeypatch, times: int):
    """read_part failing ``times`` times for one range of the corpus (the first one read after
    its first line); returns the calls for that range."""
    calls: list[ByteRange] = []
    real = dask_engine.read_part

    def read_part(part, max_bytes, metadata=None):
        if isinstance(part, ByteRange) and part.first_line > 1 and part.source.endswith("corpus.jsonl"):
            if not calls or calls[0] == part:
                calls.append(part)
                if len(calls) <= times:
                    raise OSError("worker lost its disk")
        return real(part, max_bytes, metadata)

    monkeypatch.setattr(dask_engine, "read_part", read_part)
    return calls


def test_a_partition_that_fails_once_is_retried(tmp_path, client, monkeypatch):
    calls = _failing(monkeypatch, times=1)
    paths = _inputs(tmp_path)
    assert _shape(_dask(paths, tmp_path, client)) == _shape(_local(paths))
    assert len(calls) == 2


def test_a_partition_that_fails_twice_is_named_and_the_rest_is_stored(tmp_path, client, monkeypatch):
    calls = _failing(monkeypatch, times=10**6)
    paths = _inputs(tmp_path)
    dask = _dask(paths, tmp_path, client)
    lost = calls[0]
    assert len(calls) == 2
    errors = [e for b in dask for e in b.errors if "also when retried" in e.reason]
    last = lost.first_line + lost.lines - 1
    assert [(e.source, e.line) for e in errors] == [(lost.source, lost.first_line)]
    assert errors[0].reason == (f"lines {lost.first_line}-{last} not processed: its task failed on the "
                                f"cluster, also when retried (OSError: worker lost its disk)")
    lost_sources = {f"{lost.source}:{n}" for n in range(lost.first_line, last + 1)}
    expected = [p.doc.doc_id for b in _local(paths) for p in b.items if p.doc.source not in lost_sources]
    assert [p.doc.doc_id for b in dask for p in b.items] == expected


def _table(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_a_local_cluster_gives_the_same_store_and_reports(tmp_path, monkeypatch):
    monkeypatch.setattr(partitions, "MIN_BYTES", 20_000)  # several partitions of a small corpus
    paths = _inputs(tmp_path)
    local = run_job(paths, out=tmp_path / "local", jobs=1, progress=False)
    dask = run_job(paths, out=tmp_path / "dask", engine="dask", jobs=2, progress=False)
    assert local.facts > 0 and (local.documents, local.facts, local.errors) == (dask.documents, dask.facts,
                                                                                dask.errors)
    for name in ("facts.csv", "ledger.csv", "errors.csv"):
        assert (tmp_path / "local" / name).read_bytes() == (tmp_path / "dask" / name).read_bytes(), name
    for sql in ("SELECT * FROM documents", "SELECT * FROM mentions ORDER BY rowid",
                "SELECT source, line, reason FROM errors ORDER BY rowid"):
        assert _table(tmp_path / "local" / "ledger.sqlite", sql) == _table(tmp_path / "dask" / "ledger.sqlite", sql)


@pytest.mark.parametrize("argv, message", [
    (["run", "-", "--engine", "dask"],
     "aid-ledger: error: standard input cannot be read with --engine dask: save it to a file, "
     "or use --engine local\n"),
    (["run", str(EXAMPLES), "--engine", "dask", "--scheduler", "nonsense://nowhere"],
     "aid-ledger: error: cannot reach the Dask scheduler at 'nonsense://nowhere' (unknown address scheme "
     "'nonsense' (known schemes: ['inproc', 'tcp', 'tls', 'ucx', 'ws', 'wss'])): check --scheduler\n"),
])
def test_cli_words_dask_usage_errors(tmp_path, capsys, argv, message):
    assert main(argv + ["--out", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == message
