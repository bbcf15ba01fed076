"""Facts kept up to date inside the store, a chunk of documents at a time: the one place where the
store builds facts.

A document that is added or replaced is put in ``facts_pending`` (:func:`mark_pending`); the keys
of a replaced document's old mentions go to ``facts_gone`` (:func:`forget`), which the next chunk
takes into account. :func:`update_chunk` takes the next pending documents and

1. applies the analysts' corrections to their mentions (``as_corrected.py``; an excluded mention
   makes no fact), computes the keys of the mentions (``fact_keys.py``: what de-duplication
   compares, which depends on the document alone) and keeps them in ``fact_keys``, one row per
   mention;
2. loads the keys of every mention of the groups those keys fall in (a group: the mentions that
   can be one fact, e.g. US packages for Ukraine in US$), plus the groups their conversions link
   to, and clusters them with the same functions as :func:`ledger.store.dedup.build_facts`
   (figures without an aid role are one document's own: their groups are all in the chunk);
3. rewrites only the facts whose mentions changed: new facts, facts a new mention joined, facts
   that lost a mention; every other fact, and every other group, is left as it is.

Memory and time follow the chunk and the groups it touches, never the whole ledger; the result is
the one :func:`~ledger.store.dedup.build_facts` gives on every mention at once (tested). The
keys are derived data like the facts: a store without them (written by an earlier version) has
its facts rebuilt from scratch once (:func:`reset`), chunk by chunk.
"""
from __future__ import annotations

import sqlite3

import numpy as np
import pandas as pd

from ledger.store.as_corrected import as_corrected, corrections_of, stored_mentions, temp_values
from ledger.store.corrected import apply_corrections, is_excluded
from ledger.store.corrections import mark_matches
from ledger.store.dedup import clusters, fact_frame, fact_id_of, representatives
from ledger.store.fact_keys import KEY_COLUMNS, fact_keys
from ledger.store.frames import frame_params
from ledger.store.schema import FACT_COLUMNS

#: Documents whose facts are brought up to date in one transaction.
CHUNK_DOCS = 1000
#: Bumped when what ``fact_keys`` computes changes: the keys (and facts) are then rebuilt once.
KEYS_VERSION = "1"

DDL = (
    "CREATE TABLE IF NOT EXISTS fact_keys (mention_id INTEGER PRIMARY KEY, doc_id TEXT, grp TEXT, shared INTEGER, "
    "value REAL, step REAL, days REAL, figure_id TEXT, donor TEXT, recipient TEXT, link INTEGER, fact_id TEXT)",
    "CREATE INDEX IF NOT EXISTS fact_keys_grp ON fact_keys (grp) WHERE shared = 1",
    "CREATE INDEX IF NOT EXISTS fact_keys_doc ON fact_keys (doc_id)",
    "CREATE INDEX IF NOT EXISTS fact_keys_link ON fact_keys (link) WHERE link IS NOT NULL",
    "CREATE TABLE IF NOT EXISTS facts_pending (doc_id TEXT PRIMARY KEY)",
    "CREATE TABLE IF NOT EXISTS facts_gone (grp TEXT, shared INTEGER, fact_id TEXT)",
    "CREATE TABLE IF NOT EXISTS facts_set_aside (name TEXT PRIMARY KEY, sql TEXT)",
)
#: An update of at least this many documents sets the dashboards' indexes of facts and their links
#: aside and builds them again at the end: one sort each instead of a random insert per fact (at four
#: times the White House corpus those indexes no longer fit in SQLite's page cache).
BULK_DOCS = 2 * CHUNK_DOCS
_KEY_SELECT = f"k.mention_id, {', '.join('k.' + c for c in KEY_COLUMNS)}, k.fact_id"
_INSERT_FACT = (f"INSERT INTO facts ({', '.join(FACT_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(FACT_COLUMNS))})")


def create_tables(conn: sqlite3.Connection) -> None:
    """The keys and the pending documents (a new, empty store starts with current keys)."""
    for statement in DDL:
        conn.execute(statement)
    if conn.execute("SELECT 1 FROM mentions LIMIT 1").fetchone() is None and not keys_current(conn):
        conn.execute("INSERT OR REPLACE INTO meta VALUES ('fact_keys', ?)", (KEYS_VERSION,))


def keys_current(conn: sqlite3.Connection) -> bool:
    row = conn.execute("SELECT value FROM meta WHERE key = 'fact_keys'").fetchone()
    return bool(row) and row[0] == KEYS_VERSION


def has_pending(conn: sqlite3.Connection) -> bool:
    """Whether some document (or a replaced document's old mentions) waits for its facts."""
    return any(conn.execute(f"SELECT 1 FROM {t} LIMIT 1").fetchone() for t in ("facts_pending", "facts_gone"))


def mark_pending(conn: sqlite3.Connection, doc_id: str) -> None:
    conn.execute("INSERT OR IGNORE INTO facts_pending (doc_id) VALUES (?)", (doc_id,))


def forget(conn: sqlite3.Connection, doc_id: str) -> None:
    """Before a document's mentions are replaced: its keys leave, the groups and facts they were in
    are remembered (the next chunk reclusters those groups)."""
    conn.execute("INSERT INTO facts_gone SELECT grp, shared, fact_id FROM fact_keys WHERE doc_id = ?", (doc_id,))
    conn.execute("DELETE FROM fact_keys WHERE doc_id = ?", (doc_id,))


def reset(conn: sqlite3.Connection) -> None:
    """Forget every fact and key: every document is pending (the facts are rebuilt from scratch)."""
    for table in ("fact_keys", "facts", "fact_documents", "facts_pending", "facts_gone"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE mentions SET fact_id = NULL WHERE fact_id IS NOT NULL")
    conn.execute("INSERT INTO facts_pending (doc_id) SELECT doc_id FROM documents ORDER BY rowid")
    conn.execute("INSERT OR REPLACE INTO meta VALUES ('fact_keys', ?)", (KEYS_VERSION,))
    conn.execute("UPDATE meta SET value = '1' WHERE key = 'facts_stale'")


def begin(conn: sqlite3.Connection) -> None:
    """Before the first chunk of a large update: the indexes that only readers use are set aside."""
    if conn.execute("SELECT count(*) FROM facts_pending").fetchone()[0] < BULK_DOCS:
        return
    aside = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                         "AND tbl_name IN ('facts', 'fact_documents')").fetchall()
    conn.executemany("INSERT OR REPLACE INTO facts_set_aside VALUES (?, ?)", aside)
    for name, _ in aside:
        conn.execute(f'DROP INDEX "{name}"')


def finish(conn: sqlite3.Connection) -> None:
    """After the last chunk: the indexes set aside are built again, claims of facts that are gone
    are forgotten, the facts are current."""
    for (sql,) in conn.execute("SELECT sql FROM facts_set_aside").fetchall():
        conn.execute(sql.replace("CREATE INDEX", "CREATE INDEX IF NOT EXISTS", 1))
    conn.execute("DELETE FROM facts_set_aside")
    conn.execute("DELETE FROM reconciliation WHERE fact_id NOT IN (SELECT fact_id FROM facts)")
    conn.execute("UPDATE meta SET value = '0' WHERE key = 'facts_stale'")


def update_chunk(conn: sqlite3.Connection, limit: int = CHUNK_DOCS) -> bool:
    """Bring the facts of the next ``limit`` pending documents up to date (in the caller's
    transaction); False when no document was pending."""
    docs = [r[0] for r in conn.execute("SELECT doc_id FROM facts_pending ORDER BY rowid LIMIT ?", (limit,))]
    if not docs:
        return False
    temp_values(conn, "chunk_docs", "TEXT", docs)
    in_chunk = "doc_id IN (SELECT v FROM temp.chunk_docs)"
    for doc_id in docs:
        forget(conn, doc_id)
    dirty = pd.DataFrame(conn.execute("SELECT grp, shared, fact_id FROM facts_gone").fetchall(),
                         columns=["grp", "shared", "fact_id"])
    conn.execute("DELETE FROM facts_gone")
    mentions = chunk_mentions(conn, docs)
    kept = mentions[~is_excluded(mentions)]
    keys = fact_keys(kept) if len(kept) else pd.DataFrame(columns=list(KEY_COLUMNS))
    conn.executemany(f"INSERT INTO fact_keys (mention_id, {', '.join(KEY_COLUMNS)}) "
                     f"VALUES (?{', ?' * len(KEY_COLUMNS)})",
                     frame_params(keys.reset_index(names="mention_id"), ["mention_id", *KEY_COLUMNS]))
    shared = set(dirty.loc[dirty["shared"] == 1, "grp"]) | set(keys.loc[keys["shared"] == 1, "grp"])
    own = keys[keys["shared"] == 0].assign(fact_id=None)
    loaded = _load_groups(conn, shared, own)
    if len(loaded):
        _rewrite(conn, loaded, dirty["fact_id"].dropna(), mentions)
    conn.execute(f"DELETE FROM facts_pending WHERE {in_chunk}")
    return True


def chunk_mentions(conn: sqlite3.Connection, docs: list[str]) -> pd.DataFrame:
    """The mentions of the chunk's documents (``temp.chunk_docs``) as the analysts corrected them,
    indexed by mention id, in the order stored; their ``corrected`` fields are written, their fact
    ids cleared, and each correction records the figure it applied to."""
    raw = stored_mentions(conn, "m.doc_id IN (SELECT v FROM temp.chunk_docs)")
    corrections = corrections_of(conn, docs)
    mentions, applied = apply_corrections(raw, corrections)
    in_chunk = "doc_id IN (SELECT v FROM temp.chunk_docs)"
    conn.execute(f"UPDATE mentions SET fact_id = NULL, corrected = NULL WHERE {in_chunk} "
                 "AND (fact_id IS NOT NULL OR corrected IS NOT NULL)")
    fields = mentions["corrected"].dropna()
    conn.executemany("UPDATE mentions SET corrected = ? WHERE rowid = ?",
                     zip(fields.astype(str).tolist(), fields.index.tolist()))
    mark_matches(conn, corrections, applied)
    return mentions


def _load_groups(conn: sqlite3.Connection, groups: set[str], own: pd.DataFrame) -> pd.DataFrame:
    """The keys of every mention of the shared ``groups`` and of the groups their conversions link
    to, with ``own`` (the chunk's groups of one document), in the order the mentions were stored."""
    frames, seen, todo = [own.reset_index(names="mention_id")], set(), set(groups)
    while todo:
        seen |= todo
        temp_values(conn, "fact_groups", "TEXT", sorted(todo))
        rows = conn.execute(f"SELECT {_KEY_SELECT} FROM temp.fact_groups AS g JOIN fact_keys AS k "
                            "ON k.grp = g.v AND k.shared = 1").fetchall()
        part = pd.DataFrame(rows, columns=["mention_id", *KEY_COLUMNS, "fact_id"])
        frames.append(part)
        links = part["link"].dropna().unique().tolist()
        temp_values(conn, "fact_links", "INTEGER", links)
        linked = conn.execute("SELECT DISTINCT grp FROM fact_keys WHERE link IN (SELECT v FROM temp.fact_links) "
                              "AND shared = 1")
        todo = {r[0] for r in linked} - seen
    keys = pd.concat(frames, ignore_index=True).sort_values("mention_id", kind="stable")
    for column in ("value", "step", "days"):
        keys[column] = pd.to_numeric(keys[column], errors="coerce").astype("float64")
    keys["link"] = keys["link"].astype("Int64")
    return keys.set_index("mention_id")


def _changed(cid: np.ndarray, old: pd.Series, new: np.ndarray, gone: pd.Series) -> np.ndarray:
    """Per fact number: whether its fact differs from the stored one (a new mention, a mention gone,
    another representative). ``gone``: the fact ids of mentions whose keys were replaced."""
    frame = pd.DataFrame({"cid": cid, "same": (old.to_numpy(dtype=object) == new), "new": new})
    counts = pd.concat([old.dropna(), gone], ignore_index=True).value_counts()
    per = frame.groupby("cid", sort=True).agg(all_same=("same", "all"), size=("new", "size"), new=("new", "first"))
    unchanged = per["all_same"] & (per["size"] == per["new"].map(counts).fillna(0))
    return ~unchanged.to_numpy()


def _rewrite(conn: sqlite3.Connection, loaded: pd.DataFrame, gone: pd.Series, mentions: pd.DataFrame) -> None:
    """Recluster ``loaded`` and replace the facts that changed, their links to documents and their
    mentions' fact ids."""
    cid = clusters(loaded)
    rep = representatives(loaded, cid)
    fact_ids = np.array([fact_id_of(f) for f in loaded["figure_id"].to_numpy()[rep]], dtype=object)
    new = fact_ids[cid]
    changed = _changed(cid, loaded["fact_id"], new, gone)[cid]
    stale = set(loaded["fact_id"][changed].dropna()) | set(gone)
    temp_values(conn, "stale_facts", "TEXT", stale)
    conn.execute("DELETE FROM facts WHERE fact_id IN (SELECT v FROM temp.stale_facts)")
    conn.execute("DELETE FROM fact_documents WHERE fact_id IN (SELECT v FROM temp.stale_facts)")
    members = loaded[changed]
    if members.empty:
        return
    sub = pd.factorize(cid[changed], sort=True)[0]
    m = _member_mentions(conn, members.index, mentions).assign(
        donor=members["donor"].to_numpy(), recipient=members["recipient"].to_numpy())
    sub_rep = representatives(members, sub)
    facts = fact_frame(m, sub_rep, sub, new[changed][sub_rep])
    conn.executemany(_INSERT_FACT, frame_params(facts, list(FACT_COLUMNS)))
    links = pd.DataFrame({"fact_id": new[changed], "doc_id": m["doc_id"].to_numpy()})
    counts = links.groupby(["fact_id", "doc_id"], sort=True).size().reset_index(name="n")
    conn.executemany("INSERT INTO fact_documents (fact_id, doc_id, n_mentions) VALUES (?, ?, ?)",
                     counts.itertuples(index=False, name=None))
    _set_fact_ids(conn, members.index.to_numpy(), new[changed])


def _member_mentions(conn: sqlite3.Connection, ids: pd.Index, mentions: pd.DataFrame) -> pd.DataFrame:
    """The stored mentions ``ids`` (in that order), taken from the chunk's own when they are there."""
    outside = ids.difference(mentions.index)
    if len(outside):
        temp_values(conn, "member_ids", "INTEGER", outside.tolist())
        others = stored_mentions(conn, "m.rowid IN (SELECT v FROM temp.member_ids)")
        mentions = pd.concat([mentions, as_corrected(conn, others)])
    return mentions.loc[ids]


def _set_fact_ids(conn: sqlite3.Connection, ids: np.ndarray, fact_ids: np.ndarray) -> None:
    conn.execute("CREATE TEMP TABLE IF NOT EXISTS new_fact_ids (id INTEGER PRIMARY KEY, fact_id TEXT)")
    conn.execute("DELETE FROM temp.new_fact_ids")
    conn.executemany("INSERT INTO temp.new_fact_ids VALUES (?, ?)", zip(ids.tolist(), fact_ids.tolist()))
    for table, key in (("mentions", "rowid"), ("fact_keys", "mention_id")):
        conn.execute(f"UPDATE {table} SET fact_id = n.fact_id FROM temp.new_fact_ids AS n WHERE n.id = {table}.{key}")
    conn.execute("DELETE FROM temp.new_fact_ids")
