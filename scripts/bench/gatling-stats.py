#!/usr/bin/env python3
"""One Markdown row per request name of a Gatling report (its index.html: Gatling 3.14 writes no JSON stats), warm-up
requests left out: label, name, requests, failed, achieved req/s (OK answers over the measured seconds), p50, p95, p99,
max (ms), then any extra columns given.
usage: gatling-stats.py <report dir> <label> <measured seconds> [extra column...]"""
import html
import re
import sys

report, label, seconds, extra = sys.argv[1], sys.argv[2], float(sys.argv[3]), sys.argv[4:]
page = open(f"{report}/index.html", encoding="utf-8").read()
# The statistics table: a request's name, then its 13 cells col-2 … col-14.
row = re.compile(r'class="ellipsed-name">([^<]*)</span>(.*?)</tr>', re.S)
cell = re.compile(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>')
for match in row.finditer(page):
    name = html.unescape(match.group(1))
    if name == "All Requests" or name.startswith("warm-up"):
        continue
    cols = {int(c): v for c, v in cell.findall(match.group(2))}
    total, ok, ko = cols[2], int(cols[3].replace("-", "0") or 0), cols[4].replace("-", "0")
    achieved = f"{ok / seconds:.1f}"
    print("| " + " | ".join([label, name, total, ko, achieved, cols[8], cols[9], cols[10], cols[12], *extra]) + " |")
