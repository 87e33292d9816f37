"""Column breaks and headings the held-out check revealed, one small page each."""

from __future__ import annotations

from edition.helpers import heads, only, parse

P1 = "这是第一段正文，讲述了工厂的生产情况和工人的生活。"
P2 = "这是第二段正文，记者在现场看到机器轰鸣，一派繁忙景象。"


def assert_joined(head: str, left: str, right: str) -> None:
    """Under *head*, between two paragraphs, the fragments *left* | *right* are one paragraph."""
    assert only(parse(head, P1, left, right, P2)).paragraphs == [P1, left + right, P2], left


def test_a_block_opening_with_a_bound_particle_continues_the_fragment_before() -> None:
    left = "为缓解欧洲各国边境管控对中欧班列运营造成"
    right = "的影响，海关日前推出允许企业自主选择通关模式的措施。"
    page = parse("中欧班列保持畅通", P1, left, right, P2)
    assert heads(page) == ["中欧班列保持畅通"]
    assert only(page).paragraphs == [P1, left + right, P2]


def test_a_paragraph_opening_with_a_word_that_starts_with_a_particle_stays_apart() -> None:
    page = parse("新桥通车", P1, "小镇的春天", "了解到这一情况后，村里连夜组织人手修路。")
    assert heads(page) == ["新桥通车", "小镇的春天"]


def test_a_dash_pair_split_by_a_column_break_is_joined() -> None:
    left = "“转折点小城的名字有很多：滑铁卢、凡尔登……今天又增加了一个—"
    page = parse("古城新生", P1, left, "—台儿庄。”当时一家媒体写道。")
    assert only(page).paragraphs == [P1, left + "—台儿庄。”当时一家媒体写道。"]


def test_a_line_trailing_off_is_a_paragraph_not_a_headline() -> None:
    page = parse("风雨无阻", P1, "“这里出现了不明原因的病人……”", P2)
    assert heads(page) == ["风雨无阻"]
    assert only(page).paragraphs == [P1, "“这里出现了不明原因的病人……”", P2]


def test_the_text_after_a_continuation_line_is_never_a_heading() -> None:
    page = parse("国家主席任免驻外大使", "（上接第一版）", "二、免去某某的特命全权大使职务；",
                 "三、任命某某为特命全权大使。", number=4)
    art = only(page)
    assert art.continued_from == 1
    assert art.paragraphs[0] == "二、免去某某的特命全权大使职务；"


def test_a_fragment_ending_in_yu_continues() -> None:
    page = parse("世卫大会召开在即", "多国专家呼吁团结合作", P1, "第七十三届世界卫生大会将于",
                 "5 月 18 日至 19 日以视频方式举行。")
    assert only(page).paragraphs[-1] == "第七十三届世界卫生大会将于5月18日至19日以视频方式举行。"


def test_a_line_inside_a_continued_feature_is_its_intertitle() -> None:
    page = parse("长篇通讯见闻", "（上接第一版）" + P1, "老手艺有了新传人", P2, number=7)
    art = only(page)
    assert art.paragraphs == [P1, "老手艺有了新传人", P2]
    assert art.intertitles == [1]


def test_a_lone_line_then_one_character_and_a_comma_is_a_broken_paragraph() -> None:
    left = "从进驻新区医院那天"
    right = "起，她和战友们就一直处在连轴转的工作状态。"
    assert_joined("青春闪耀一线", left, right)


def test_a_heading_run_then_one_character_and_a_comma_is_a_lost_first_column() -> None:
    page = parse("新桥通车", P1, "市政协党组会议召开", "王某主持", "神、会议传达学习了有关精神。")
    assert heads(page) == ["新桥通车", "市政协党组会议召开"]
    assert page.articles[1].subheadline == "王某主持"
    assert page.articles[1].incomplete_start


def test_a_heading_before_what_is_left_of_a_lead_opens_an_article() -> None:
    feature = [P2, "第一部分", P1, "第二部分", P2]  # a series of intertitles around it
    tail = "电（记者王鹏）全国妇联15日举办发布会，揭晓最美家庭。"
    page = parse("小镇新貌", *feature, "全国妇联揭晓最美家庭", tail, "第三部分", P1)
    assert heads(page) == ["小镇新貌", "全国妇联揭晓最美家庭"]
    assert page.articles[1].paragraphs[0] == tail


def test_a_sidebar_credit_in_brackets_is_not_a_lead() -> None:
    page = parse("小镇新貌", P1, "第一部分", "（记者手记）小镇的变化令人感慨。", "第二部分", P2)
    assert heads(page) == ["小镇新貌"]


def test_dash_intertitles_are_a_series_whatever_their_second_line() -> None:
    long = "这是很长的第二行小标题，写得比较长而且带着逗号，超过了标题的长度限制很多很多字"
    page = parse("铭记历史", P1, "一段历史永志不忘——", "团结御侮、浴血奋战，全国人民投身洪流", P2,
                 "一种精神穿越时空——", long, P1, "一个信念引领未来——", long, P2)
    assert heads(page) == ["铭记历史"]


def test_a_front_label_under_a_signed_headline_belongs_to_its_story() -> None:
    page = parse("政务上云（大数据观察）", "本报记者 吴海燕", "核心阅读", P1, P2)
    assert heads(page) == ["政务上云（大数据观察）"]
    assert only(page).intertitles == [0]


def test_a_line_closed_by_a_jump_is_the_story_going_on() -> None:
    last = "为了人民，依靠人民，书写英雄史诗"
    page = parse("风雨无阻向前进", P1, last, "（下转第五版）", "纪念伟大胜利（钟声）", P2)
    assert heads(page) == ["风雨无阻向前进", "纪念伟大胜利（钟声）"]
    assert page.articles[0].paragraphs == [P1, last]
    assert page.articles[1].kicker is None


def test_a_title_and_name_under_a_text_signs_it_and_closes_it() -> None:
    sig = "某大学经济学院教授 张三"
    page = parse("数字经济大有可为", P1, sig, "新桥今日通车", P2)
    assert heads(page) == ["数字经济大有可为", "新桥今日通车"]
    assert page.articles[0].paragraphs == [P1, sig]
    assert page.articles[1].kicker is None


def test_a_heading_with_a_name_but_no_title_is_not_a_signature() -> None:
    page = parse("数字经济大有可为", P1, "春风化雨 润物无声", "新桥今日通车", P2)
    assert heads(page) == ["数字经济大有可为", "新桥今日通车"]
    assert page.articles[1].kicker == "春风化雨 润物无声"


def test_fragments_that_cannot_end_a_heading_are_joined() -> None:
    for left, right in [("历史与现实在这里交汇——这条", "铁路所处的位置，就是当年的旧铁路。"),
                        ("公司将整改工作分解为四大方面14个", "问题，同步制定了措施。"),
                        ("可听、可看、可触的人工智能", "等新技术带来了阅读变革。"),
                        ("出席会议的有王晨、曹建明、张春贤、沈", "跃跃、吉炳轩等。")]:
        assert_joined("新桥今日通车", left, right)


def test_a_source_and_dateline_alone_goes_on_in_the_next_block() -> None:
    page = parse("外长通电话", "据新华社北京3月20日电", "3月20日，外长应约同多国外长通电话。", P1)
    a = only(page)
    assert a.paragraphs[0] == "据新华社北京3月20日电3月20日，外长应约同多国外长通电话。"
    assert a.source == "新华社"


def test_a_headline_ending_like_a_source_is_not_a_lead() -> None:
    page = parse("新桥通车", P1, "小镇喜讯", P2)
    assert heads(page) == ["新桥通车", "小镇喜讯"]


def test_a_long_dash_subheadline_under_a_headline_opens_an_article() -> None:
    sub = ("——要求坚持稳健的货币政策灵活适度，着眼服务实体经济明确准入规范；听取研究成果汇报，"
           "部署加强大气污染科学防治促进绿色发展；核准两项核电工程")
    lead = "新华社北京9月2日电国务院总理主持召开国务院常务会议。"
    page = parse("新桥今日通车", P1, "国务院召开常务会议", sub, lead)
    assert heads(page) == ["新桥今日通车", "国务院召开常务会议"]
    assert page.articles[1].subheadline == sub.lstrip("—")
    assert page.articles[1].paragraphs == [lead]


def test_a_dash_item_between_paragraphs_still_joins_its_column_break() -> None:
    left = "——同全球180个国家、10多个国际和地区组织分享疫情防控和诊疗方案，同160多"
    page = parse("新桥今日通车", P1, left, "个国家和国际组织举行专家视频会。", P2)
    assert only(page).paragraphs == [P1, left + "个国家和国际组织举行专家视频会。", P2]


def test_a_clause_whose_subject_is_left_before_the_break_continues() -> None:
    left, right = "加大技术创新力度，一家老厂", "也取得了突破。新车上个月正式下线。"
    assert_joined("老厂焕新颜", left, right)
    left, right = "火热的销售势头，给本地车企", "带来了压力，更增添了创新的动力。"
    assert_joined("老厂焕新颜", left, right)
    page = parse("老厂焕新颜", P1, "中国速度，保障持续生产", "除了加班加点，工人们还想了不少办法。")
    assert only(page).intertitles == [1]
    page = parse("老厂焕新颜", P1, "小镇的春天", "也许是下过雨，村道上还没有人影。")
    assert heads(page) == ["老厂焕新颜", "小镇的春天"]  # 也许 is a word: it opens sentences


def test_a_list_item_ending_in_a_semicolon_is_no_heading() -> None:
    item = "表彰的家庭包括：“警察+医生”夫妻档的张家；"
    last = "评选活动自今年三月启动，共收到推荐材料五百余份。"
    page = parse("全市揭晓百户最美家庭", P1, "全市百户最美家庭揭晓", P2, item, last)
    assert heads(page) == ["全市揭晓百户最美家庭", "全市百户最美家庭揭晓"]
    assert page.articles[1].paragraphs == [P2, item, last]


def test_a_lead_cut_by_a_column_break_is_never_a_heading() -> None:
    left, right = "新华社北京4月1日电（记者王明）记者", "从有关部门获悉，全市新建公园十座。"
    a = only(parse("城市绿地增加", left, right, P1))
    assert a.paragraphs == [left + right, P1]


def test_a_fragment_opening_with_a_time_or_circumstance_and_a_comma_continues() -> None:
    for left, right in (("截至4月19日，各级财政", "共安排防控资金一百多亿元，保障有力。"),
                        ("疫情发生后，许多欧洲国家", "升级了边境管控措施，班列运营受到影响。")):
        assert_joined("古城新生", left, right)
    a = only(parse("古城新生", P1, "近日，小镇来了客人", "乡村旅游正当时", P2))
    assert a.paragraphs[1:3] == ["近日，小镇来了客人", "乡村旅游正当时"]  # a heading below: apart


def test_a_block_whose_first_sentence_is_a_word_ends_the_sentence_before() -> None:
    left, right = "《条例》是新时代加强企业党建的基本", "遵循。《条例》的制定实施意义重大。"
    assert_joined("古城新生", left, right)


def test_a_line_with_no_sentence_end_before_a_lead_is_not_joined_to_the_headline() -> None:
    sub = "要求坚持稳健的货币政策灵活适度；听取大气污染防治汇报，部署加强科学防治"
    lead = "新华社北京9月2日电 国务院总理9月2日主持召开国务院常务会议，部署有关工作。"
    a = only(parse("国务院召开常务会议", sub, lead, P1))
    assert (a.headline, a.subheadline) == ("国务院召开常务会议", sub)
    assert a.paragraphs == [lead, P1]


def test_a_dash_item_cut_after_a_comma_under_an_intertitle_continues() -> None:
    left, right = "——2018年7月1日，整车关税降至15%，", "零部件关税降至6%。"
    a = only(parse("古城新生", P1, "汽车产业加速开放：", left, right, P2))
    assert a.paragraphs == [P1, "汽车产业加速开放：", left + right, P2]


def test_a_block_opening_with_yu_or_a_fragment_ending_in_yixilie_continues() -> None:
    for left, right in (("在磨难中成长——这种精神蕴藏", "于抗击外侮的艰辛中，也闪亮在今天。"),
                        ("入户调查、建档立卡……在一系列", "扶贫政策支持下，家乡变了模样。")):
        assert_joined("古城新生", left, right)
    page = parse("古城新生", P1, "小镇的春天", "于是，村里连夜组织人手修路。")  # 于是 is a word
    assert heads(page) == ["古城新生", "小镇的春天"]


def test_a_fragment_opening_with_reported_speech_continues() -> None:
    left, right = "拉布表示，英方坚决反对将疫情政治化，完全赞同", "中方关于病毒溯源的立场。"
    assert_joined("古城新生", left, right)


def test_a_zai_frame_closed_in_the_next_block_continues() -> None:
    left, right = "在以人民为中心的党中央", "坚强领导下，一场人民战争迅速打响。"
    assert_joined("古城新生", left, right)
    page = parse("古城新生", P1, "在希望的田野上", "在党中央的坚强领导下，村里变了样。")  # closed
    assert heads(page) == ["古城新生", "在希望的田野上"]


def test_a_two_part_headline_over_a_lost_first_column_is_not_joined_to_it() -> None:
    lost = "，向那些平凡又伟大的身影致敬，成为全社会的风尚。"
    page = parse("古城新生", P1, P2, "艰苦卓绝的努力 来之不易的成绩", lost, P1)
    assert heads(page) == ["古城新生", "艰苦卓绝的努力 来之不易的成绩"]
    assert page.articles[1].paragraphs == [lost, P1]
    assert page.articles[1].incomplete_start is True


def test_a_lone_line_whose_first_clause_is_long_before_its_comma_is_a_sentence() -> None:
    left, right = "稳健的货币政策更加注重灵活适度，加码逆周期", "调节力度，设立专项再贷款。"
    assert_joined("古城新生", left, right)
    a = only(parse("古城新生", P1, "勤学深悟，夯实思想基础", "这一年，委员们读书学习。", P2))
    assert a.intertitles == [1]  # short set phrases: an intertitle


def test_a_dash_line_under_a_heading_cut_inside_a_word_continues() -> None:
    left, right = "——2018年7月1日，汽", "车整车关税降至15%。"
    a = only(parse("古城新生", P1, "汽车产业加速开放：", left, right, P2))
    assert a.paragraphs == [P1, "汽车产业加速开放：", left + right, P2]


def test_a_block_opening_with_an_ordinal_is_never_joined_to_the_heading_before() -> None:
    title = "六、坚持以人民为中心，把增强人民群众获得感、幸福感、安全感放到突出位置"
    item = "（二十一）着力强化公共就业创业服务。完善职业技能培训体系。"
    a = only(parse("古城新生", P1, title, item, P2))
    assert a.paragraphs == [P1, title, item, P2]
    assert a.intertitles == [1]


def test_a_fragment_ending_in_a_causative_waiting_for_its_object_continues() -> None:
    left, right = "贫穷、失意……生活的磨难反而使", "画家更加乐观温厚、平易近人。"
    assert_joined("古城新生", left, right)
    page = parse("古城新生", P1, "我国新任五位驻外大使", "国家主席根据决定任免下列大使。")  # 大使
    assert heads(page) == ["古城新生", "我国新任五位驻外大使"]


def test_a_block_opening_with_a_speech_verb_and_a_comma_continues() -> None:
    left, right = "俄罗斯总统同中方领导人通电话时", "表示，中方及时伸出援手，展现了大国担当。"
    assert_joined("古城新生", left, right)


def test_a_lone_line_before_a_block_opening_with_a_conjunction_continues() -> None:
    left, right = "记者连线采访了几位奋战在一线的青年医生", "和护士，一起来听听他们的故事。"
    assert_joined("老厂焕新颜", left, right)
    # under a heading the same opening is a lost first column, not the headline's words
    page = parse("老厂焕新颜", "全省菜篮子供应总体充足", "和拓展，企业复工复产率持续提升。", P2)
    assert heads(page) == ["全省菜篮子供应总体充足"]
    assert only(page).paragraphs == ["和拓展，企业复工复产率持续提升。", P2]
    page = parse("老厂焕新颜", P1, "小镇的春天", "与此同时，村道上还没有人影。")
    assert heads(page) == ["老厂焕新颜", "小镇的春天"]  # 与此同时 is a word: it opens sentences


def test_a_tagged_headline_under_its_kicker_is_not_joined_to_a_lost_first_column() -> None:
    page = parse("四位代表畅谈创业经历——", "“把自己的事做好”（权威发布）",
                 "，一大批企业家茁壮成长，他们热爱祖国、勇于创新。", P2)
    a = only(page)
    assert (a.kicker, a.headline) == ("四位代表畅谈创业经历——", "“把自己的事做好”（权威发布）")
    assert a.paragraphs == ["，一大批企业家茁壮成长，他们热爱祖国、勇于创新。", P2]
    assert a.incomplete_start
    # a bracket closing a paragraph's line is no tag: the text goes on
    left, right = "全年国内生产总值（GDP）", "，比上年增长百分之六。"
    assert_joined("老厂焕新颜", left, right)


def test_a_list_cut_after_one_character_of_its_next_item_continues() -> None:
    left, right = "八项规定静水深流、成", "风化俗，贵在坚持。从各地通报内容看，一些老问题树倒根存。"
    assert_joined("老厂焕新颜", left, right)
    page = parse("老厂焕新颜", P1, "稳就业、保民生", "今年以来，各地出台政策稳定就业。")
    assert heads(page) == ["老厂焕新颜", "稳就业、保民生"]  # whole items: a heading


def test_a_block_opening_with_a_bracket_nothing_opened_is_a_lost_first_column() -> None:
    # under a signed feature the lone line would be its intertitle; the `林）` left of a
    # credit (its `（记者` lost with the first column) says a new story starts there
    page = parse("古村新貌", "本报记者 叶舟", P1, P2, "习近平会见老挝总理通伦",
                 "林）国家主席习近平6日在人民大会堂会见老挝总理通伦。", P1)
    assert heads(page) == ["古村新貌", "习近平会见老挝总理通伦"]
    second = page.articles[1]
    assert second.paragraphs == ["林）国家主席习近平6日在人民大会堂会见老挝总理通伦。", P1]
    assert second.incomplete_start
    # a bare `）` is not glued to the heading above it
    page = parse("古村新貌", "本报记者 叶舟", P1, P2, "习近平同基里巴斯总统马茂会谈",
                 "）国家主席习近平6日在人民大会堂同基里巴斯总统马茂会谈。")
    assert heads(page) == ["古村新貌", "习近平同基里巴斯总统马茂会谈"]
    assert page.articles[1].incomplete_start
    # a bracket the fragment opened closes in the next block as usual
    left = "据介绍，该项目由中国建筑集团（中建"
    page = parse("新桥通车", P1, left, "八局）承建，全长1.2公里。")
    assert only(page).paragraphs == [P1, left + "八局）承建，全长1.2公里。"]


def test_the_first_block_under_a_byline_below_a_heading_goes_on_in_the_next() -> None:
    # a byline is followed by the story's text: a heading-like first block is a column
    # fragment of its first paragraph, not a new story's headline
    left, right = "正值泰国榴莲等水果的收获", "季节，来自中国的大量订单让泰国果农喜上眉梢。"
    page = parse("“这是难能可贵的友谊”（患难见真情）", "新华社记者 李晓红", left, right, P1)
    a = only(page)
    assert a.authors == ["李晓红"]
    assert a.paragraphs == [left + right, P1]
    # a byline printed after the text closes its story: the heading under it opens the next
    page = parse("坚持以人民为中心", P1, "本报评论员", "正值泰国榴莲等水果的收获", right)
    assert heads(page) == ["坚持以人民为中心", "正值泰国榴莲等水果的收获"]
    # a label under the byline stays a label
    page = parse("山区小镇迎来新变化", "本报记者 叶舟", "核心阅读", P1, P2)
    assert only(page).paragraphs == ["核心阅读", P1, P2]


def test_the_pages_first_heading_over_a_block_opening_with_a_stop_is_a_headline() -> None:
    # the story's first column was lost (its text opens with `，`): the heading atop the page
    # is its headline, not the first words of the block
    headline = "第三轮巡视再公布五家单位整改情况"
    rest = "，省纪委监委网站继续公布第三轮巡视的五家单位整改情况。"
    a = only(parse(headline, rest, P1))
    assert (a.headline, a.paragraphs, a.incomplete_start) == (headline, [rest, P1], True)
    # between paragraphs the same pair is a paragraph split by a column break
    assert_joined("古村新貌", headline, rest)


def test_a_column_tagged_headline_between_paragraphs_is_not_joined_to_a_lost_first_column() -> None:
    # a column's name closing the line (（人民论坛）) makes it a headline anywhere on the page
    rest = "，一波关于新年代的讨论吸引众多网友参与。"
    page = parse("古村新貌", P1, "说说“年代感”（人民论坛）", rest, P2)
    assert heads(page) == ["古村新貌", "说说“年代感”（人民论坛）"]
    assert page.articles[1].paragraphs == [rest, P2]
    assert page.articles[1].incomplete_start
    # an abbreviation in brackets (（GDP）) closing a paragraph's line is no column's name
    assert_joined("古村新貌", "全年国内生产总值（GDP）", "，比上年增长百分之六。")


def test_a_sentence_line_ending_in_a_bracketed_gloss_continues() -> None:
    # a lone line between paragraphs that opens like a sentence (a time and a comma, a long
    # first clause) ends in a name's gloss, not a column tag: the text goes on
    left, right = "2月下旬，专家组分析评估后发现，体外膜肺（ECMO）", "可以为重症患者赢得抢救时间。"
    assert_joined("老厂焕新颜", left, right)
    left = "市物流港公布的数据显示，截至3月底，中欧班列（渝新欧）"
    right = "累计开行200列，同比增长八成。"
    assert_joined("老厂焕新颜", left, right)
    # a tagged headline whose first clause is a short phrase opens its story
    page = parse("老厂焕新颜", P1, "城市更新，共情才能共赢（一线视角）",
                 "不久前，笔者走访了一处老旧小区。")
    assert heads(page) == ["老厂焕新颜", "城市更新，共情才能共赢（一线视角）"]


def test_the_first_line_of_a_page_over_a_block_opening_inside_a_sentence_is_a_headline() -> None:
    # a page never opens mid-sentence without a （上接…） line: the heading-like first block
    # is a headline whose story lost its first column
    right = "，人社部上线就业服务平台，搭建供需对接渠道。"
    page = parse("第5版", "新平台助毕业生求职", right, P2)
    a = only(page)
    assert a.headline == "新平台助毕业生求职"
    assert a.paragraphs == [right, P2]
    assert a.incomplete_start
    page = parse("以科学精神抵制谣言(人民论坛)", "。专业问题需要专业意见。", P2)
    assert heads(page) == ["以科学精神抵制谣言(人民论坛)"]
    # under a （上接…） line the first block is the story going on
    page = parse("第5版", "（上接第1版）", "各地要统筹推进有关", "，确保各项措施落到实处。", P2)
    assert only(page).paragraphs == ["各地要统筹推进有关，确保各项措施落到实处。", P2]


def test_a_fragment_ending_in_a_coverb_or_modal_continues() -> None:
    # 为, 至, 要 … as words of their own wait for their object or verb in the next block
    assert_joined("老厂焕新颜", "区委书记：我们坚持以群众为", "中心，解决群众关心的实际问题。")
    assert_joined("老厂焕新颜", "第十届全省农民运动会将于5月18日至", "20日在省体育中心举行。")
    assert_joined("老厂焕新颜", "对生活困难的外来务工人员要", "主动救助、多方帮扶。")
    # the same letter inside a word ends a heading (大有可为)
    page = parse("老厂焕新颜", P1, "乡村振兴大有可为", "今年以来，各地出台政策支持返乡创业。")
    assert heads(page) == ["老厂焕新颜", "乡村振兴大有可为"]
