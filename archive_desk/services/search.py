"""One search box: name fragment, pinyin (full or initials), ID number (full or last 4–6 digits),
file number and barcode content. Results are ranked by how exactly they matched.

Every kind of lookup is an index range or an index probe, so none scans the table:
- exact ID / file number: unique indexes;
- last digits of an ID: a prefix range on the reversed number (`id_rev`);
- pinyin: prefix ranges on `name_initials` / `name_pinyin` (computed when the name was written);
- name: exact and prefix ranges on `name`, then fragments through `holder_name_grams` (every
  1–3 character piece of each name): one range however common the characters. Trigram indexes
  cannot serve 1–2 character fragments, and full-text phrase queries (FTS5, a GIN tsvector)
  must walk the whole posting list of a common character such as 王 — 10–20 ms at a million.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import literal, select, union_all
from sqlalchemy.orm import Session

from archive_desk.db.models import File, Holder, HolderNameGram, StorageLocation
from archive_desk.domain.files import status_label
from archive_desk.domain.idcard import InvalidId, normalise, parse_id
from archive_desk.domain.names import GRAM_MAX, MIDDLE_DOT, is_ideograph, search_form
from archive_desk.services import audit
from archive_desk.services.context import AppContext

_TAIL = re.compile(r"^\d{3,5}[\dX]$")
_PINYIN = re.compile(r"^[a-z]+$")
_FILE_NO = re.compile(r"^[A-Z0-9\-]{3,20}$")

# Rank of each kind of match: higher first.
(
    EXACT,
    NAME_EXACT,
    NAME_PREFIX,
    ID_TAIL,
    INITIALS_EXACT,
    PINYIN_PREFIX,
    INITIALS_PREFIX,
    FRAGMENT,
) = (100, 90, 80, 70, 60, 55, 50, 40)


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
        return {
            "holder_id": self.holder_id,
            "name": self.name,
            "id_number": self.id_number,
            "file_number": self.file_number,
            "status": self.status,
            "status_label": self.status_label,
            "location": self.location,
            "rank": self.rank,
        }


def _prefix_range(column, prefix: str):
    """`column` starts with `prefix`, as an index range (LIKE would not use the index)."""
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return (column >= prefix) & (column < upper)


def _shown(where, rank: int, limit: int):
    """One tier: what a hit shows, with the tier's rank, in index order (no sort), limited."""
    return (
        select(
            Holder.id,
            Holder.name,
            Holder.id_number,
            File.file_number,
            File.status,
            StorageLocation.name.label("location"),
            literal(rank).label("rank"),
        )
        .outerjoin(File, File.holder_id == Holder.id)
        .outerjoin(StorageLocation, StorageLocation.id == File.location_id)
        .where(where)
        .limit(limit)
    )


def _fragment_ids(fragment: str, limit: int):
    """Holder ids whose name holds `fragment`: an index range of the name pieces table; a
    fragment longer than the pieces is narrowed by its first piece, then checked on the name."""
    head = fragment[:GRAM_MAX]
    q = select(HolderNameGram.holder_id).where(HolderNameGram.gram == head)
    if len(fragment) > GRAM_MAX:
        q = q.join(Holder, Holder.id == HolderNameGram.holder_id).where(
            Holder.name.contains(fragment, autoescape=True)
        )
    return q.limit(limit)


_PREFIX_TTL = 60.0
_prefix_cache: dict[str, tuple[float, str]] = {}


def _file_number_prefix(session: Session) -> str:
    """The literal start of the configured file number pattern ('DA' of 'DA{seq:07d}'), read at
    most once a minute per database: an entry without it cannot be a file number, which spares
    a lookup for every ID tail or pinyin search."""
    import time

    from archive_desk.services.settings import read_all

    key = str(session.get_bind().url)
    now = time.monotonic()
    hit = _prefix_cache.get(key)
    if hit is None or now - hit[0] > _PREFIX_TTL:
        pattern = str(read_all(session)["files.number_pattern"])
        hit = (now, pattern.split("{", 1)[0].upper())
        _prefix_cache[key] = hit
    return hit[1]


def _tiers(query: str, limit: int, file_prefix: str = "") -> tuple[list, str | None]:
    """The index lookups this entry could mean (each a probe or a range), and the name
    fragment to look for in the full-text index if they find too little."""
    tiers = []
    q = normalise(query)
    try:
        full = parse_id(q).number if len(q) in (15, 18) else None
    except InvalidId:
        full = None
    if full:  # a whole ID number names one person
        return [_shown(Holder.id_number == full, EXACT, limit)], None
    if _FILE_NO.match(q) and q.startswith(file_prefix):
        tiers.append(_shown(File.file_number == q, EXACT, limit))
    if _TAIL.match(q):
        tiers.append(_shown(_prefix_range(Holder.id_rev, q[::-1]), ID_TAIL, limit))
    text_q = search_form(query)  # the dot as names store it, whichever look-alike was typed
    fragment = None
    if any(is_ideograph(ch) for ch in text_q):
        fragment = "".join(ch for ch in text_q if is_ideograph(ch) or ch == MIDDLE_DOT)
        tiers.append(_shown(Holder.name == fragment, NAME_EXACT, limit))
        tiers.append(_shown(_prefix_range(Holder.name, fragment), NAME_PREFIX, limit))
    elif _PINYIN.match(text_q.lower()):
        p = text_q.lower()
        tiers.append(_shown(Holder.name_initials == p, INITIALS_EXACT, limit))
        tiers.append(_shown(_prefix_range(Holder.name_pinyin, p), PINYIN_PREFIX, limit))
        tiers.append(_shown(_prefix_range(Holder.name_initials, p), INITIALS_PREFIX, limit))
    return tiers, fragment


def _run(session: Session, tiers: list, best: dict[int, tuple]) -> None:
    stmt = tiers[0] if len(tiers) == 1 else union_all(*(select(t.subquery()) for t in tiers))
    for row in session.execute(stmt):
        if row[0] not in best or best[row[0]][6] < row[6]:
            best[row[0]] = tuple(row)


def find(session: Session, query: str, limit: int = 50) -> list[SearchHit]:
    """Ranked hits for one search box entry (no audit: callers record it).

    The index tiers go in one statement (a union of limited probes and ranges); a name fragment
    is looked up in the full-text index only when they found fewer than `limit`. Ranked here:
    best tier first, then by name.
    """
    if not query or not query.strip():
        return []
    tiers, fragment = _tiers(query.strip(), limit, _file_number_prefix(session))
    best: dict[int, tuple] = {}
    if tiers:
        _run(session, tiers, best)
    if fragment and len(best) < limit:  # the full-text index only when the ranges fell short
        _run(
            session, [_shown(Holder.id.in_(_fragment_ids(fragment, limit)), FRAGMENT, limit)], best
        )
    ranked = sorted(best.values(), key=lambda r: (-r[6], r[1], r[0]))[:limit]
    return [
        SearchHit(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            status_label(r[4]),
            r[5] if r[4] == "in_storage" else None,
            r[6],
        )
        for r in ranked
    ]


def search(ctx: AppContext, query: str, limit: int = 50) -> list[SearchHit]:
    """Search as the acting user; the query and the number of hits are audited."""
    actor = ctx.require("search")
    with ctx.uow() as uow:
        hits = find(uow.session, query, limit)
        audit.read(uow.session, actor, "search", "holder", rows=len(hits), query=query)
        uow.commit()
        return hits
