#!/usr/bin/python3
"""check_networkx.py GRAPHML — recomputes every centrality of a liaison
GraphML with networkx and compares it with the node attributes.

The actor network is built exactly as analyse.h documents it: nodes of type
person/agency/country/organization, undirected, every relation between two
distinct actors collapsed into one edge whose weight is their count.
Tolerance 1e-6 (eigenvector 1e-4).  Non-actors must carry 0 and community -1.
Prints "N passed, N failed"; exits 1 on a mismatch, 77 (skip) without networkx.

PageRank is recomputed with tol=1e-12 instead of networkx's default 1e-6:
the default stops the power iteration early (error up to ~1e-6 per node),
while liaison uses igraph's exact PRPACK solver; both compute the same
nx.pagerank(G, alpha=0.85, weight="weight") fixed point.
"""
import math
import sys

try:
    import networkx as nx
except ImportError:
    print("networkx is missing: skipped")
    sys.exit(77)

ACTORS = {"person", "agency", "country", "organization"}
MEASURES = ["degree", "strength", "betweenness", "closeness", "harmonic", "pagerank",
            "eigenvector"]


def actor_network(kg, relation=None):
    net = nx.Graph()
    for n, a in kg.nodes(data=True):
        if a.get("type") in ACTORS:
            net.add_node(n)
    for u, v, a in kg.edges(data=True):
        if relation is not None and a.get("relation") != relation:
            continue
        if u == v or u not in net or v not in net:
            continue
        if net.has_edge(u, v):
            net[u][v]["weight"] += 1
        else:
            net.add_edge(u, v, weight=1)
    return net


def expected(net):
    out = {}
    if net.number_of_nodes() == 0:
        return {m: {} for m in MEASURES}
    out["degree"] = dict(net.degree())
    out["strength"] = dict(net.degree(weight="weight"))
    out["betweenness"] = nx.betweenness_centrality(net, normalized=False)
    out["closeness"] = nx.closeness_centrality(net)
    out["harmonic"] = nx.harmonic_centrality(net)
    out["pagerank"] = nx.pagerank(net, alpha=0.85, weight="weight", tol=1e-12, max_iter=10000)
    try:
        out["eigenvector"] = nx.eigenvector_centrality(net)
    except nx.PowerIterationFailedConvergence:
        # liaison goes on iterating (and warns) where networkx gives up
        out["eigenvector"] = nx.eigenvector_centrality(net, max_iter=10000)
    return out


def main(argv):
    if len(argv) != 2:
        print("usage: check_networkx.py GRAPHML", file=sys.stderr)
        return 2
    kg = nx.read_graphml(argv[1])
    net = actor_network(kg)
    want = expected(net)
    passed = failed = 0

    def check(ok, what):
        nonlocal passed, failed
        if ok:
            passed += 1
        else:
            failed += 1
            print("FAIL:", what)

    for n, a in sorted(kg.nodes(data=True), key=lambda x: str(x[1].get("key", x[0]))):
        key = a.get("key", n)
        is_actor = n in net
        for m in MEASURES:
            if m not in a:
                check(False, f"{key}: no attribute {m}")
                continue
            got = float(a[m])
            exp = float(want[m].get(n, 0.0)) if is_actor else 0.0
            tol = 1e-4 if m == "eigenvector" else 1e-6
            check(math.isfinite(got) and abs(got - exp) <= tol * max(1.0, abs(exp)),
                  f"{key}: {m} = {got!r}, networkx says {exp!r}")
        com = a.get("community")
        if com is None:
            check(False, f"{key}: no attribute community")
        elif is_actor:
            check(float(com) >= 0 and float(com) == int(float(com)),
                  f"{key}: community {com!r} of an actor")
        else:
            check(float(com) == -1, f"{key}: community {com!r} of a non-actor")
    # Louvain communities must be a sensible partition: non-negative modularity.
    if net.number_of_edges():
        parts = {}
        for n in net:
            parts.setdefault(int(float(kg.nodes[n]["community"])), set()).add(n)
        q = nx.algorithms.community.modularity(net, parts.values(), weight="weight")
        check(q >= -1e-9, f"modularity of the communities is {q}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
