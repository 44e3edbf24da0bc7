#!/usr/bin/python3
"""liaison neighbors, path and export on the sample corpus's graph.

Builds the graph of tests/corpus into a temporary directory, then checks exit
codes and messages, compares neighbours and shortest-path lengths with
networkx on the same GraphML, loads the node-link JSON with
networkx.node_link_graph and the CSV files with the csv module and compares
both with the GraphML.  Also a hand-written GraphML whose names hold commas,
quotes and line breaks (CSV quoting) and a hostile one (DOCTYPE).
Usage: check_query.py LIAISON SRC_ROOT.  Prints "N passed, N failed"."""
import csv
import io
import json
import os
import subprocess
import sys
import tempfile

try:
    import networkx as nx
except ImportError:
    print("networkx not installed: skipped")
    sys.exit(77)

BIN, SRC = sys.argv[1], sys.argv[2]
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print(f"FAIL {name}: {detail}"[:2000])


def run(*args):
    p = subprocess.run([BIN, *args], capture_output=True, text=True)
    return p.returncode, p.stdout, p.stderr


def load_graphml(path):
    """The GraphML as a networkx MultiDiGraph keyed by the `key` attribute."""
    g = nx.read_graphml(path, force_multigraph=True)
    return nx.relabel_nodes(g, {n: d["key"] for n, d in g.nodes(data=True)})


def undirected(g, relation=None):
    u = nx.Graph()
    u.add_nodes_from(g)
    for a, b, d in g.edges(data=True):
        if a != b and (relation is None or d.get("relation") == relation):
            u.add_edge(a, b)
    return u


tmp = tempfile.mkdtemp(prefix="liaison-query-")
out = os.path.join(tmp, "out")
rc, so, se = run("build", "-q", "--no-svg", "-o", out, os.path.join(SRC, "tests/corpus"))
check("build", rc == 0, se)
G = os.path.join(out, "graph.graphml")
kg = load_graphml(G)
nodes = sorted(kg.nodes)

# ---- usage and help -------------------------------------------------------
for cmd in ("neighbors", "path", "export"):
    rc, so, se = run(cmd, "--help")
    check(f"{cmd}-help", rc == 0 and so.startswith(f"usage: liaison {cmd}"), so + se)
for args, text in [(["neighbors"], "no graph given"), (["neighbors", G], "no KEY given"),
                   (["neighbors", G, "a", "b"], "is extra"),
                   (["neighbors", G, "DZ", "--format", "xml"], "unknown format 'xml'"),
                   (["neighbors", G, "DZ", "--frob"], "unknown option"),
                   (["path", G, "DZ"], "two keys"), (["export", G], "no --format"),
                   (["export", G, "-f", "xml"], "unknown format 'xml'"),
                   (["export", "-f", "json"], "no graph given")]:
    rc, so, se = run(*args)
    check("usage " + " ".join(args[:1] + args[2:]), rc == 2 and text in se, f"{rc} {se}")
for cmd, extra in (("neighbors", ["DZ"]), ("path", ["DZ", "MA"]), ("export", ["-f", "json"])):
    rc, so, se = run(cmd, "/nonexistent/graph.graphml", *extra)
    check(f"{cmd}-missing", rc == 1 and "cannot read '/nonexistent/graph.graphml'" in se, se)
hostile = os.path.join(tmp, "hostile.graphml")
with open(hostile, "w") as f:
    f.write('<?xml version="1.0"?>\n<!DOCTYPE g [<!ENTITY x "y">]>\n'
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"><graph edgedefault="directed">'
            '<node id="n0"/></graph></graphml>\n')
rc, so, se = run("export", hostile, "-f", "json", "-o", tmp)
check("hostile-xml", rc == 1 and "refusing XML" in se and not os.path.exists(
    os.path.join(tmp, "graph.json")), se)

# ---- neighbors ------------------------------------------------------------
people = [n for n in nodes if kg.nodes[n].get("type") == "person" and kg.degree(n) > 0]
check("corpus-has-people", len(people) >= 5, people)
for key in nodes:
    rc, so, se = run("neighbors", G, key, "--format", "json")
    if rc != 0:
        check(f"neighbors-json {key}", False, se)
        continue
    got = json.loads(so)
    want = {}
    for a, b, d in list(kg.out_edges(key, data=True)) + list(kg.in_edges(key, data=True)):
        if a != b:
            want.setdefault(b if a == key else a, []).append(
                (d.get("relation", ""), d.get("date", ""), d.get("source", "")))
    have = {nb["key"]: sorted((e["relation"], e["date"], e["source"]) for e in nb["edges"])
            for nb in got["neighbors"]}
    check(f"neighbors {key}", got["key"] == key and have == {k: sorted(v) for k, v in want.items()},
          f"{have} != {want}")
    # Order: rows (relation, date with undated last, neighbour key) with each
    # neighbour's group placed at its first row.
    rows = [(e["relation"], e["date"] == "", e["date"], nb["key"])
            for nb in got["neighbors"] for e in nb["edges"]]
    firsts = [min(r for r in rows if r[3] == nb["key"]) for nb in got["neighbors"]]
    check(f"neighbors-order {key}", firsts == sorted(firsts), firsts)
    for nb in got["neighbors"]:
        check(f"neighbors-edge-order {key}/{nb['key']}",
              [(e["relation"], e["date"] == "", e["date"]) for e in nb["edges"]] ==
              sorted((e["relation"], e["date"] == "", e["date"]) for e in nb["edges"]), nb)

# The table isolates Arabic names and shows sources; TSV has its header;
# --relation filters; the output is the same every time.
key = max(people, key=lambda n: (kg.degree(n), n))
rc, so, se = run("neighbors", G, key)
some_nb = next(iter(undirected(kg)[key]))
some_src = next(d["source"] for _, _, d in kg.edges(key, data=True))
check("neighbors-table", rc == 0 and "\u2068" + kg.nodes[key]["name"] + "\u2069" in so
      and some_nb in so and some_src in so, so)
rc2, so2, _ = run("neighbors", G, key)
check("neighbors-deterministic", so == so2)
rc, so, se = run("neighbors", G, key, "--format", "tsv")
lines = so.splitlines()
check("neighbors-tsv", rc == 0 and lines[0] == "neighbor\tname\tname_latin\ttype\trelation\t"
      "direction\tdate\tplace\tsource\tevidence" and all(l.count("\t") == 9 for l in lines), so)
met_people = [n for n in people if any(d.get("relation") == "met"
              for _, _, d in list(kg.in_edges(n, data=True)) + list(kg.out_edges(n, data=True)))]
if met_people:
    key = met_people[0]
    rc, so, se = run("neighbors", G, key, "--relation", "met", "--format", "tsv")
    rels = {l.split("\t")[4] for l in so.splitlines()[1:]}
    check("neighbors-relation", rc == 0 and rels == {"met"}, so)
rc, so, se = run("neighbors", G, "DZ", "--relation", "frobbed")
check("neighbors-unknown-relation", rc == 0 and "no 'frobbed' relations" in se, se)
# Unknown keys suggest close ones: part of a key, an Arabic name.
person = people[0]
part = person.split("-")[-1] if "-" in person else person[:-1]
rc, so, se = run("neighbors", G, part)
check("neighbors-suggest-key", rc == 1 and f"no node '{part}'" in se and f"'{person}'" in se, se)
rc, so, se = run("neighbors", G, kg.nodes[person]["name"])
check("neighbors-suggest-name", rc == 1 and f"did you mean" in se and f"'{person}'" in se, se)
rc, so, se = run("neighbors", G, "zzzz-nothing")
check("neighbors-no-suggestion", rc == 1 and "no node 'zzzz-nothing'" in se, se)

# ---- path -----------------------------------------------------------------
def check_path(a, b, relation=None):
    u = undirected(kg, relation)
    args = ["path", G, a, b, "--format", "json"] + (["--relation", relation] if relation else [])
    rc, so, se = run(*args)
    tag = f"path {a} {b} {relation or ''}"
    if not nx.has_path(u, a, b):
        check(tag, rc == 1 and "no path between" in se and so == "", f"{rc} {so} {se}")
        return
    if rc != 0:
        check(tag, False, se)
        return
    p = json.loads(so)
    keys = [n["key"] for n in p["nodes"]]
    ok = (p["hops"] == nx.shortest_path_length(u, a, b) and keys[0] == a and keys[-1] == b
          and len(keys) == p["hops"] + 1 and len(p["steps"]) == p["hops"])
    for s, (x, y) in zip(p["steps"], zip(keys, keys[1:])):
        want = sorted(d.get("source", "") for q, r, d in kg.edges([x, y], data=True)
                      if {q, r} == {x, y} and (relation is None or d.get("relation") == relation))
        ok = ok and s["from"] == x and s["to"] == y and want and \
            sorted(e["source"] for e in s["edges"]) == want and \
            all(e["evidence"] for e in s["edges"])
    check(tag, ok, so)


comps = sorted(nx.connected_components(undirected(kg)), key=lambda c: (-len(c), min(c)))
pairs = []
for c in comps[:3]:
    c = sorted(c)
    pairs += [(c[i], c[j]) for i in range(len(c)) for j in range(i + 1, len(c))][:25]
pairs += [(sorted(comps[0])[0], sorted(comps[1])[0])]
for a, b in pairs:
    check_path(a, b)
for a, b in pairs[:15]:
    check_path(a, b, "met")
a, b = pairs[-1]
rc, so, se = run("path", G, a, b)
check("path-none", rc == 1 and f"no path between '{a}' and '{b}'" in se, se)
# The longest path in the biggest component: table, evidence, determinism.
u = undirected(kg)
a, b = max(pairs[:-1], key=lambda p: (nx.shortest_path_length(u, *p), p))
rc, so, se = run("path", G, a, b)
rc2, so2, _ = run("path", G, a, b)
ev = next(d["evidence"] for x, y, d in kg.edges(data=True) if a in (x, y))
check("path-table", rc == 0 and so == so2 and f"path from {a} to {b}" in so
      and "\u2068" in so and "source " in so, so)
rc, so, se = run("path", G, a, a)
check("path-self", rc == 0 and "0 hops" in so, so + se)
rc, so, se = run("path", G, a, "zzzz-nothing")
check("path-unknown", rc == 1 and "no node 'zzzz-nothing'" in se, se)


# ---- export: JSON ---------------------------------------------------------
def node_link(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    try:
        return data, nx.node_link_graph(data, edges="links")
    except TypeError:   # networkx < 3.4 has no `edges` and reads "links"
        return data, nx.node_link_graph(data)


def same_value(x, y):
    if isinstance(x, float) or isinstance(y, float):
        return abs(float(x) - float(y)) <= 1e-12 * max(1.0, abs(float(x)))
    return x == y


rc, so, se = run("export", G, "--format", "json")
jpath = os.path.join(out, "graph.json")
check("export-json-default-dir", rc == 0 and os.path.exists(jpath) and jpath in so, so + se)
data, jg = node_link(jpath)
check("json-shape", data["directed"] is True and data["multigraph"] is True
      and isinstance(data["graph"], dict)
      and data["graph"].get("centrality_sources") == kg.graph.get("centrality_sources")
      and isinstance(jg, nx.MultiDiGraph), str(data)[:300])
check("json-counts", jg.number_of_nodes() == kg.number_of_nodes()
      and jg.number_of_edges() == kg.number_of_edges(),
      f"{jg.number_of_nodes()}/{jg.number_of_edges()} vs "
      f"{kg.number_of_nodes()}/{kg.number_of_edges()}")
bad = [n for n in kg if n not in jg or any(not same_value(v, jg.nodes[n].get(k))
                                           for k, v in kg.nodes[n].items())]
check("json-node-attrs", not bad, bad[:5])


def edge_bag(g, doc):
    return sorted((a, b) + tuple(d.get(k) or "" for k in ("relation", "date", doc, "evidence",
                                                          "rule")) + (float(d.get("weight", 0)),)
                  for a, b, d in g.edges(data=True))


check("json-edges", edge_bag(jg, "document") == edge_bag(kg, "source"))
check("json-parallel-keys", all(sorted(jg[a][b]) == list(range(len(jg[a][b])))
                                for a, b in set(jg.edges())))
first = open(jpath, "rb").read()
run("export", G, "-f", "json", "-q", "-o", out)
check("json-deterministic", open(jpath, "rb").read() == first)

# ---- export: CSV ----------------------------------------------------------
cdir = os.path.join(tmp, "csv", "deep")
rc, so, se = run("export", G, "-f", "csv", "-o", cdir)
check("export-csv", rc == 0 and "nodes.csv" in so and "edges.csv" in so, so + se)


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.reader(f, strict=True))


nrows, erows = read_csv(os.path.join(cdir, "nodes.csv")), read_csv(os.path.join(cdir, "edges.csv"))
check("csv-nodes-header", nrows[0] == ["key:ID", "name", "name_latin", "type", "aliases",
      "country", "role", "mentions:int", "degree:int", "strength:double", "betweenness:double",
      "closeness:double", "harmonic:double", "pagerank:double", "eigenvector:double",
      "community:int", ":LABEL"], nrows[0])
check("csv-edges-header", erows[0] == [":START_ID", ":END_ID", ":TYPE", "date", "place",
      "source", "evidence", "rule", "weight:int"], erows[0])
check("csv-widths", all(len(r) == len(nrows[0]) for r in nrows)
      and all(len(r) == len(erows[0]) for r in erows))
check("csv-counts", len(nrows) - 1 == kg.number_of_nodes()
      and len(erows) - 1 == kg.number_of_edges(), f"{len(nrows)} {len(erows)}")
ids = [r[0] for r in nrows[1:]]
check("csv-ids", sorted(ids) == nodes and len(set(ids)) == len(ids))
hdr = [h.split(":")[0] for h in nrows[0]]
bad = []
for r in nrows[1:]:
    d = kg.nodes[r[0]]
    if r[-1] != d["labels"].lstrip(":"):
        bad.append((r[0], "label"))
    for h, v in zip(hdr[1:-1], r[1:-1]):
        if not same_value(d.get(h, ""), type(d.get(h, ""))(v) if v != "" else ""):
            bad.append((r[0], h, v, d.get(h)))
check("csv-node-values", not bad, bad[:5])
have = sorted((r[0], r[1], r[2], r[3], r[5], r[6], r[7], float(r[8])) for r in erows[1:])
want = sorted((a, b) + tuple(d.get(k) or "" for k in ("relation", "date", "source", "evidence",
                                                      "rule")) + (float(d["weight"]),)
              for a, b, d in kg.edges(data=True))
check("csv-edge-values", have == want)

# CSV quoting and JSON escaping of awkward names, on a hand-written GraphML.
awk = os.path.join(tmp, "awkward.graphml")
with open(awk, "w", encoding="utf-8") as f:
    f.write('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
            '<key id="k" for="node" attr.name="key" attr.type="string"/>\n'
            '<key id="nm" for="node" attr.name="name" attr.type="string"/>\n'
            '<key id="t" for="node" attr.name="type" attr.type="string"/>\n'
            '<key id="r" for="edge" attr.name="relation" attr.type="string"/>\n'
            '<key id="s" for="edge" attr.name="source" attr.type="string"/>\n'
            '<key id="w" for="edge" attr.name="weight" attr.type="double"/>\n'
            '<graph edgedefault="directed">\n'
            '<node id="a"><data key="k">x,1</data><data key="nm">مدير "الأمن"، عمّان\nسطر</data>'
            '<data key="t">person</data></node>\n'
            '<node id="b"><data key="k">y</data><data key="nm"> بداية ومسافة </data>'
            '<data key="t">agency</data></node>\n'
            '<node id="c"><data key="k">y</data><data key="nm">تكرار</data></node>\n'
            '<edge source="a" target="b"><data key="r">met</data><data key="s">d "1".txt</data>'
            '<data key="w">1.5</data></edge>\n'
            '<edge source="a" target="b"><data key="r">met</data><data key="s">d2</data>'
            '<data key="w">2</data></edge>\n'
            '</graph></graphml>\n')
adir = os.path.join(tmp, "awk")
rc1, _, se1 = run("export", awk, "-f", "csv", "-o", adir)
rc2, _, se2 = run("export", awk, "-f", "json", "-o", adir)
check("awkward-export", rc1 == 0 and rc2 == 0, se1 + se2)
if rc1 == 0 and rc2 == 0:
    nr, er = read_csv(os.path.join(adir, "nodes.csv")), read_csv(os.path.join(adir, "edges.csv"))
    check("awkward-csv-nodes", nr == [["key:ID", "name", "type", ":LABEL"],
          ["x,1", 'مدير "الأمن"، عمّان\nسطر', "person", "Person"],
          ["y", " بداية ومسافة ", "agency", "Agency"], ["y#2", "تكرار", "", "Entity"]], nr)
    check("awkward-csv-edges", er == [[":START_ID", ":END_ID", ":TYPE", "source", "weight:double"],
          ["x,1", "y", "met", 'd "1".txt', "1.5"], ["x,1", "y", "met", "d2", "2"]], er)
    data, ag = node_link(os.path.join(adir, "graph.json"))
    check("awkward-json", sorted(ag.nodes) == ["x,1", "y", "y#2"]
          and ag.nodes["x,1"]["name"] == 'مدير "الأمن"، عمّان\nسطر'
          and sorted(k for _, _, k in ag.edges(keys=True)) == [0, 1]
          and sorted(d["document"] for _, _, d in ag.edges(data=True)) == ['d "1".txt', "d2"],
          json.dumps(data, ensure_ascii=False))
    rc, so, se = run("neighbors", awk, "y")
    check("awkward-neighbors", rc == 0 and "x,1" in so and "2 relations" in so, so + se)

print(f"{passed} passed, {failed} failed")
if failed == 0:
    import shutil
    shutil.rmtree(tmp, ignore_errors=True)
else:
    print(f"outputs kept in {tmp}")
sys.exit(1 if failed else 0)
