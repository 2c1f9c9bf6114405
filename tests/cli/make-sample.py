#!/usr/bin/env python3
# make-sample.py — (re)builds data/sample/ with the real spanmark-cli
#
# Copyright 2026 The Spanmark authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Usage: tests/cli/make-sample.py BUILD/src/cli/spanmark-cli data/sample
#
# The articles are invented for Spanmark (people, places and programmes
# are fictional).  Two are imported as spaCy-style JSON lines with spans
# for annotator "sample" (offsets located here by searching the text, in
# code points into the text *before* normalisation, CRLF included, so the
# import's remapping is exercised); the rest are imported as plain .txt.
# What was added to data/sample by hand since (annotators wang and zhao,
# the registry in entities/ and the links to it, the last paragraph's
# spans of yunlan-002) this script does not make.

import json
import os
import shutil
import subprocess
import sys
import tempfile

IND = "\u3000\u3000"  # the customary ideographic-space paragraph indent

ARTICLES = {
    "yunlan-001": (
        "林振邦在青溪市调研“清水绕村工程”\n"
        + IND + "本报讯　11月20日，云岚省委书记林振邦来到青溪市，沿着新修的河岸步道，实地察看“清水绕村工程”的进展。"
        "青溪市市长周海燕陪同调研。\n"
        + IND + "在临江区柳湾村，林振邦走进村民家中，询问自来水入户后的用水情况。村民告诉他，过去一到旱季就要到三里外挑水，"
        "如今拧开龙头就有干净水。林振邦说，“清水绕村工程”是实实在在的民生工程，要把好事办好，把实事办实，"
        "让每一个村庄都喝上放心水。\n"
        + IND + "随后，林振邦来到临江区水务服务中心，听取临江区区长苏明远关于管网维护和水质监测的汇报。"
        "他强调，要建立长效管护机制，做到建一处、管一处、用好一处。\n"
        + IND + "座谈会上，周海燕介绍，青溪市今年已完成四十二个行政村的供水改造，明年将把工程延伸到雁回湾沿线的渔村。"
        "林振邦要求，青溪市要同“山海协作”结合起来，引导沿海发达地区的资金和技术向山区流动，"
        "形成可复制、可推广的经验。\n"
        + IND + "据了解，“清水绕村工程”自前年启动以来，全省已累计投入资金三十多亿元，新建和改造供水管网两千余公里，"
        "惠及山区群众八十多万人。\n"
    ),
    "yunlan-002": (
        "白沙县万亩茶园迎来丰收季\r\n"
        "    记者走进白沙县鹤鸣镇，漫山遍野的茶树修剪得整整齐齐。县委书记韩立群介绍，"
        "通过“万亩茶园提质工程”，全县茶叶亩均收入比三年前提高了近一倍。\r\n"
        "在𠮷岭村的合作社里，年轻的返乡青年正对着手机直播采茶，屏幕上不断飘过“点赞👍”和“想买🍵”的留言。"
        "合作社负责人说，直播间一个月卖出的春茶，抵得上过去半年的销量。\n"
        "韩立群表示，白沙县将继续推进“数字乡村”行动，在鹤鸣镇建设茶叶质量追溯平台，"
        "让消费者扫一扫就能看到茶叶从哪座山、哪户人家来。\n"
        "云岚省农业农村厅厅长顾晓岚近日到鹤鸣镇调研时指出，要把茶产业和乡村旅游结合起来，"
        "把𠮷岭村的古茶树保护好、利用好。\n"
        "据统计，白沙县目前有茶叶专业合作社六十七家，带动一万二千多户茶农增收。"
        "今年春茶季，全县茶叶线上销售额首次突破两亿元，其中直播带货占了将近四成。"
        "鹤鸣镇的茶农们说，过去愁的是茶叶卖不出去，现在愁的是采茶的人手不够。\n"
        "林书记随后来到白沙县，在鹤鸣镇察看“清水绕村工程”向山区延伸的准备情况。"
        "林振邦说，青溪市的经验要在山区用起来，让种茶的村子也喝上放心水。\n"
    ),
    "yunlan-003": (
        "雁回湾港新航线开通\n"
        "11月25日上午，一艘满载机电产品的集装箱货轮从雁回湾港缓缓驶出，标志着雁回湾港至东南亚的第二条定期航线正式开通。\n"
        "雁回湾港位于青溪市东部，是云岚省重要的出海口。据港口负责人介绍，新航线每周往返一班，"
        "单程时间比原来经陆路转运缩短了五天左右，每个标准箱可为企业节省物流费用约一千元。\n"
        "青溪市副市长何静文在开航仪式上说，青溪市将以新航线为契机，完善港口集疏运体系，"
        "推动“港产城融合”发展，吸引更多加工制造企业落户临港产业园。\n"
        "临港产业园目前已入驻企业八十余家，今年前十个月实现产值同比增长百分之十七。"
        "园区负责人表示，新航线开通后，园区的电机、水泵等产品可以直接在港口装箱出海，"
        "企业不用再把货物拉到三百公里外的大港转运。\n"
        "据悉，雁回湾港还计划明年开通至日韩的近洋航线，并启动二期码头建设。\n"
    ),
    "yunlan-004": (
        "松岭县“银龄助学计划”惠及山区学生\r\n"
        "“退休不褪色，余热暖童心。”在松岭县石门乡中心小学，七十岁的退休教师郑秋生每周三都会准时出现在教室里，"
        "给孩子们讲数学，也讲山外面的世界。\r\n"
        "郑秋生是“银龄助学计划”招募的第一批志愿者。松岭县教育局局长卢慧敏介绍，计划启动两年来，"
        "已有一百三十多名退休教师走进二十六所乡村学校，累计授课一万多课时。\r\n"
        "为了让老教师安心支教，松岭县为志愿者提供往返交通补贴和健康体检，并在石门乡建起了“银龄教师之家”。\r\n"
        "卢慧敏说，下一步将与青溪师范学院合作，让年轻的师范生跟着老教师一起备课、一起上课，把好的经验传下去。\r\n"
        "石门乡中心小学校长告诉记者，自从老教师来了以后，学校的数学平均分提高了十多分，"
        "更重要的是，孩子们变得更爱提问了。五年级学生小丽说：“郑爷爷讲的故事可有意思了，我长大也想当老师。”\r\n"
    ),
    "yunlan-005": (
        "冬季森林防火进入关键期\n"
        "入冬以来，云岚省降水偏少，林区气候干燥。省林业局发布通知，要求各地严格落实森林防火责任，"
        "严禁野外用火。\n"
        "在松岭县北坡林场，护林员每天清晨出发，沿着防火隔离带巡查。林场场长邓长河说，"
        "今年林场新装了十二个高清监控点，配合无人机巡护，发现火情后十分钟内就能报告到县指挥中心。\n"
        "松岭县副县长罗文斌带队检查了北坡林场的扑火物资储备，要求各乡镇组建半专业扑火队，"
        "做到人员、装备、责任三到位，确保一旦发生火情能够打早、打小、打了。\n"
        "据介绍，全省今年已组织防火宣传进村入户两千多场次，清理林下可燃物四万多吨，"
        "在重点林区设立临时检查站三百余个。\n"
        "省林业局提醒，市民进山游玩请勿携带火种，发现火情请立即拨打报警电话。\n"
    ),
}

TITLES = {
    "yunlan-001": "林振邦在青溪市调研“清水绕村工程”",
    "yunlan-002": "白沙县万亩茶园迎来丰收季",
}

# (surface text, label, entity key or None, span attrs)
OFFICIAL_ENTITIES = {
    "lin": ("OFFICIAL", "林振邦", {"title": "云岚省委书记", "region": "云岚省"}),
    "zhou": ("OFFICIAL", "周海燕", {"title": "青溪市市长", "region": "青溪市"}),
    "su": ("OFFICIAL", "苏明远", {"title": "临江区区长", "region": "临江区"}),
    "han": ("OFFICIAL", "韩立群", {"title": "白沙县委书记", "region": "白沙县"}),
    "gu": ("OFFICIAL", "顾晓岚", {"title": "云岚省农业农村厅厅长", "region": "云岚省"}),
}

MENTIONS = {
    # Done: every official, place and initiative tagged.
    "yunlan-001": [
        ("林振邦", "OFFICIAL", "lin", {}),
        ("周海燕", "OFFICIAL", "zhou", {}),
        ("苏明远", "OFFICIAL", "su", {}),
        ("云岚省", "PLACE", None, {"kind": "省"}),
        ("青溪市", "PLACE", None, {"kind": "市"}),
        ("临江区", "PLACE", None, {"kind": "区"}),
        ("柳湾村", "PLACE", None, {"kind": "村"}),
        ("雁回湾", "PLACE", None, {"kind": "海湾"}),
        ("“清水绕村工程”", "INITIATIVE", None, {}),
        ("“山海协作”", "INITIATIVE", None, {}),
    ],
    # In progress: the first half tagged.
    "yunlan-002": [
        ("韩立群", "OFFICIAL", "han", {}),
        ("白沙县", "PLACE", None, {"kind": "县"}),
        ("鹤鸣镇", "PLACE", None, {"kind": "镇"}),
        ("𠮷岭村", "PLACE", None, {"kind": "村"}),
        ("“万亩茶园提质工程”", "INITIATIVE", None, {}),
    ],
}


def find_all(text, needle):
    start = 0
    while True:
        i = text.find(needle, start)
        if i < 0:
            return
        yield i
        start = i + len(needle)


# The in-progress document is tagged up to about its middle.
LIMIT = {"yunlan-002": 0.5}


def jsonl_line(doc_id):
    text = ARTICLES[doc_id]
    spans = []
    used = {}
    limit = len(text) * LIMIT.get(doc_id, 1.0)
    for surface, label, entity, attrs in MENTIONS[doc_id]:
        for i in find_all(text, surface):
            if i >= limit:
                break
            # Python string offsets are code points, as Spanmark's are.
            span = {"start": i, "end": i + len(surface), "label": label, "text": surface}
            if entity is not None:
                used.setdefault(entity, "e%d" % (len(used) + 1))
                span["entity"] = used[entity]
            if attrs:
                span["attrs"] = attrs
            spans.append(span)
    entities = []
    for key, entity_id in used.items():
        label, name, attrs = OFFICIAL_ENTITIES[key]
        entities.append({"id": entity_id, "label": label, "name": name, "attrs": attrs})
    line = {"id": doc_id, "title": TITLES[doc_id], "text": text,
            "spans": spans, "entities": entities}
    return json.dumps(line, ensure_ascii=False)


def run(*args):
    print("+", " ".join(args))
    subprocess.run(args, check=True)


def main():
    cli, out = sys.argv[1], sys.argv[2]
    if os.path.exists(out):
        shutil.rmtree(out)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = os.path.join(tmp, "annotated.jsonl")
        with open(jsonl, "w", encoding="utf-8", newline="") as f:
            for doc_id in MENTIONS:
                f.write(jsonl_line(doc_id) + "\n")
        txts = []
        for doc_id, text in ARTICLES.items():
            if doc_id in MENTIONS:
                continue
            path = os.path.join(tmp, doc_id + ".txt")
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            txts.append(path)
        run(cli, "init", out, "--name", "云岚新闻样例 (Spanmark sample)")
        run(cli, "import", out, "--annotator", "sample", jsonl)
        run(cli, "import", out, *txts)
    # Mark the first document done, as an annotator would in the window.
    path = os.path.join(out, "annotations", "sample", "yunlan-001.json")
    with open(path, encoding="utf-8") as f:
        data = f.read()
    data = data.replace('"status": "in-progress"', '"status": "done"', 1)
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)
    run(cli, "validate", out)
    run(cli, "stats", out)


if __name__ == "__main__":
    main()
