#!/usr/bin/python3
"""End-to-end extraction cases: each tests/extraction/*.txt starts with
'# doc-date: YYYY-MM-DD' and '# expect: [!]RELATION NAME_A ~ NAME_B [@DATE] [in PLACE]'
lines (a leading ! means the relation must NOT be extracted; @DATE, that
its date starts so; in PLACE, that its place is that city or country);
'# expect: [!]entity TYPE NAME' wants (or not) a node of that type
named so.  The rest is the
article; a '# next-doc: YYYY-MM-DD' line starts another document of that
date (the graph is built from all of them: one story's entity kept apart
from another's).  Names compare after the scorer's normalization, against node
names and aliases.  usage: check.py LIAISON DIR"""
import json
import os
import re
import subprocess
import sys
import tempfile

try:
    import networkx as nx
except ImportError:
    print("skip: python3-networkx is not installed")
    sys.exit(77)

DIAC = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")


def norm(s):
    s = DIAC.sub("", s or "")
    s = s.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه",
                                   "ؤ": "و", "ئ": "ي"}))
    return " ".join(s.split())


def names(attrs):
    out = {norm(attrs.get("name", ""))}
    out |= {norm(a) for a in str(attrs.get("aliases", "")).split("|") if a.strip()}
    return out


def main():
    liaison, d = sys.argv[1], sys.argv[2]
    passed = failed = 0
    for f in sorted(os.listdir(d)):
        if not f.endswith(".txt"):
            continue
        path = os.path.join(d, f)
        lines = open(path, encoding="utf-8").read().split("\n")
        date = next((l.split(":", 1)[1].strip() for l in lines if l.startswith("# doc-date:")), None)
        expects = [l.split(":", 1)[1].strip() for l in lines if l.startswith("# expect:")]
        docs = [(date, [])]
        for l in lines:
            if l.startswith("# next-doc:"):
                docs.append((l.split(":", 1)[1].strip(), []))
            elif not l.startswith("#"):
                docs[-1][1].append(l)
        with tempfile.TemporaryDirectory() as tmp:
            doc = os.path.join(tmp, f)
            if len(docs) == 1:
                open(doc, "w", encoding="utf-8").write("\n".join(docs[0][1]))
            else:
                doc = os.path.join(tmp, f[:-4] + ".jsonl")
                with open(doc, "w", encoding="utf-8") as out:
                    for k, (day, body) in enumerate(docs):
                        out.write(json.dumps({"id": f"{f[:-4]}-{k}", "date": day, "text": "\n".join(body)},
                                             ensure_ascii=False) + "\n")
            args = [liaison, "build", "-q", "--no-svg", "-o", tmp, doc]
            if date:
                args[2:2] = ["--doc-date", date]
            subprocess.run(args, check=True)
            g = nx.read_graphml(os.path.join(tmp, "graph.graphml"))
        by_key = {attrs.get("key"): n for n, attrs in g.nodes(data=True)}
        for e in expects:
            neg = e.startswith("!")
            rel, pair = e.lstrip("!").split(" ", 1)
            if rel == "entity":
                etype, name = pair.split(" ", 1)
                found = any(attrs.get("type") == etype and norm(name) in names(attrs)
                            for _, attrs in g.nodes(data=True))
                if found != neg:
                    passed += 1
                else:
                    failed += 1
                    print(f"FAIL {f}: {'unexpected' if neg else 'missing'} entity {pair}")
                continue
            date = place = None
            if " in " in pair:
                pair, place = pair.rsplit(" in ", 1)
                place = norm(place)
            if " @" in pair:
                pair, date = pair.rsplit(" @", 1)
                date = date.strip()
            a, b = (norm(x) for x in pair.split("~"))
            found = False
            for u, v, attrs in g.edges(data=True):
                if attrs.get("relation") != rel:
                    continue
                if date and not str(attrs.get("date", "")).startswith(date):
                    continue
                if place and (attrs.get("place") not in by_key
                              or place not in names(g.nodes[by_key[attrs.get("place")]])):
                    continue
                nu, nv = names(g.nodes[u]), names(g.nodes[v])
                if (a in nu and b in nv) or (rel == "met" and a in nv and b in nu):
                    found = True
            if found != neg:
                passed += 1
            else:
                failed += 1
                print(f"FAIL {f}: {'unexpected' if neg else 'missing'} {rel} {pair}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
