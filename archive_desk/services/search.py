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


def _ids(session: Session, where, limit: int) -> list[int]:
    return list(session.scalars(select(Holder.id).where(where).order_by(Holder.id).limit(limit)))


def _fragment_ids(session: Session, fragment: str, limit: int) -> list[int]:
    chars = names.name_chars(fragment)
    if session.get_bind().dialect.name == "sqlite":
        sql = text("SELECT rowid FROM holder_name_fts WHERE holder_name_fts MATCH :q "
                   "ORDER BY rowid LIMIT :n")
        return list(session.scalars(sql, {"q": f'"{chars}"', "n": limit}))
    sql = text("SELECT id FROM holders WHERE to_tsvector('simple'::regconfig, name_chars) "
               "@@ phraseto_tsquery('simple'::regconfig, :q) ORDER BY id LIMIT :n")
    return list(session.scalars(sql, {"q": chars, "n": limit}))


def _candidates(session: Session, query: str, limit: int) -> dict[int, int]:
    """holder id → best rank, tier by tier, stopping once enough are found."""
    found: dict[int, int] = {}

    def add(ids: list[int], rank: int) -> None:
        for i in ids:
            found.setdefault(i, rank)

    q = normalise(query)
    try:
        full = parse_id(q).number if len(q) in (15, 18) else None
    except InvalidId:
        full = None
    if full:
        add(_ids(session, Holder.id_number == full, limit), EXACT)
        if found:
            return found  # a whole ID number names one person: nothing else to rank
    if _FILE_NO.match(q):
        hid = session.scalar(select(File.holder_id).where(File.file_number == q))
        if hid:
            add([hid], EXACT)
    if _TAIL.match(q):
        add(_ids(session, _prefix_range(Holder.id_rev, q[::-1]), limit), ID_TAIL)
    text_q = "".join(query.split())
    if _CJK.search(text_q):
        frag = "".join(_CJK.findall(text_q))
        add(_ids(session, Holder.name == frag, limit), NAME_EXACT)
        if len(found) < limit:
            add(_ids(session, _prefix_range(Holder.name, frag), limit), NAME_PREFIX)
        if len(found) < limit:
            add(_fragment_ids(session, frag, limit), FRAGMENT)
    elif _PINYIN.match(text_q.lower()):
        p = text_q.lower()
        add(_ids(session, Holder.name_initials == p, limit), INITIALS_EXACT)
        for column, rank in ((Holder.name_pinyin, PINYIN_PREFIX),
                             (Holder.name_initials, INITIALS_PREFIX)):
            if len(found) < limit:
                add(_ids(session, _prefix_range(column, p), limit), rank)
    return found


def find(session: Session, query: str, limit: int = 50) -> list[SearchHit]:
    """Ranked hits for one search box entry (no audit: callers record it)."""
    if not query or not query.strip():
        return []
    ranks = _candidates(session, query.strip(), limit)
    if not ranks:
        return []
    ids = sorted(ranks, key=lambda i: (-ranks[i], i))[:limit]
    rows = session.execute(
        select(Holder.id, Holder.name, Holder.id_number, File.file_number, File.status,
               StorageLocation.name)
        .outerjoin(File, File.holder_id == Holder.id)
        .outerjoin(StorageLocation, StorageLocation.id == File.location_id)
        .where(Holder.id.in_(ids))
    ).all()
    by_id = {r[0]: r for r in rows}
    return [
        SearchHit(i, by_id[i][1], by_id[i][2], by_id[i][3], by_id[i][4], status_label(by_id[i][4]),
                  by_id[i][5] if by_id[i][4] == "in_storage" else None, ranks[i])
        for i in ids if i in by_id
    ]


def search(ctx: AppContext, query: str, limit: int = 50) -> list[SearchHit]:
    """Search as the acting user; the query and the number of hits are audited."""
    actor = ctx.require("search")
    with ctx.uow() as uow:
        hits = find(uow.session, query, limit)
        audit.record(uow.session, actor, "search", "holder", None, query=query, hits=len(hits))
        uow.commit()
        return hits
