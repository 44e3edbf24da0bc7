#!/usr/bin/env python3
"""nx_graph.py — networkx doing what bench_graph times: N random actors, M
random relations collapsed into a weighted undirected actor network, every
centrality, Louvain, and GraphML export.
usage: nx_graph.py N M [SOURCES [AS_IF]]

All-pairs measures (betweenness, closeness, harmonic) are run from SOURCES
sampled sources (default 200) and their time scaled to AS_IF sources
(default N, the exact run; liaison samples 128 above 5,000 actors): an
estimate marked with '~'.  Prints "name seconds" lines."""
import random
import sys
import tempfile
import time

import networkx as nx

n, m = int(sys.argv[1]), int(sys.argv[2])
k = min(n, int(sys.argv[3]) if len(sys.argv) > 3 else 200)
as_if = int(sys.argv[4]) if len(sys.argv) > 4 else n
rnd = random.Random(1)
t = time.perf_counter()
g = nx.Graph()
g.add_nodes_from(range(n))
for _ in range(m):
    a, b = rnd.randrange(n), rnd.randrange(n)
    if a == b:
        b = (b + 1) % n
    if g.has_edge(a, b):
        g[a][b]["weight"] += 1
    else:
        g.add_edge(a, b, weight=1)
print("actor-network %.3f" % (time.perf_counter() - t))


def timed(name, fn, scale=1.0):
    t = time.perf_counter()
    fn()
    dt = (time.perf_counter() - t) * scale
    print(("%s ~%.3f" if scale != 1.0 else "%s %.3f") % (name, dt), flush=True)
    return dt


sources = rnd.sample(range(n), k)
timed("degree", lambda: dict(g.degree()))
timed("strength", lambda: dict(g.degree(weight="weight")))
timed("betweenness", lambda: nx.betweenness_centrality(g, k=k, normalized=False, seed=1), as_if / k)
timed("closeness", lambda: [nx.closeness_centrality(g, u=s) for s in sources], as_if / k)
timed("harmonic", lambda: [sum(1 / d for d in nx.single_source_shortest_path_length(g, s).values() if d)
                           for s in sources], as_if / k)
timed("pagerank", lambda: nx.pagerank(g, alpha=0.85, weight="weight"))
timed("eigenvector", lambda: nx.eigenvector_centrality(g, max_iter=1000))
timed("louvain", lambda: nx.community.louvain_communities(g, weight="weight", seed=1))
with tempfile.NamedTemporaryFile(suffix=".graphml") as f:
    timed("graphml", lambda: nx.write_graphml(g, f.name))
