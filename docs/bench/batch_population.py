#!/usr/bin/env python3
"""A batch of travellers for timing `ibex watchlist screen --file` (the batch CSV: id,name,dateOfBirth,nationality,
sex,documentNumber). Mostly ordinary travellers, named from the Wikidata name pairs in ../shared/data/names (Latin
given name + surname, a birth date, a nationality, a passport number); a share of listed persons taken from the
node's own lists (`ibex watchlist search LIST '' --limit 10000 --json`, one JSON object per line), shown as an
officer meets them: as listed, in MRZ form (upper case, no punctuation), surname first, with a listed birth date
where the list gives a full one. Deterministic for a seed. Timing aid only: it measures throughput, not accuracy.

    python3 docs/bench/batch_population.py --rows 10000 --listed-share 0.1 --seed 15 \
        --names ../shared/data/names unsc.jsonl os.jsonl > batch-10k.csv
"""
import argparse
import csv
import glob
import json
import random
import re
import sys

NATIONALITIES = ["FRA", "DEU", "GBR", "USA", "THA", "CHN", "RUS", "IND", "EGY", "NGA", "BRA", "JPN", "ISR", "UKR",
                 "TUR", "MAR", "IDN", "PHL", "VNM", "ESP"]


def latin_names(folder):
    names = set()
    for path in glob.glob(folder + "/wd_*_80.tsv"):
        with open(path, encoding="utf-8") as f:
            for line in f:
                latin = line.split("\t", 1)[0].strip()
                if re.fullmatch(r"[a-z][a-z' -]{1,30}", latin):
                    names.add(latin.upper())
    return sorted(names)


def listed(paths):
    persons = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = line.strip()
                if line:
                    entry = json.loads(line)
                    if entry.get("kind") == "person":
                        persons.append(entry)
    return persons


def as_met(entry, rnd):
    name = rnd.choice(entry["names"][:3])
    words = re.sub(r"[^\w\s]", " ", name).split()
    form = rnd.randrange(3)
    if form == 1:
        name = " ".join(words).upper()
    elif form == 2 and len(words) > 1:
        name = " ".join(words[-1:] + words[:-1])
    full = [d for d in entry.get("datesOfBirth", []) if re.fullmatch(r"\d{4}-\d{2}-\d{2}", d)]
    nationalities = entry.get("nationalities") or [""]
    return name, (rnd.choice(full) if full else ""), rnd.choice(nationalities), entry.get("sex") or ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lists", nargs="*", help="JSON lines of listed entries (ibex watchlist search --json)")
    parser.add_argument("--names", default="../shared/data/names")
    parser.add_argument("--rows", type=int, default=10000)
    parser.add_argument("--listed-share", type=float, default=0.1)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rnd = random.Random(args.seed)
    ordinary = latin_names(args.names)
    persons = listed(args.lists)
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["id", "name", "dateOfBirth", "nationality", "sex", "documentNumber"])
    for i in range(args.rows):
        if persons and rnd.random() < args.listed_share:
            name, birth, nationality, sex = as_met(rnd.choice(persons), rnd)
        else:
            name = rnd.choice(ordinary) + " " + rnd.choice(ordinary)
            birth = "%04d-%02d-%02d" % (rnd.randint(1940, 2010), rnd.randint(1, 12), rnd.randint(1, 28))
            nationality, sex = rnd.choice(NATIONALITIES), rnd.choice("MF")
        out.writerow(["T%05d" % (i + 1), name, birth, nationality, sex, "P%08d" % rnd.randrange(10 ** 8)])


if __name__ == "__main__":
    main()
