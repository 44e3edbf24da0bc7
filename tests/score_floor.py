#!/usr/bin/python3
"""Builds a graph with liaison and scores it against a gold file with the
shared scorer; fails when a figure falls below its floor.

usage: score_floor.py LIAISON SCORER GOLD FLOORS INPUT...

FLOORS is "name=value,name=value" over entity_f1_core, met_f1, relation_f1
and date_ratio.  Exits 77 (skip) when the scorer, the gold or networkx is
missing, so the suite runs where ../shared is absent."""
import importlib.util
import os
import subprocess
import sys
import tempfile


def main():
    if len(sys.argv) < 6:
        print(__doc__, file=sys.stderr)
        return 2
    liaison, scorer, gold, floors = sys.argv[1:5]
    inputs = sys.argv[5:]
    if not os.path.exists(scorer) or not os.path.exists(gold):
        print(f"skip: {scorer} or {gold} not found")
        return 77
    try:
        import networkx  # noqa: F401
    except ImportError:
        print("skip: python3-networkx is not installed")
        return 77
    if not all(os.path.exists(i) for i in inputs):
        print("skip: inputs not found")
        return 77
    spec = importlib.util.spec_from_file_location("score", scorer)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([liaison, "build", "-q", "--no-svg", "-o", out] + inputs, check=True)
        res = score.score(gold, os.path.join(out, "graph.graphml"))
    w = res["when"]
    figures = {
        "entity_f1_core": res["entity_f1_core"],
        "met_f1": res["met_f1"],
        "relation_f1": res["relation_f1"],
        "date_ratio": w["date_right"] / w["gold_dated_found"] if w["gold_dated_found"] else 1.0,
    }
    passed = failed = 0
    for item in floors.split(","):
        name, value = item.split("=")
        got = figures[name]
        ok = got >= float(value)
        print(f"{'ok  ' if ok else 'FAIL'} {name} = {got:.3f} (floor {value})")
        passed += ok
        failed += not ok
    for t, m in res["relations"].items():
        print(f"     rel {t:9s} P={m['p']:.2f} R={m['r']:.2f} F1={m['f1']:.2f}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
