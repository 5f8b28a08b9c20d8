"""Storage location codes and names (domain §5): 库房 → 区 → 列 → 面 → 节 → 层 → 格.

Canonical code `K01-Q01-L004-A-J02-C03-G05`, shown as `1号库房1区4列A面2节3层5格`.
"""

from __future__ import annotations

from dataclasses import dataclass

LEVELS = ("warehouse", "zone", "row", "side", "section", "layer", "slot")
LEVEL_LABELS = dict(zip(LEVELS, ("库房", "区", "列", "面", "节", "层", "格"), strict=True))
_PREFIX = {
    "warehouse": ("K", 2),
    "zone": ("Q", 2),
    "row": ("L", 3),
    "side": ("", 0),
    "section": ("J", 2),
    "layer": ("C", 2),
    "slot": ("G", 2),
}


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


REASONS = ("入库", "借出", "归还", "转出", "整理", "移位", "盘点")
MOVE_REASONS = ("入库", "整理", "移位", "盘点")  # the others come with loans and transfers


class SpecInvalid(ValueError):
    """A bulk location spec that cannot be read; the message says which part."""


@dataclass(frozen=True)
class BulkSpec:
    """'库房1 区1 列1–20 面A/B 节1–5 层1–6 格1–10' as ranges."""

    warehouse: int
    zone: int
    rows: tuple[int, ...]
    sides: tuple[str, ...]
    sections: tuple[int, ...]
    layers: tuple[int, ...]
    slots: tuple[int, ...]

    def slot_parts(self):
        for r in self.rows:
            for side in self.sides:
                for j in self.sections:
                    for c in self.layers:
                        for g in self.slots:
                            yield [
                                Part("warehouse", str(self.warehouse)),
                                Part("zone", str(self.zone)),
                                Part("row", str(r)),
                                Part("side", side),
                                Part("section", str(j)),
                                Part("layer", str(c)),
                                Part("slot", str(g)),
                            ]

    @property
    def slot_count(self) -> int:
        return (
            len(self.rows)
            * len(self.sides)
            * len(self.sections)
            * len(self.layers)
            * len(self.slots)
        )


_KEYS = {
    "库房": "warehouse",
    "区": "zone",
    "列": "rows",
    "面": "sides",
    "节": "sections",
    "层": "layers",
    "格": "slots",
}
_LIMITS = {"warehouse": 99, "zone": 99, "rows": 999, "sections": 99, "layers": 99, "slots": 99}


def _numbers(label: str, text: str) -> tuple[int, ...]:
    text = text.replace("—", "-").replace("–", "-").replace("～", "-").replace("~", "-")
    try:
        if "-" in text:
            lo, hi = (int(x) for x in text.split("-", 1))
        else:
            lo = hi = int(text)
    except ValueError:
        raise SpecInvalid(f"“{label}{text}”应为数字或数字范围，如 {label}1–20") from None
    if lo < 1 or hi < lo:
        raise SpecInvalid(f"“{label}{text}”的范围无效")
    if hi > _LIMITS[_KEYS[label]]:
        raise SpecInvalid(f"“{label}{text}”超出上限 {_LIMITS[_KEYS[label]]}")
    return tuple(range(lo, hi + 1))


def parse_bulk(spec: str) -> BulkSpec:
    """Read '库房1 区1 列1–20 面A/B 节1–5 层1–6 格1–10'."""
    import re

    found: dict[str, object] = {}
    for token in spec.split():
        m = re.match(r"^(库房|区|列|面|节|层|格)(.+)$", token)
        if not m:
            raise SpecInvalid(f"看不懂“{token}”：应以 库房/区/列/面/节/层/格 开头")
        label, value = m.groups()
        if label == "面":
            sides = tuple(s.strip().upper() for s in value.replace("、", "/").split("/"))
            if not sides or any(s not in ("A", "B") for s in sides):
                raise SpecInvalid(f"“面{value}”应为 A、B 或 A/B")
            found["sides"] = sides
        else:
            found[_KEYS[label]] = _numbers(label, value)
    missing = [k for k, v in _KEYS.items() if v not in found]
    if missing:
        raise SpecInvalid(f"缺少：{'、'.join(missing)}")
    wh, zone = found["warehouse"], found["zone"]
    if len(wh) != 1 or len(zone) != 1:
        raise SpecInvalid("一次只能建一个库房的一个区")
    return BulkSpec(
        wh[0],
        zone[0],
        found["rows"],
        found["sides"],
        found["sections"],
        found["layers"],
        found["slots"],
    )


def prefix_range(code_prefix: str) -> tuple[str, str]:
    """All codes under a prefix: [prefix, prefix + '\\x7f')."""
    return code_prefix, code_prefix + "\x7f"
