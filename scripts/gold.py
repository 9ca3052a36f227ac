#!/usr/bin/env python3
"""Turns the hand-written annotations tests/gold/<id>.ann into tests/gold/<id>.json (articles in
corpus/), and tests/challenge/<id>.ann into tests/challenge/<id>.json (articles beside them).

The .ann format (one file per article; `#` starts a comment line):

    doc: <id>
    title: <the headline text, checked against the first line> | -
    date: YYYY-MM-DD | YYYY-MM | -
    <type> | <trigger text>[#n] [| <modality>]
      agent    | <text>[#n] | <ACTOR_ID or ->
      target   | <text>[#n] | <ACTOR_ID or ->
      loc      | <text>[#n] | <place name[/CC[/kind]] or ->
      time     | <text>[#n] | <value or ->
      count    | <text>[#n] | <value> | <qualifier>
      source   | <text>[#n] | <ACTOR_ID or ->

Events are written in text order: a trigger is looked up from just after the previous event's
trigger start (`#n` takes the n-th occurrence). The event's sentence is the sentence holding
the trigger. Field texts are looked up inside that sentence (`#n`: n-th occurrence there); a
text prefixed with `<` is the nearest occurrence *before* the sentence (a place or actor the
sentence only refers to by a pronoun or « la ville »). Offsets are UTF-8 byte offsets.
A place name is one of PLACES below, else a name of data/gazetteer.tsv (its first column),
narrowed by a country code and a kind when the name is shared (`Bama/NG`, `Kirkouk/IQ/admin`).
Actor ids: those of ACTORS below and every id of data/actors.tsv.

Usage: python3 scripts/gold.py            (rewrites every tests/gold/*.json from its .ann)
       python3 scripts/gold.py --check    (fails if a .json is not up to date)
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# (gold directory, directory of its articles)
SETS = [
    (ROOT / "tests" / "gold", ROOT / "corpus"),
    (ROOT / "tests" / "challenge", ROOT / "tests" / "challenge"),
]

PLACES = {
    "Al-Qaryatayn": (34.229, 37.240, "SY"),
    "Homs": (34.730, 36.710, "SY"),
    "Badiya": (34.500, 38.500, "SY"),
    "Syria": (35.000, 38.500, "SY"),
    "Iraq": (33.000, 43.500, "IQ"),
    "Raqqa": (35.950, 39.010, "SY"),
    "Deir ez-Zor": (35.336, 40.140, "SY"),
    "Palmyra": (34.551, 38.269, "SY"),
    "Sukhnah": (34.883, 38.867, "SY"),
    "Al-Kawm": (35.200, 38.850, "SY"),
    "Abu Kamal": (34.450, 40.918, "SY"),
    "Al-Qaim": (34.370, 41.090, "IQ"),
    "Al Mayadin": (35.020, 40.450, "SY"),
    "Damascus": (33.513, 36.292, "SY"),
}
ACTORS = {
    "SYR_GOV", "ISIS", "SDF", "RUS_GOV", "USA_GOV", "US_COALITION", "IRQ_GOV", "PMF", "IRGC",
    "CIVILIANS", "SOHR", "SANA", "AFP",
}
ACTORS |= {
    line.split("\t", 1)[0]
    for line in (ROOT / "data" / "actors.tsv").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
}


def gazetteer_place(spec):
    """(name, lat, lon, country) of a gazetteer row: `Name`, `Name/CC` or `Name/CC/kind`; when
    several rows remain, a town before other kinds, then the most populous."""
    name, *rest = spec.split("/")
    country = rest[0] if rest else None
    kind = rest[1] if len(rest) > 1 else None
    rows = []
    for line in (ROOT / "data" / "gazetteer.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith(("#", "!")) or cols[0] != name:
            continue
        if (country and cols[2] != country) or (kind and cols[1] != kind):
            continue
        rows.append(cols)
    if not rows:
        raise ValueError(f"place {spec} is in neither PLACES nor data/gazetteer.tsv")
    rows.sort(key=lambda c: (c[1] != "city", -int(c[5] or 0)))
    best = rows[0]
    return best[0], float(best[3]), float(best[4]), best[2]


TYPES = {
    "capture", "attack", "advance", "withdrawal", "air_strike", "shelling", "bombing",
    "abduction", "killing", "injury", "displacement", "destruction", "surrender", "arrest",
    "demining", "agreement",
}
MODALITIES = {"asserted", "negated", "planned", "hypothetical"}
QUALIFIERS = {"exact", "at_least", "more_than", "about", "up_to", "range"}


def sentences(text):
    """Character ranges of sentences: a line break ends one, and so does . ! ? (plus closing
    quotes or brackets) followed by white space."""
    out = []
    start = 0
    i = 0
    n = len(text)
    while i < n:
        c = text[i]
        if c == "\n":
            out.append((start, i))
            start = i + 1
        elif c in ".!?":
            j = i + 1
            while j < n and text[j] in "»\"”)":
                j += 1
            if j == n or text[j] in " \t\n":
                if text[i - 1] != ".":  # not an ellipsis
                    out.append((start, j))
                    start = j
                    i = j
                    continue
        i += 1
    out.append((start, n))
    result = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            result.append((s, e))
    return result


def whole_word(text, pos, needle):
    """The match does not start or end inside a word."""
    if needle[0].isalnum() and pos > 0 and text[pos - 1].isalnum():
        return False
    end = pos + len(needle)
    if needle[-1].isalnum() and end < len(text) and text[end].isalnum():
        return False
    return True


def find_nth(text, needle, start, end, nth):
    pos = start - 1
    found = 0
    while found < nth:
        pos = text.find(needle, pos + 1, end)
        if pos < 0:
            return -1
        if whole_word(text, pos, needle):
            found += 1
    return pos


class Doc:
    def __init__(self, ident, text):
        self.text = text
        # char index -> byte offset
        self.byte = [0] * (len(text) + 1)
        acc = 0
        for i, ch in enumerate(text):
            self.byte[i] = acc
            acc += len(ch.encode("utf-8"))
        self.byte[len(text)] = acc
        self.sents = sentences(text)
        self.id = ident

    def span(self, s, e):
        return {"text": self.text[s:e], "start": self.byte[s], "end": self.byte[e]}

    def sentence_of(self, pos):
        for s, e in self.sents:
            if s <= pos < e:
                return s, e
        raise ValueError(f"{self.id}: no sentence at {pos}")


def parse_ref(raw):
    nth = 1
    back = raw.startswith("<")
    if back:
        raw = raw[1:]
    m = re.fullmatch(r"(.*?)#(\d+)", raw)
    if m:
        raw, nth = m.group(1), int(m.group(2))
    return raw, nth, back


def locate(doc, raw, sent, where):
    needle, nth, back = parse_ref(raw)
    s, e = sent
    if back:
        pos = doc.text.rfind(needle, 0, s)
        while pos >= 0 and not whole_word(doc.text, pos, needle):
            pos = doc.text.rfind(needle, 0, pos)
    else:
        pos = find_nth(doc.text, needle, s, e, nth)
    if pos < 0:
        raise ValueError(f"{doc.id}: {where}: «{raw}» not found")
    return pos, pos + len(needle)


def opt(v):
    return None if v == "-" else v


def build(ann_path, corpus):
    lines = ann_path.read_text(encoding="utf-8").splitlines()
    header = {}
    events = []
    doc = None
    cursor = 0
    for lineno, line in enumerate(lines, 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        where = f"{ann_path.name}:{lineno}"
        if not line.startswith(" ") and ":" in line.split("|")[0] and "|" not in line:
            key, _, val = line.partition(":")
            header[key.strip()] = val.strip()
            if key.strip() == "doc":
                text = (corpus / f"{val.strip()}.txt").read_text(encoding="utf-8")
                doc = Doc(val.strip(), text)
            continue
        parts = [p.strip() for p in line.split("|")]
        if not line.startswith(" "):
            kind = parts[0]
            if kind not in TYPES:
                raise ValueError(f"{where}: unknown type {kind}")
            needle, nth, _ = parse_ref(parts[1])
            pos = find_nth(doc.text, needle, cursor, len(doc.text), nth)
            if pos < 0:
                raise ValueError(f"{where}: trigger «{parts[1]}» not found")
            cursor = pos + 1
            sent = doc.sentence_of(pos)
            if pos + len(needle) > sent[1]:
                raise ValueError(f"{where}: trigger crosses the sentence end")
            modality = parts[2] if len(parts) > 2 else "asserted"
            if modality not in MODALITIES:
                raise ValueError(f"{where}: unknown modality {modality}")
            events.append({
                "type": kind,
                "trigger": doc.span(pos, pos + len(needle)),
                "sentence": {"start": doc.byte[sent[0]], "end": doc.byte[sent[1]]},
                "agent": [], "target": [], "location": [],
                "time": None, "count": None, "source": None,
                "modality": modality,
                "_sent": sent,
            })
            continue
        ev = events[-1]
        field = parts[0]
        s, e = locate(doc, parts[1], ev["_sent"], where)
        span = doc.span(s, e)
        if field in ("agent", "target", "source"):
            actor = opt(parts[2])
            if actor is not None and actor not in ACTORS:
                raise ValueError(f"{where}: unknown actor {actor}")
            span["actor"] = actor
            if field == "source":
                ev["source"] = span
            else:
                ev[field].append(span)
        elif field == "loc":
            place = opt(parts[2])
            if place is None:
                span.update(place=None, lat=None, lon=None, country=None)
            elif place in PLACES:
                lat, lon, country = PLACES[place]
                span.update(place=place, lat=lat, lon=lon, country=country)
            else:
                name, lat, lon, country = gazetteer_place(place)
                span.update(place=name, lat=lat, lon=lon, country=country)
            ev["location"].append(span)
        elif field == "time":
            span["value"] = opt(parts[2])
            ev["time"] = span
        elif field == "count":
            if parts[3] not in QUALIFIERS:
                raise ValueError(f"{where}: unknown qualifier {parts[3]}")
            span.update(value=int(parts[2]), qualifier=parts[3])
            ev["count"] = span
        else:
            raise ValueError(f"{where}: unknown field {field}")
    for ev in events:
        del ev["_sent"]
    title = opt(header.get("title", "-"))
    if title is not None and doc.text.split("\n", 1)[0] != title:
        raise ValueError(f"{ann_path.name}: title is not the first line")
    return {
        "id": doc.id,
        "title": title,
        "date": opt(header.get("date", "-")),
        "events": events,
    }


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    anns = [(ann, corpus) for gold, corpus in SETS for ann in sorted(gold.glob("*.ann"))]
    for ann, corpus in anns:
        out = json.dumps(build(ann, corpus), ensure_ascii=False, indent=2) + "\n"
        target = ann.with_suffix(".json")
        if check:
            if not target.exists() or target.read_text(encoding="utf-8") != out:
                stale.append(target.name)
        else:
            target.write_text(out, encoding="utf-8")
    if stale:
        sys.exit("stale gold files: " + ", ".join(stale))


if __name__ == "__main__":
    main()
