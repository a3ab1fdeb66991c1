#!/usr/bin/env python3
"""Where the samples or the monitor waits of a JFR recording go, by area.

  python3 docs/bench/jfr-areas.py recording.jfr              # execution samples by area
  python3 docs/bench/jfr-areas.py recording.jfr frames       # ... by the first frame of an area
  python3 docs/bench/jfr-areas.py recording.jfr monitors     # JavaMonitorEnter by monitor class and caller

Each sample counts once, for the first frame from the top of its stack that belongs to a
known area (JDK frames such as String.charAt count for the code that called them). Needs
the JDK's `jfr` tool on the PATH.
"""
import collections
import json
import subprocess
import sys

AREAS = [
    ("org.thymeleaf", "Thymeleaf"), ("org.attoparser", "Thymeleaf"),
    ("org.springframework.expression", "SpEL"), ("org.hibernate", "Hibernate"), ("org.h2", "H2"),
    ("com.zaxxer", "Hikari"), ("org.newswire.pagecache", "page cache"), ("org.newswire", "Newswire"),
    ("org.springframework.security", "Spring Security"), ("org.springframework.web", "Spring MVC"),
    ("org.springframework.context", "Spring messages"), ("org.springframework", "Spring, other"),
    ("org.apache.lucene", "Lucene"), ("org.apache", "Tomcat"), ("com.github.benmanes", "Caffeine"),
    ("io.micrometer", "Micrometer"),
]


def events(recording, kind):
    out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "64", "--events", kind, recording],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["recording"]["events"]


def frames(event):
    stack = event["values"].get("stackTrace") or {"frames": []}
    return [f["method"]["type"]["name"].replace("/", ".") + "." + f["method"]["name"] for f in stack["frames"]]


def area(stack, with_frame):
    for frame in stack:
        for prefix, name in AREAS:
            if frame.startswith(prefix):
                return name + ("  " + frame if with_frame else "")
    return "other"


def main():
    recording = sys.argv[1]
    mode = sys.argv[2] if len(sys.argv) > 2 else "areas"
    counts = collections.Counter()
    if mode == "monitors":
        for event in events(recording, "jdk.JavaMonitorEnter"):
            monitor = (event["values"].get("monitorClass") or {}).get("name", "?").replace("/", ".")
            caller = next((f for f in frames(event) if not f.startswith(("java.", "jdk.", "sun."))), "?")
            counts[monitor + "  from " + caller] += 1
    else:
        for event in events(recording, "jdk.ExecutionSample"):
            counts[area(frames(event), mode == "frames")] += 1
    total = sum(counts.values())
    print(f"{total} events")
    for key, count in counts.most_common(40 if mode != "areas" else None):
        print(f"{count:7d} {100 * count / total:5.1f} %  {key}")


if __name__ == "__main__":
    main()
