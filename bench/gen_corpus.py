#!/usr/bin/env python3
"""gen_corpus.py — writes a synthetic Arabic news corpus for benchmarks.

usage: gen_corpus.py MEGABYTES [SEED] > corpus.jsonl

One JSON Lines document per article ({"id", "date", "text"}), about 2-6 KB
each, built from our own sentence templates and the gazetteers in rules/
(officials, agencies, cities, events): different actors, dates, places and
phrasing in every document.  Deterministic for a given SEED.
"""
import json
import os
import random
import sys

RULES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "rules")


def rows(name):
    with open(os.path.join(RULES, name), encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line and not line.startswith("#"):
                yield line.split("\t")


def load():
    officials, agencies, cities, events = [], [], [], []
    for fn in ("officials_mena.tsv", "officials_world.tsv"):
        for r in rows(fn):
            if len(r) >= 4:
                officials.append((r[0], r[1], r[3].split("|")))
    for fn in ("agencies_mena.tsv", "agencies_world.tsv"):
        for r in rows(fn):
            if len(r) >= 7:
                agencies.append((r[0], r[1], r[6].split("|")))
    for r in rows("cities.tsv"):
        if len(r) >= 5:
            cities.append((r[0], r[1], r[4].split("|")))
    for r in rows("events.tsv"):
        if len(r) >= 5:
            events.append(r[4].split("|"))
    return officials, agencies, cities, events


MONTHS = [
    ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر",
     "أكتوبر", "نوفمبر", "ديسمبر"],
    ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول",
     "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    ["يناير", "فبراير", "مارس", "أبريل", "ماي", "يونيو", "يوليوز", "غشت", "شتنبر",
     "أكتوبر", "نونبر", "دجنبر"],
    ["جانفي", "فيفري", "مارس", "أفريل", "ماي", "جوان", "جويلية", "أوت", "سبتمبر",
     "أكتوبر", "نوفمبر", "ديسمبر"],
]
DAYS = ["الأحد", "الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت"]
EASTERN = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
TITLES = ["مدير", "المدير العام ل", "رئيس", "وزير الداخلية", "قائد", "الأمين العام ل"]

OPENINGS = [
    "{city} - استقبل {p1}، {t1}، يوم {day} {date}، {p2}، {t2}، الذي يقوم بزيارة عمل إلى {city} تستغرق {n} أيام.",
    "{city} - التقى {p1} يوم {day} {date} في {city} {p2}، وبحث الجانبان سبل تعزيز التعاون الأمني الثنائي.",
    "أجرى {p1}، {t1}، مباحثات مع {p2} في {city} بتاريخ {date}، تناولت تبادل المعلومات ومكافحة الإرهاب.",
    "وصل {p1} إلى {city} {date} في زيارة رسمية يلتقي خلالها {p2} وعدداً من المسؤولين في {agency}.",
    "شارك {p1} في أعمال {event} الذي احتضنته {city} يوم {day} {date}، بحضور ممثلين عن {agency}.",
    "عقد {p1} و{p2} جلسة مباحثات في {city} يوم {date} تناولت الوضع الأمني في المنطقة.",
]
MIDDLE = [
    "وأكد الجانبان أهمية تنسيق الجهود لمواجهة التهديدات العابرة للحدود والجريمة المنظمة.",
    "وحضر اللقاء عدد من كبار المسؤولين في {agency} و{agency2}.",
    "كما ناقش الطرفان تطوير برامج التدريب المشترك وتبادل الخبرات في مجال الأمن السيبراني.",
    "وأشاد {p2} بالمستوى المتقدم الذي بلغه التعاون بين {agency} ونظيرتها.",
    "وفي سياق متصل، اجتمع {p1} مع {p3} على هامش {event}.",
    "واستعرض الاجتماع مستجدات مكافحة تهريب المخدرات والهجرة غير النظامية عبر الحدود.",
    "وكان {p3} قد زار {city2} في {date2} حيث التقى مسؤولين من {agency2}.",
    "وأوضح بيان صادر عن {agency} أن الزيارة تندرج في إطار تعزيز الشراكة الاستراتيجية.",
    "ويأتي هذا اللقاء بعد أسابيع من اجتماع مماثل عقد في {city2}.",
    "وتطرق المسؤولان إلى ملفات التطرف العنيف وتمويل الإرهاب وتعقب المقاتلين الأجانب.",
]
CLOSINGS = [
    "واختتمت الزيارة بالتوقيع على مذكرة تفاهم في مجال التكوين وتبادل المعلومات.",
    "وعبّر الطرفان عن ارتياحهما لنتائج المباحثات واتفقا على مواصلة التشاور.",
    "ومن المنتظر أن يعقد الجانبان اجتماعاً جديداً خلال الأشهر المقبلة في {city2}.",
    "ولم تصدر تفاصيل إضافية عن مضمون اللقاء.",
]


def main():
    mb = float(sys.argv[1]) if len(sys.argv) > 1 else 10
    rnd = random.Random(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    officials, agencies, cities, events = load()
    if not (officials and agencies and cities):
        sys.exit("gen_corpus.py: cannot read the gazetteers in " + RULES)
    events = events or [["المؤتمر الدولي للأمن"]]
    target = int(mb * 1024 * 1024)
    out = sys.stdout.buffer
    written, i = 0, 0

    def date():
        y, m, d = rnd.randint(2015, 2025), rnd.randrange(12), rnd.randint(1, 28)
        s = "%d %s %d" % (d, rnd.choice(MONTHS)[m], y)
        return s.translate(EASTERN) if rnd.random() < 0.2 else s, "%04d-%02d-%02d" % (y, m + 1, d)

    def person():
        key, cc, names = rnd.choice(officials)
        return rnd.choice(names[:2])

    def title():
        t = rnd.choice(TITLES)
        ag = rnd.choice(rnd.choice(agencies)[2][:3])
        return t + ag if t.endswith("ل") else t + " " + ag

    while written < target:
        i += 1
        shown, iso = date()
        fill = {
            "city": rnd.choice(rnd.choice(cities)[2][:2]),
            "city2": rnd.choice(rnd.choice(cities)[2][:2]),
            "p1": person(), "p2": person(), "p3": person(),
            "t1": title(), "t2": title(),
            "agency": rnd.choice(rnd.choice(agencies)[2][:3]),
            "agency2": rnd.choice(rnd.choice(agencies)[2][:3]),
            "event": rnd.choice(rnd.choice(events)[:2]),
            "day": rnd.choice(DAYS), "date": shown, "date2": date()[0],
            "n": str(rnd.randint(2, 5)),
        }
        paras = [rnd.choice(OPENINGS).format(**fill)]
        for _ in range(rnd.randint(3, 12)):
            para = " ".join(rnd.choice(MIDDLE).format(**fill) for _ in range(rnd.randint(1, 3)))
            paras.append(para)
        paras.append(rnd.choice(CLOSINGS).format(**fill))
        doc = {"id": "bench-%07d" % i, "date": iso, "text": "\n\n".join(paras)}
        line = (json.dumps(doc, ensure_ascii=False) + "\n").encode("utf-8")
        out.write(line)
        written += len(line)


if __name__ == "__main__":
    main()
