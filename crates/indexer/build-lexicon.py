#!/usr/bin/env python3
"""Derive the compound lexicon in data/da-compound-lexicon.txt from hunspell-da.

Usage:  python3 crates/indexer/build-lexicon.py [DIR_WITH_da_DK.aff_AND_.dic]
        (default /usr/share/hunspell, from the Debian package hunspell-da)

The hunspell-da dictionary (Stavekontrolden) marks which words may take part
in a compound and with which linking letter, through flags declared in
da_DK.aff:

  SFX 29  adds -s  with COMPOUNDBEGIN/COMPOUNDMIDDLE  -> the word begins a compound with -s-
  SFX 30  adds -e  with COMPOUNDBEGIN/COMPOUNDMIDDLE  -> ... with -e-
  SFX 31  adds 0   with COMPOUNDBEGIN/COMPOUNDMIDDLE  -> ... with no linking letter
  flags 32/33 on an entry (COMPOUNDBEGIN/MIDDLE)      -> begins a compound as written
                                                         (entries ending in "-" are skipped)
  flag 39 (SFX adding 0 with COMPOUNDEND) or 34        -> the word may end a compound
  any SFX rule whose output carries 34 (COMPOUNDEND)   -> that inflected form may end one
  flag 8 NEEDAFFIX, flag 6 FORBIDDENWORD, 36 ONLYINCOMPOUND

Rather than expanding every inflected form (600 000 forms, 8 MB), the output
keeps the inflection rules whose outputs may end a compound and, per word, the
rule classes it takes; the indexer undoes a suffix at lookup time, as hunspell
does. Two-level suffixes (consonant doubling, class 3 and 7, whose outputs
carry further classes) are expanded here into entries of their own.

Output format (UTF-8, one record per line, tab-separated, '#' comments):
  R <class> <strip> <add> <condition>   an inflection rule ('' for empty)
  P <id> <codes> <class,class,...>      a word profile
  <word> <id>                           a lower-case word and its profile
codes: '0' begins/continues a compound as is, 's' with -s-, 'e' with -e-,
       'z' may end a compound, 'k' is a word of its own (a dictionary entry
       that needs no affix).
"""

import collections
import os
import re
import sys

BEGIN_NO_LINK = "31"
BEGIN_S = "29"
BEGIN_E = "30"
COMPOUND_BEGIN = "32"
COMPOUND_MIDDLE = "33"
COMPOUND_END = "34"
ENDS_COMPOUND = "39"
NEED_AFFIX = "8"
FORBIDDEN = "6"
ONLY_IN_COMPOUND = "36"
LINK_CLASSES = {BEGIN_NO_LINK, BEGIN_S, BEGIN_E, ENDS_COMPOUND}

WORD = re.compile(r"^[a-zæøåéèêëüöäáàóôíïúç]+$")


def read_affixes(path):
    rules = collections.defaultdict(list)
    with open(path, encoding="utf-8") as f:
        for line in f:
            p = line.split()
            if len(p) < 5 or p[0] != "SFX":
                continue
            flag, strip, add, cond = p[1], p[2], p[3], p[4]
            flags = set()
            if "/" in add:
                add, rest = add.split("/", 1)
                flags = set(rest.split(","))
            add = "" if add == "0" else add
            strip = "" if strip == "0" else strip
            rules[flag].append((strip, add, cond, flags))
    return rules


def cond_matches(cond, word):
    return re.search(cond + "$", word) is not None


def read_entries(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()[1:]
    for line in lines:
        # Morphological fields ("al:…", "ph:…") follow the flags after a space
        # or a tab; without this the last flag of such entries was lost.
        fields = line.split()
        line = fields[0] if fields else ""
        if not line or line.startswith("#"):
            continue
        if "/" in line:
            word, rest = line.split("/", 1)
            flags = set(rest.split(","))
        else:
            word, flags = line, set()
        yield word, flags


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/hunspell"
    rules = read_affixes(os.path.join(src, "da_DK.aff"))
    # Inflection classes: those with an output that may end a compound.
    end_classes = sorted(
        (c for c, rs in rules.items() if c not in LINK_CLASSES and any(COMPOUND_END in r[3] for r in rs)),
        key=int,
    )
    end_set = set(end_classes)
    words = collections.defaultdict(lambda: [set(), set()])  # word -> [codes, classes]

    def add(word, flags):
        # Entries such as "inter-" begin compounds only when written with the
        # hyphen; the tokenizer splits those anyway, so they are left out.
        lw = word.lower()
        if not WORD.match(lw):
            return
        codes, classes = words[lw]
        if BEGIN_NO_LINK in flags or COMPOUND_BEGIN in flags:
            codes.add("0")
        if BEGIN_S in flags:
            codes.add("s")
        if BEGIN_E in flags:
            codes.add("e")
        standalone = NEED_AFFIX not in flags and ONLY_IN_COMPOUND not in flags
        if standalone:
            codes.add("k")
        if (ENDS_COMPOUND in flags or COMPOUND_END in flags) and standalone:
            codes.add("z")
        classes.update(flags & end_set)

    for word, flags in read_entries(os.path.join(src, "da_DK.dic")):
        if FORBIDDEN in flags:
            continue
        add(word, flags)
        # Two-level suffixes: an output that carries inflection classes of its own.
        for flag in flags:
            for strip, suffix, cond, out_flags in rules.get(flag, []):
                if not (out_flags & end_set) or not cond_matches(cond, word):
                    continue
                if strip and not word.endswith(strip):
                    continue
                stem = word[: len(word) - len(strip)] if strip else word
                add(stem + suffix, out_flags)

    out_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "da-compound-lexicon.txt")
    with open(out_path, "w", encoding="utf-8") as out:
        out.write("# Derived from hunspell-da (Stavekontrolden 2.7, GPL-2.0 / LGPL-2.1 / MPL-1.1)\n")
        out.write("# by crates/indexer/build-lexicon.py; see LICENCE-hunspell-da.txt. Do not edit.\n")
        for c in end_classes:
            for strip, suffix, cond, out_flags in rules[c]:
                if COMPOUND_END in out_flags and suffix:
                    out.write(f"R\t{c}\t{strip}\t{suffix}\t{cond}\n")
        # Words share a few hundred (codes, classes) profiles: number them.
        profiles = {}
        rows = []
        for w in sorted(words):
            codes, classes = words[w]
            if not codes and not classes:
                continue
            key = ("".join(sorted(codes)), ",".join(sorted(classes, key=int)))
            rows.append((w, profiles.setdefault(key, len(profiles))))
        for (code_str, class_str), pid in sorted(profiles.items(), key=lambda kv: kv[1]):
            out.write(f"P\t{pid}\t{code_str}\t{class_str}\n")
        for w, pid in rows:
            out.write(f"{w}\t{pid}\n")
        kept = len(rows)
    print(f"{kept} words, {len(end_classes)} inflection classes -> {out_path}", file=sys.stderr)


if __name__ == "__main__":
    main()
