"""The GB code tables of domain §2, read once from the CSV files shipped in resources/data.

Codes are stored; names are shown. A code table is a plain mapping code → name, in file order.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from archive_desk import paths


@dataclass(frozen=True)
class Region:
    code: str
    name: str
    full_name: str
    valid_to: str  # "" while in force


def _rows(name: str) -> list[dict[str, str]]:
    with open(paths.resource("data", f"{name}.csv"), encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def table(name: str) -> dict[str, str]:
    """code → name for one table; education leaves out its header (x0) codes."""
    return {r["code"]: r["name"] for r in _rows(name) if r.get("header", "0") != "1"}


SEX, ETHNICITY, POLITICAL, EDUCATION, MARITAL, RELATION = (
    "sex",
    "ethnicity",
    "political_status",
    "education",
    "marital_status",
    "relation",
)
TABLES = (SEX, ETHNICITY, POLITICAL, EDUCATION, MARITAL, RELATION)


def name_of(table_name: str, code: str | None) -> str:
    if not code:
        return ""
    return table(table_name).get(code, code)


@cache
def regions() -> dict[str, Region]:
    return {
        r["code"]: Region(r["code"], r["name"], r["full_name"], r["valid_to"])
        for r in _rows("regions")
    }


def region(code: str) -> Region | None:
    """The county (or city/province) of a six-digit code; None when not in the table."""
    return regions().get(code)
