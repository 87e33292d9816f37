"""Continuation parts: the text after （上接第N版） on the page a story jumps to."""

from __future__ import annotations

from pathlib import Path

from edition.helpers import edition_folder, page_bytes
from publisher.edition import parse_paths

P1 = "当前，氢能产业正在我国加速培育，制备、储运、加氢等主要技术不断突破。"
P2 = "日常生活中，人们最熟悉的氢能应用场景是交通运输，已被探索应用于公交客运。"
# cut by a column break
P4 = ("氢燃料牵引车在港口作业，氢能公交车行驶在大街小巷，氢能的应用场景不断拓宽。作为清洁能源，",
      "它既可以用于交通、化工等领域，又可作为大规模、长周期、跨季节的储能方式。")
P5 = "苏州市一家能源科技公司的电堆车间里，工人在压装机上交替叠放膜电极和双极板。"
P6 = "金龙联合汽车工业有限公司介绍，二〇一八年起，公司开始定制化生产氢能公交车。"
P3 = "张家港市交通运输综合行政执法大队大队长坦言，加氢站数量远少于加油站。"


def test_a_heading_under_a_question_after_the_jump_counts_the_first_part_s_question(
        tmp_path: Path) -> None:
    # the first part asked its question alone (氢能用在哪？), with no intertitle of a shape;
    # the part after the jump asks its next one over its answer's heading
    head = "工业重镇发力氢能产业"
    first = [P1, "氢能用在哪？", "".join(P4), P2, P5, P6]
    rest = [P3, "氢能从哪来？", "四十余家企业构成产业完整生态",
            "一座长约两米的圆柱形装置里，水溶液翻涌，细密的气泡升起。"]
    ed = parse_paths([edition_folder(tmp_path, {
        1: page_bytes(head, "本报记者 周 强", *first[:2], *P4, P2, P5, P6 + "（下转第三版）"),
        3: page_bytes("第 3 版", head, "（上接第一版）", *rest)})])
    assert [(a.headline, a.pages) for a in ed.articles] == [(head, [1, 3])]
    assert ed.articles[0].paragraphs == [*first, *rest]
