"""Holder data rules (domain §2): the fields, their Chinese labels, validation and completeness."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields
from datetime import date, datetime

from archive_desk.domain import clock, codes, names
from archive_desk.domain.idcard import InvalidId, parse_id


@dataclass(frozen=True)
class FieldSpec:
    name: str
    label: str
    kind: str = "text"  # text | date | code:<table> | id
    max_len: int = 100


FIELDS: tuple[FieldSpec, ...] = (
    FieldSpec("name", "姓名", max_len=names.NAME_MAX),
    FieldSpec("sex_code", "性别", "code:sex"),
    FieldSpec("birth_date", "出生日期", "date"),
    FieldSpec("ethnicity_code", "民族", "code:ethnicity"),
    FieldSpec("id_number", "公民身份号码", "id"),
    FieldSpec("hukou_location", "户籍所在地"),
    FieldSpec("political_status_code", "政治面貌", "code:political_status"),
    FieldSpec("education_code", "学历", "code:education"),
    FieldSpec("graduated_school", "毕业院校"),
    FieldSpec("major", "专业"),
    FieldSpec("work_start_date", "参加工作时间", "date"),
    FieldSpec("employer", "工作单位"),
    FieldSpec("phone", "联系电话", max_len=30),
    FieldSpec("address", "联系地址", max_len=200),
    FieldSpec("party_join_date", "入党(团)时间", "date"),
    FieldSpec("professional_title", "专业技术职务"),
    FieldSpec("native_place", "籍贯"),
    FieldSpec("former_employer", "原工作单位"),
    FieldSpec("marital_status_code", "婚姻状况", "code:marital_status"),
)
FIELD_BY_NAME = {f.name: f for f in FIELDS}

# Domain §2: required at intake. The office may change the list (setting holder.required_fields).
DEFAULT_REQUIRED = (
    "name",
    "sex_code",
    "birth_date",
    "ethnicity_code",
    "id_number",
    "hukou_location",
    "political_status_code",
    "education_code",
    "graduated_school",
    "major",
    "work_start_date",
    "employer",
    "phone",
    "address",
)

_PHONE = re.compile(r"^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8}(-\d{1,6})?)$")


@dataclass
class Relation:
    name: str
    relation_code: str
    id_number: str = ""


@dataclass
class HolderData:
    """What a clerk enters for a holder: codes as strings, dates as `date` or None."""

    name: str = ""
    sex_code: str = ""
    birth_date: date | None = None
    ethnicity_code: str = ""
    id_number: str = ""
    hukou_location: str = ""
    political_status_code: str = ""
    education_code: str = ""
    graduated_school: str = ""
    major: str = ""
    work_start_date: date | None = None
    employer: str = ""
    phone: str = ""
    address: str = ""
    party_join_date: date | None = None
    professional_title: str = ""
    native_place: str = ""
    former_employer: str = ""
    marital_status_code: str = ""
    relations: list[Relation] = field(default_factory=list)

    def values(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "relations"}


class HolderInvalid(ValueError):
    """Field-by-field reasons (field name → Chinese message)."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(
            "；".join(
                f"{FIELD_BY_NAME[k].label if k in FIELD_BY_NAME else k}：{v}"
                for k, v in errors.items()
            )
        )
        self.errors = errors


def _empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


RELATION_NAME_MAX = 30  # holder_relations.name


def _shape_error(value: object, expected: type, max_len: int) -> str | None:
    """What is wrong with a value's type, characters or length, before any rule may look at it
    (a caller other than the form may hand in anything; the database must never be the check)."""
    if expected is date:
        if value is None:
            return None
        if not isinstance(value, date) or isinstance(value, datetime):
            return "应为日期（年-月-日）"
        return None
    if not isinstance(value, str):
        return "应为文字"
    if "\x00" in value:
        return "不能包含空字符（NUL）"
    if len(value.strip()) > max_len:
        return f"不能超过{max_len}个字"
    return None


def shape_errors(data: object) -> dict[str, str]:
    """Field → reason for values of the wrong type, with NUL characters or too long."""
    if not isinstance(data, HolderData):
        return {"data": "应为存档人信息（HolderData）"}
    errors: dict[str, str] = {}
    for spec in FIELDS:
        value = getattr(data, spec.name)
        if value is None and spec.kind != "date":
            continue  # read as empty (see normalise)
        reason = _shape_error(value, date if spec.kind == "date" else str, spec.max_len)
        if reason:
            errors[spec.name] = reason
    if not isinstance(data.relations, (list, tuple)):
        errors["relations"] = "家庭成员应为列表"
        return errors
    for i, rel in enumerate(data.relations, start=1):
        if not isinstance(rel, Relation):
            errors[f"relations.{i}"] = f"第{i}位家庭成员：格式不正确"
            continue
        for value, label, max_len in (
            (rel.name if rel.name is not None else "", "姓名", RELATION_NAME_MAX),
            (rel.relation_code, "关系代码", 2),
            (rel.id_number if rel.id_number is not None else "", "身份证号码", 20),
        ):
            reason = _shape_error(value, str, max_len)
            if reason:
                errors[f"relations.{i}"] = f"第{i}位家庭成员：{label}{reason}"
                break
    return errors


def normalise(data: HolderData) -> HolderData:
    """Trim text, normalise the ID number; fill birth date and sex from it when left empty.
    Text left as None reads as empty; values of another type are left for `validate`."""
    if not isinstance(data, HolderData):
        return data
    for spec in FIELDS:
        v = getattr(data, spec.name)
        if isinstance(v, str):
            setattr(data, spec.name, v.strip())
        elif v is None and spec.kind != "date":
            setattr(data, spec.name, "")
    if isinstance(data.name, str):  # the dot's look-alikes as ·; ideographs as typed
        data.name = names.normalise_name(data.name)
    for rel in data.relations if isinstance(data.relations, list | tuple) else ():
        if isinstance(rel, Relation) and isinstance(rel.name, str):  # shapes checked later
            rel.name = names.normalise_name(rel.name)
    if not isinstance(data.id_number, str):
        return data
    try:
        parsed = parse_id(data.id_number)
    except InvalidId:
        return data
    data.id_number = parsed.number
    data.birth_date = data.birth_date or parsed.birth_date
    data.sex_code = data.sex_code or parsed.sex_code
    return data


def validate(
    data: HolderData, required: tuple[str, ...] = ("name", "id_number"), today: date | None = None
) -> tuple[dict[str, str], list[str]]:
    """Return (errors, warnings). Errors block saving; warnings are shown but allowed."""
    today = today or clock.today()
    errors = shape_errors(data)
    if errors:  # the rules below assume values of the right type
        return errors, []
    warnings: list[str] = []
    for spec in FIELDS:
        value = getattr(data, spec.name)
        if _empty(value):
            if spec.name in required:
                errors[spec.name] = "必填项，不能为空"
            continue
        if spec.kind == "text" and len(str(value)) > spec.max_len:
            errors[spec.name] = f"不能超过{spec.max_len}个字"
        elif spec.kind.startswith("code:"):
            if value not in codes.table(spec.kind[5:]):
                errors[spec.name] = f"代码 {value} 不在{spec.label}代码表中"
        elif spec.kind == "date" and value > today:
            errors[spec.name] = "日期不能晚于今天"
    if not _empty(data.name) and (reason := names.check_name(data.name)):
        errors["name"] = reason
    if not _empty(data.phone) and "phone" not in errors and not _PHONE.match(data.phone):
        errors["phone"] = "应为11位手机号或带区号的固定电话"
    if not _empty(data.id_number):
        try:
            parsed = parse_id(data.id_number, today)
        except InvalidId as exc:
            errors["id_number"] = exc.reason
        else:
            if data.birth_date and data.birth_date != parsed.birth_date:
                errors["birth_date"] = (
                    f"与身份证号码不符（应为{clock.format_date(parsed.birth_date)}）"
                )
            if data.sex_code in ("1", "2") and data.sex_code != parsed.sex_code:
                errors["sex_code"] = f"与身份证号码不符（应为{parsed.sex_name}）"
            if codes.region(parsed.region_code) is None:
                warnings.append(f"身份证号码的地址码 {parsed.region_code} 不在行政区划代码表中")
    birth = data.birth_date
    for name in ("work_start_date", "party_join_date"):
        value = getattr(data, name)
        if birth and value and value < birth and name not in errors:
            errors[name] = "不能早于出生日期"
    for i, rel in enumerate(data.relations, start=1):
        if _empty(rel.name):
            errors[f"relations.{i}"] = f"第{i}位家庭成员：姓名不能为空"
        elif reason := names.check_name(rel.name):
            errors[f"relations.{i}"] = f"第{i}位家庭成员：姓名{reason}"
        elif rel.relation_code not in codes.table(codes.RELATION):
            errors[f"relations.{i}"] = f"第{i}位家庭成员：关系代码 {rel.relation_code} 无效"
        elif rel.id_number:
            try:
                rel.id_number = parse_id(rel.id_number, today).number
            except InvalidId as exc:
                errors[f"relations.{i}"] = f"第{i}位家庭成员：{exc.reason}"
    return errors, warnings


def missing_required(values: dict[str, object], required: tuple[str, ...]) -> list[str]:
    """The labels of required items that are empty, in form order."""
    return [
        FIELD_BY_NAME[n].label for n in required if n in FIELD_BY_NAME and _empty(values.get(n))
    ]


def completeness(values: dict[str, object], required: tuple[str, ...]) -> int:
    """Percent of required items present (应采必采)."""
    if not required:
        return 100
    present = len(required) - len(missing_required(values, required))
    return round(100 * present / len(required))
