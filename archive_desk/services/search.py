"""One search box: name fragment, pinyin (full or initials), ID number (full or last 4–6 digits),
file number and barcode content. Results are ranked by how exactly they matched.

Every kind of lookup is an index range or an index probe, so none scans the table:
- exact ID / file number: unique indexes;
- last digits of an ID: a prefix range on the reversed number (`id_rev`);
- pinyin: prefix ranges on `name_initials` / `name_pinyin` (computed when the name was written);
- name: exact and prefix ranges on `name`, then fragments of any length through a full-text index
  of single characters with a phrase query (FTS5 on SQLite, a GIN tsvector on PostgreSQL) — the
  trigram indexes of both engines cannot serve the 1–2 character fragments most searches are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from archive_desk.db.models import File, Holder, StorageLocation
from archive_desk.domain import names
from archive_desk.domain.files import status_label
from archive_desk.domain.idcard import InvalidId, normalise, parse_id
from archive_desk.services import audit
from archive_desk.services.context import AppContext

_CJK = re.compile(r"[\u3400-\u9fff]")
_TAIL = re.compile(r"^\d{3,5}[\dX]$")
_PINYIN = re.compile(r"^[a-z]+$")
_FILE_NO = re.compile(r"^[A-Z0-9\-]{3,20}$")

# Rank of each kind of match: higher first.
EXACT, NAME_EXACT, NAME_PREFIX, ID_TAIL, INITIALS_EXACT, PINYIN_PREFIX, INITIALS_PREFIX, FRAGMENT = (
    100, 90, 80, 70, 60, 55, 50, 40)


@dataclass(frozen=True)
class SearchHit:
    holder_id: int
    name: str
    id_number: str
    file_number: str | None
    status: str | None
    status_label: str
    location: str | None
    rank: int

    def as_json(self) -> dict:
        return {"holder_id": self.holder_id, "name": self.name, "id_number": self.id_number,
                "file_number": self.file_number, "status": self.status,
                "status_label": self.status_label, "location": self.location,
                "rank": self.rank}


def _prefix_range(column, prefix: str):
    """`column` starts with `prefix`, as an index range (LIKE would not use the index)."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return (column >= prefix) & (column < upper)


# What a hit shows; each tier selects it directly, so an exact lookup is a single query.
_SHOWN = (
    select(Holder.id, Holder.name, Holder.id_number, File.file_number, File.status,
           StorageLocation.name)
    .outerjoin(File, File.holder_id == Holder.id)
    .outerjoin(StorageLocation, StorageLocation.id == File.location_id)
)


def _fragment_ids(session: Session, fragment: str, limit: int) -> list[int]:
    chars = names.name_chars(fragment)
    if session.get_bind().dialect.name == "sqlite":
        sql = text("SELECT rowid FROM holder_name_fts WHERE holder_name_fts MATCH :q "
                   "ORDER BY rowid LIMIT :n")
        return list(session.scalars(sql, {"q": f'"{chars}"', "n": limit}))
    sql = text("SELECT id FROM holders WHERE to_tsvector('simple'::regconfig, name_chars) "
               "@@ phraseto_tsquery('simple'::regconfig, :q) ORDER BY id LIMIT :n")
    return list(session.scalars(sql, {"q": chars, "n": limit}))


class _Hits:
    """Rows found so far, tier by tier; a holder keeps the rank of the first tier that found it."""

    def __init__(self, session: Session, limit: int):
        self.session, self.limit = session, limit
        self.rows: dict[int, tuple] = {}
        self.ranks: dict[int, int] = {}

    def full(self) -> bool:
        return len(self.rows) >= self.limit

    def add(self, where, rank: int, order=Holder.id) -> None:
        if self.full():
            return
        for row in self.session.execute(_SHOWN.where(where).order_by(order).limit(self.limit)):
            if row[0] not in self.rows:
                self.rows[row[0]] = row
                self.ranks[row[0]] = rank


def _collect(session: Session, query: str, limit: int) -> _Hits:
    hits = _Hits(session, limit)
    q = normalise(query)
    try:
        full = parse_id(q).number if len(q) in (15, 18) else None
    except InvalidId:
        full = None
    if full:
        hits.add(Holder.id_number == full, EXACT)
        if hits.rows:
            return hits  # a whole ID number names one person: nothing else to rank
    if _FILE_NO.match(q):
        hits.add(File.file_number == q, EXACT)
    if _TAIL.match(q):
        hits.add(_prefix_range(Holder.id_rev, q[::-1]), ID_TAIL)
    text_q = "".join(query.split())
    if _CJK.search(text_q):
        frag = "".join(_CJK.findall(text_q))
        hits.add(Holder.name == frag, NAME_EXACT)
        hits.add(_prefix_range(Holder.name, frag), NAME_PREFIX, Holder.name)
        if not hits.full():
            ids = _fragment_ids(session, frag, limit)
            if ids:
                hits.add(Holder.id.in_(ids), FRAGMENT)
    elif _PINYIN.match(text_q.lower()):
        p = text_q.lower()
        hits.add(Holder.name_initials == p, INITIALS_EXACT)
        hits.add(_prefix_range(Holder.name_pinyin, p), PINYIN_PREFIX)
        hits.add(_prefix_range(Holder.name_initials, p), INITIALS_PREFIX)
    return hits


def find(session: Session, query: str, limit: int = 50) -> list[SearchHit]:
    """Ranked hits for one search box entry (no audit: callers record it)."""
    if not query or not query.strip():
        return []
    hits = _collect(session, query.strip(), limit)
    order = sorted(hits.rows, key=lambda i: -hits.ranks[i])  # stable: tier order kept
    out = []
    for i in order[:limit]:
        _, name, idn, file_number, status, location = hits.rows[i]
        out.append(SearchHit(i, name, idn, file_number, status, status_label(status),
                             location if status == "in_storage" else None, hits.ranks[i]))
    return out


def search(ctx: AppContext, query: str, limit: int = 50) -> list[SearchHit]:
    """Search as the acting user; the query and the number of hits are audited."""
    actor = ctx.require("search")
    with ctx.uow() as uow:
        hits = find(uow.session, query, limit)
        audit.record(uow.session, actor, "search", "holder", None, query=query, hits=len(hits))
        uow.commit()
        return hits
