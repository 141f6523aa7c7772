#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-only
# check_json.py JSON TEXT [PER_SYMBOL]: the --json document of an
# explanation says the same as its grouped TEXT (rendered again from the
# "groups" and the symbols' statuses) and, when given, as its PER_SYMBOL
# text (rendered from the "symbols"); every change names the group that
# holds it.
import json
import sys

SHOWN = 8
NAME_LINES = 3
WRAP = 78

doc = json.load(open(sys.argv[1]))
groups = doc["groups"]
syms = doc["symbols"]


def line(name, path, change):
    return ": ".join([name] + [" -> ".join(path)] * bool(path) + [change])


def status_line(s):
    if s["status"] == "unexplained":
        return "%s: CRC changed %s -> %s (%s)" % (
            s["name"], s["old_crc"], s["new_crc"], s["note"])
    return "%s: %s" % (s["name"], s["status"])


def full_path(route, where):
    return route + where[1:] if where else route


text = []
for g in groups:
    assert g["count"] == len(g["symbols"]) >= 1 and g["changes"]
    if g["count"] == 1:
        s = g["symbols"][0]
        for c in g["changes"]:
            text.append(line(s["name"], full_path(s["path"], c["where"]),
                             c["change"]))
        continue
    for c in g["changes"]:
        assert c["where"], "a change of several symbols is in a type"
        text.append(line(" -> ".join(c["where"]), [], c["change"]))
    text.append("  reached from %d symbols:" % g["count"])
    for s in g["symbols"][:SHOWN]:
        text.append("    %s: %s" % (s["name"], " -> ".join(s["path"])))
    rest = g["symbols"][SHOWN:]
    if rest:
        cur = "    and %d more:" % len(rest)
        lines = 1
        for i, s in enumerate(rest):
            word = " " + s["name"] + ("" if i + 1 == len(rest) else ",")
            if len(cur) + len(word) > WRAP and len(cur) > 6:
                if lines == NAME_LINES:
                    cur += " ..."
                    break
                lines += 1
                text.append(cur)
                cur = "     "
            cur += word
        text.append(cur)
assert [g["count"] for g in groups] == sorted(
    (g["count"] for g in groups), reverse=True)
text += [status_line(s) for s in syms if s["status"] != "changed"]
want = open(sys.argv[2]).read().splitlines()
assert text == want, (text, want)

per_symbol = []
for s in syms:
    if s["status"] != "changed":
        per_symbol.append(status_line(s))
        continue
    assert s["old_crc"] != s["new_crc"] and s["changes"]
    for c in s["changes"]:
        assert c["kind"] and c["change"]
        per_symbol.append(line(s["name"], c["path"], c["change"]))
        g = groups[c["group"]]
        mine = [x for x in g["symbols"] if x["name"] == s["name"]]
        assert len(mine) == 1, (s["name"], c)
        assert any(full_path(mine[0]["path"], gc["where"]) == c["path"] and
                   gc["change"] == c["change"] for gc in g["changes"]), c
if len(sys.argv) > 3:
    want = open(sys.argv[3]).read().splitlines()
    assert per_symbol == want, (per_symbol, want)
assert sum(len(s["changes"]) for s in syms) == sum(
    g["count"] * len(g["changes"]) for g in groups)
