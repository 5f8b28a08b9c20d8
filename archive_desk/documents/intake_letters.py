"""The printed documents of intake: 调档函 with its stub, 回执 to the sender, the
缺件告知承诺书 in two copies, and the letter returning a file to its sender."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from archive_desk.documents.layout import Centre, Sheet, chinese_date


def transfer_request(
    out: Path,
    *,
    number: str,
    holder_name: str,
    id_number: str,
    addressee: str,
    issued: date,
    valid_until: date,
    centre: Centre,
) -> Path:
    """调档函 (domain §4.1): the letter, then a tear-off stub the sender sticks on the file."""
    s = Sheet(out, "调档函")
    s.title("商调函（调档函）")
    s.right(number)
    s.para(f"{addressee}：", indent=False)
    s.para(
        f"{holder_name}同志（身份证号：{id_number}）的人事档案拟转入我处保管。"
        "请按下列第（　）项办理："
    )
    s.para(
        "（一）同意调出。请将其人事档案（含完整的档案材料目录）连同《档案转递通知单》，"
        "通过机要通信或专人送取方式转递我处。"
    )
    s.para("（二）暂不同意调出。理由：＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿。")
    s.para(
        f"本函有效期至{chinese_date(valid_until)}。档案请寄：{centre.name}，"
        f"地址：{centre.address}，邮政编码：{centre.post_code}，联系电话：{centre.phone}。"
    )
    s.signature(centre, chinese_date(issued))
    s.cut_line("沿此线剪下，存根贴于档案袋背面")
    s.title("调档函存根", 14)
    s.para(f"NO. {number}", indent=False)
    s.para(f"姓名：{holder_name}　　身份证号：{id_number}", indent=False)
    s.para(f"发函日期：{chinese_date(issued)}　　收件单位：{addressee}", indent=False)
    s.save()
    return Path(out)


def intake_receipt(
    out: Path,
    *,
    file_number: str,
    holder_name: str,
    id_number: str,
    sender: str,
    arrived: date,
    material_count: int,
    originals: int,
    copies: int,
    letter_number: str,
    centre: Centre,
    dated: date,
) -> Path:
    """回执: returned to the sender once the file is accepted."""
    s = Sheet(out, "档案接收回执")
    s.title("人事档案接收回执")
    s.para(f"{sender}：", indent=False)
    s.para(
        f"你处于{chinese_date(arrived)}转来{holder_name}同志（身份证号：{id_number}）的人事档案"
        f"正本{originals}卷、副本{copies}卷、材料{material_count}份，已全部收到，"
        "现将回执退回。"
    )
    s.para(f"调档函编号：{letter_number or '无'}　　档案编号：{file_number}", indent=False)
    s.signature(centre, chinese_date(dated))
    s.contact(centre)
    s.save()
    return Path(out)


def missing_notice(
    out: Path,
    *,
    number: str,
    holder_name: str,
    id_number: str,
    items: list[str],
    deadline: date,
    commitment: str,
    issued: date,
    centre: Centre,
) -> Path:
    """缺件告知承诺书 in two copies (one kept, one for the holder), each signed by the holder."""
    s = Sheet(out, "缺件告知承诺书")
    for copy in ("第一联　存档机构留存", "第二联　存档人留存"):
        s.title("档案材料缺件告知承诺书", 16)
        s.right(f"{number}　{copy}", size=9)
        s.para(f"{holder_name}同志（身份证号：{id_number}）：", indent=False, gap=1.7)
        s.para("经核对，你的人事档案缺少以下材料：", gap=1.7)
        for i, item in enumerate(items, start=1):
            s.para(f"{i}. {item}", indent=False, size=11, gap=1.6)
        s.para(f"请于{chinese_date(deadline)}前补齐。档案先予接收（容缺受理）。", gap=1.7)
        s.para(f"承诺：{commitment}", size=11, gap=1.6)
        s.para(
            "存档人（签字）：＿＿＿＿＿＿　　日期：＿＿＿＿年＿＿月＿＿日", indent=False, gap=1.7
        )
        s.signature(centre, chinese_date(issued))
        if copy.startswith("第一联"):
            s.cut_line("第一联与第二联内容相同，分别留存")
    s.save()
    return Path(out)


def return_letter(
    out: Path,
    *,
    holder_name: str,
    id_number: str,
    sender: str,
    reason: str,
    letter_number: str,
    centre: Centre,
    dated: date,
) -> Path:
    """The letter that goes back with a file refused for a missing essential item."""
    s = Sheet(out, "档案退回函")
    s.title("人事档案退回函")
    s.para(f"{sender}：", indent=False)
    s.para(
        f"你处转来的{holder_name}同志（身份证号：{id_number}）的人事档案，经核对，"
        f"缺少以下重要材料：{reason}。根据流动人员人事档案管理有关规定，现将该档案退回，"
        "请补齐材料后重新转递。"
    )
    s.para(f"原调档函编号：{letter_number or '无'}", indent=False)
    s.signature(centre, chinese_date(dated))
    s.contact(centre)
    s.save()
    return Path(out)
