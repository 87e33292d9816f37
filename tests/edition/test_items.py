"""Stories made of items, each under its own heading, each about a subject of its own."""

from __future__ import annotations

from edition.helpers import heads, parse

NOTE = "中华文明源远流长，本版今起推出系列文章，邀请考古学者讲述馆藏珍品背后的故事。"
# the items' texts share almost none of their words: each is about a thing of its own
BRONZE = ("这件青铜酒器为贵族祭祀祖先所铸，器身饰有饕餮纹样，铭文记载了营建都城的史事。"
          "考古学家清理底部锈迹后，发现铭文共计一百余字，字迹清晰可辨。")
JADE = ("绿松石龙形器由两千余片绿松石拼合而成，龙身起伏如波，头部以玉石镶嵌双眼。"
        "修复人员花费数年时间，才将散落的碎片逐一复位。")
MIRROR = ("铜镜背面铸有五枚乳钉，环绕神兽图案，边缘一圈铭文寓意吉祥富足。"
          "汉代人常把铜镜当作嫁妆或馈赠亲友的礼物。")
NEXT = "另一件新闻登上版面，市里的地铁新线今天开通运营，沿线居民出行更方便。"


def test_sections_set_alike_under_an_editors_note_stay_in_their_story() -> None:
    page = parse("文物里的印记（文物有话说）", NOTE, "——编  者",
                 "某省某县遗址出土青铜尊", "铭文上的源头", "何  努", BRONZE,
                 "铭文共计一百余字", MIRROR,  # a heading-like line inside a section: no break
                 "（作者为某大学教授，本报记者某某采访整理）",
                 "某省某市遗址出土龙形器", "图腾里的气象", "赵海涛", JADE,
                 "（作者为某研究所副研究员）",
                 "某省某市博物馆藏神兽镜", "千百年的愿景", "任晓飞", MIRROR,
                 "（作者为某博物馆馆长）",
                 "地铁新线开通运营", NEXT)
    assert heads(page) == ["文物里的印记（文物有话说）", "地铁新线开通运营"]
    story = page.articles[0]
    assert story.paragraphs[:6] == [NOTE, "——编 者", "某省某县遗址出土青铜尊", "铭文上的源头",
                                    "何 努", BRONZE]
    assert len(story.paragraphs) == 19


VILLAGE = ("北红村地处最北端，三面环山，大江由西向东从村子北面穿过，冬季积雪深厚。"
           "村民在入冬前上山采摘蘑菇木耳，农家院里的火炕烧得正旺。")
SPRING = ("南溪村夹在两座大山之间，这里位于地热成矿带，温泉常年恒温，水质清澈。"
          "村里把护水写进村规民约，民宿老板琢磨如何凭一池热水留住客人。")
FLOWERS = ("斗南花市的主交易场馆里，玫瑰、百合插在一个个大桶里，茶花、杜鹃整齐摆放。"
           "花商忙着打包年宵花，直播间里主播向观众展示插花手艺。")


def test_signed_items_under_a_note_opening_with_its_label_stay_in_the_package() -> None:
    note = "编者按：冬日的生态旅游正红火，本版今起推出系列报道，一起去寻觅山水间的独特魅力。"
    page = parse("到大自然去 拥抱多样的冬天", "本报记者 刘洋", note,
                 "北方某地，雪地资源、观星条件", "在北红村，体验原生态雪地生活", "本报记者 郭晓龙",
                 VILLAGE,
                 "东部某地，地热资源、康养产业", "在南溪村，感受森林里的温泉", "本报记者 窦瀚洋",
                 SPRING,
                 "西南某地，气候资源、花旅融合", "在斗南花市，享受花团锦簇", "本报记者 张驰",
                 FLOWERS)
    assert heads(page) == ["到大自然去 拥抱多样的冬天"]
    assert page.articles[0].paragraphs[1] == "北方某地，雪地资源、观星条件"


INTRO = ("展馆外观宛如一卷徐徐展开的竹简，设计团队从古代书写载体中汲取灵感，"
         "把书法艺术呈现在竹简外墙上，参观者远远就能看到一行行古代经典名句。"
         "馆内设有多个展区，介绍古代天文观测、农耕灌溉和丝绸织造的成就，"
         "每天有上万名参观者排队入场，志愿者用多种语言讲解展品。")
INTRO = INTRO * 2  # long enough on both sides for the share to be measured
GREEN = ("竹子是环保建材的代表，项目团队选用竹简板做墙体，屋面采用轻透阳光板，"
         "雨水收集后用于浇灌绿植，夏季室内温度比室外低好几度，空调能耗明显下降。"
         "拆除时螺栓连接便于回收，钢构件可以运回工厂再次利用。") * 2
STEEL = ("钢结构工程师介绍，曲面屋顶由上千根弯扭钢梁拼成，每一根尺寸各不相同，"
         "工厂用数控机床逐根加工，再运到现场用吊车拼装，误差控制在两毫米以内。"
         "焊工们连续奋战三个月，赶在开幕前完成全部吊装任务。") * 3


def test_a_series_of_comma_pairs_is_the_storys_intertitles() -> None:
    page = parse("书简背后的建造智慧", INTRO,
                 "“绿”，提供环保方案", "选用竹简板等建材，建筑更加节能", GREEN,
                 "“新”，凝聚建造智慧", "建造采用新技术，展陈提供新体验", STEEL)
    assert heads(page) == ["书简背后的建造智慧"]
    assert page.articles[0].intertitles == [1, 2, 4, 5]


def test_items_whose_series_echoes_the_headline_stay_in_the_story() -> None:
    page = parse("砥砺家国情怀  凝聚奋进力量", "——走近年度最美家庭", INTRO,
                 "厚植家国情怀", GREEN, "传承优良家风", STEEL)
    assert heads(page) == ["砥砺家国情怀 凝聚奋进力量"]
