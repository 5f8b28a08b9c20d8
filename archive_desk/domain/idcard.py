"""Resident ID numbers per GB 11643-1999 (and the HK/MO/TW residence permits that share it).

Pure functions, no I/O: `parse_id` returns either a `ParsedId` or raises `InvalidId` with a reason
in Chinese that names what is wrong, so the counter can read it out to the applicant.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from archive_desk.domain import clock

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
PERMIT_PREFIXES = {"81": "香港居民居住证", "82": "澳门居民居住证", "83": "台湾居民居住证"}

_FULLWIDTH = {ord(c): ord(c) - 0xFEE0 for c in "０１２３４５６７８９ｘＸ"}


def _ascii_digits(text: str) -> bool:
    """Only 0-9: str.isdigit() and int() also take Arabic-Indic, mathematical bold or superscript
    digits, which would let a look-alike number register the same person twice (or crash)."""
    return text.isascii() and text.isdigit()


class InvalidId(ValueError):
    """The number cannot be a resident ID number; `reason` says why, in Chinese."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class ParsedId:
    number: str  # normalised 18-character form
    birth_date: date
    sex_code: str  # GB/T 2261.1: "1" male, "2" female
    region_code: str  # first six digits
    upgraded_from: str | None = None  # the 15-digit original, if any
    permit_kind: str | None = None  # 香港/澳门/台湾居民居住证

    @property
    def sex_name(self) -> str:
        return "男" if self.sex_code == "1" else "女"


def check_char(first17: str) -> str:
    """The GB 11643 check character for the first 17 digits."""
    total = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def normalise(raw: str) -> str:
    """Strip blanks, turn full-width digits/x to ASCII and a lower-case x to X."""
    return "".join(raw.translate(_FULLWIDTH).split()).upper()


def upgrade_15(number15: str) -> str:
    """Old 15-digit number → 18 digits: insert '19' before the date, append the check character."""
    first17 = number15[:6] + "19" + number15[6:]
    return first17 + check_char(first17)


def _birth_date(text: str) -> date:
    try:
        return date(int(text[:4]), int(text[4:6]), int(text[6:8]))
    except ValueError:
        raise InvalidId(f"出生日期 {text} 不是有效日期") from None


def parse_id(raw: str, today: date | None = None) -> ParsedId:
    """Validate and normalise; raise InvalidId with the reason when it is not a valid number."""
    today = today or clock.today()
    number = normalise(raw or "")
    if not number:
        raise InvalidId("身份证号码为空")
    upgraded_from = None
    if len(number) == 15:
        if not _ascii_digits(number):
            raise InvalidId("15位身份证号码只能由数字0–9组成")
        upgraded_from, number = number, upgrade_15(number)
    if len(number) != 18:
        raise InvalidId(f"身份证号码应为18位（或旧式15位），实际为{len(number)}位")
    if not _ascii_digits(number[:17]):
        raise InvalidId("身份证号码前17位只能是数字0–9")
    if not (_ascii_digits(number[17]) or number[17] == "X"):
        raise InvalidId("身份证号码第18位只能是数字0–9或X")
    born = _birth_date(number[6:14])
    if born > today:
        raise InvalidId(f"出生日期 {clock.format_date(born)} 晚于今天")
    if born.year < 1880:
        raise InvalidId(f"出生日期 {clock.format_date(born)} 早于1880年")
    expected = check_char(number[:17])
    if number[17] != expected:
        raise InvalidId(f"校验码错误：第18位应为 {expected}，实际为 {number[17]}")
    return ParsedId(
        number=number,
        birth_date=born,
        sex_code="1" if int(number[16]) % 2 == 1 else "2",
        region_code=number[:6],
        upgraded_from=upgraded_from,
        permit_kind=PERMIT_PREFIXES.get(number[:2]),
    )


def is_valid(raw: str) -> bool:
    try:
        parse_id(raw)
    except InvalidId:
        return False
    return True
