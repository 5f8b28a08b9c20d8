"""Storage location codes and names (domain §5): 库房 → 区 → 列 → 面 → 节 → 层 → 格.

Canonical code `K01-Q01-L004-A-J02-C03-G05`, shown as `1号库房1区4列A面2节3层5格`.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("warehouse", "zone", "row", "side", "section", "layer", "slot")
LEVEL_LABELS = dict(zip(LEVELS, ("库房", "区", "列", "面", "节", "层", "格"), strict=True))
_PREFIX = {"warehouse": ("K", 2), "zone": ("Q", 2), "row": ("L", 3), "side": ("", 0),
           "section": ("J", 2), "layer": ("C", 2), "slot": ("G", 2)}


@dataclass(frozen=True)
class Part:
    level: str
    number: str  # "1", "4", "A"


def code_part(part: Part) -> str:
    letter, width = _PREFIX[part.level]
    return part.number if part.level == "side" else f"{letter}{int(part.number):0{width}d}"


def name_part(part: Part) -> str:
    if part.level == "warehouse":
        return f"{int(part.number)}号库房"
    if part.level == "side":
        return f"{part.number}面"
    return f"{int(part.number)}{LEVEL_LABELS[part.level]}"


def code_of(parts: list[Part]) -> str:
    return "-".join(code_part(p) for p in parts)


def name_of(parts: list[Part]) -> str:
    return "".join(name_part(p) for p in parts)
