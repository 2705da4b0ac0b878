#!/usr/bin/env python3
"""Where a JFR recording's CPU samples go on the request path (docs/request-path.md).

  scripts/bench/jfr-summary.py recording.jfr [jfr-tool]

Each jdk.ExecutionSample (full stack) is counted once, under the first category (in the order below)
that any of its frames matches; then a few cross-cutting costs are counted wherever they appear.
"""
import collections
import re
import subprocess
import sys

CATEGORIES = [
    ("RS256 verification / JWT parsing (jose4j, smallrye-jwt)", r"jose4j|DefaultJWTParser|JWTCallerPrincipal"),
    ("verified-token cache (SHA-256 of the token)", r"VerifiedTokenCache"),
    ("session / user status check", r"ActiveUserAugmentor|SessionAugmentor|StatusCache"),
    ("database (JDBC, Agroal, Hibernate, transaction)", r"org\.postgresql|agroal|org\.hibernate|narayana|arjuna"),
    ("JSON response (Jackson)", r"com\.fasterxml\.jackson"),
    ("metrics (Micrometer)", r"micrometer"),
    ("logging", r"org\.jboss\.logmanager|java\.util\.logging"),
    ("REST routing, CDI contexts, filters", r"resteasy\.reactive|io\.quarkus\.arc|io\.guanxi"),
    ("Vert.x / Netty I/O", r"io\.netty|io\.vertx"),
]
ANYWHERE = [
    ("metrics URI template: a RequestMapper built per request", r"ObservabilityIntegrationRecorder\.setTemplatePath"),
    ("security headers (platform/http/SecurityHeaders)", r"SecurityHeaders\.apply"),
    ("the endpoint's own work (MeResource, UserService, ContactResource…)", r"io\.guanxi\.crm\.(?!platform)\w+\.\w+Resource"),
]

jfr = sys.argv[1]
tool = sys.argv[2] if len(sys.argv) > 2 else "jfr"
text = subprocess.run([tool, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "256", jfr],
                      capture_output=True, text=True, check=True).stdout
samples = [re.findall(r"^\s+([\w$.<>]+)\(", s, re.M) for s in text.split("jdk.ExecutionSample")[1:]]
counts = collections.Counter()
anywhere = collections.Counter()
for frames in samples:
    for name, pattern in CATEGORIES:
        if any(re.search(pattern, f) for f in frames):
            counts[name] += 1
            break
    else:
        counts["other"] += 1
    for name, pattern in ANYWHERE:
        if any(re.search(pattern, f) for f in frames):
            anywhere[name] += 1
total = max(len(samples), 1)
print(f"{len(samples)} execution samples in {jfr}")
for name, _ in CATEGORIES + [("other", None)]:
    print(f"  {name:60s} {counts[name]:5d} {100 * counts[name] / total:5.1f} %")
print("  of which, wherever they appear in the stack:")
for name, _ in ANYWHERE:
    print(f"    {name:58s} {anywhere[name]:5d} {100 * anywhere[name] / total:5.1f} %")
