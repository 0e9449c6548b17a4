#!/usr/bin/env python3
"""copycheck.py - find text in data/*.csv copied from the source documents.

The atlas may use the facts, dates and figures of the five source documents
(shared/seeds/*.txt) but not their sentences.  This script reads every text
column of every table in data/ (titles, summaries, notes, claim values;
statements.csv summaries included) and reports each field that shares a run
with a document:

  * English and Vietnamese (and any Latin text): N consecutive words
    (default 8; words = Unicode \\w+ runs, case-folded, so punctuation and
    spacing do not hide a copy), compared with every document;
  * Chinese (zh_hans, zh_hant, and Chinese text in notes): N consecutive
    characters (default 16; letters and digits only, punctuation and spaces
    dropped, NFKC), compared with 000/001/002 both as written and after
    `opencc -c t2s.json` on both sides, so zh_hant is caught against 002 and
    zh_hans against 000/001 whatever script the copy is in.

Not checked: ids, dates, numbers, enums, names (name_*, aliases) and the
bibliographic columns of sources.csv (title, publisher, url, section): names
and the titles of cited works are not copying.  Document 004 holds its page
twice; only its first 165,285 characters are read.  000's wiki markup
([anchor](url "wikilink"), \\[12\\], -{ }-, **) is stripped first.

Output, one line per shared run:
    data/FILE.csv:LINE: COLUMN: the shared run  [document(s)]
LINE is the line of the CSV file where the row starts.  Exit status 1 if
anything is reported, 0 if not, 2 on a usage error.  Runs that are only
proper names or quoted titles can be silenced in ALLOW below (each entry
with its reason).

Usage: tools/data/copycheck.py [--data DIR] [--seeds DIR]
                               [--words N] [--chars N] [--no-opencc]
Standard library only; opencc (the command) is used if it is installed.
"""

import argparse
import csv
import os
import re
import shutil
import subprocess
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))

DOC_004_LIMIT = 165285          # 004 holds the page twice: first copy only

# Columns that are never free text of the project's own (see the comment
# at the top): matched by exact name or by the patterns below.
SKIP_COLUMNS = {
    'id', 'start', 'end', 'date', 'as_of', 'type', 'kind', 'side', 'stance',
    'confidence', 'lat', 'lon', 'geonames_id', 'coord_source', 'low', 'best',
    'high', 'unit', 'measure', 'field', 'aliases', 'lang', 'document',
    'fatalities_low', 'fatalities_best', 'fatalities_high',
    'displaced_low', 'displaced_best', 'displaced_high',
}
SKIP_PATTERNS = [re.compile(p) for p in (r'_ids?$', r'^name_')]
# sources.csv: bibliographic data (titles of cited works, publishers,
# section headings of the documents) - titles, not prose.
SKIP_TABLE_COLUMNS = {
    'sources.csv': {'title', 'publisher', 'url', 'section'},
}

# Allow-list: shared runs that are legitimate (proper names, lists of
# names, quoted titles of works or resolutions).  Each entry is
# (text, reason); a reported run is dropped when its normalised form is
# contained in the normalised entry.
ALLOW = [
    ('Convention on the Prevention and Punishment of the Crime of Genocide',
     'title of the 1948 UN convention'),
    ('A Story of People in War and Peace',
     "title of Vardan Hovhannisyan's documentary film"),
    ('Putin loses grip on member of his military alliance',
     'headline of a cited news article, quoted as its title'),
    ('昌卡塔格赫、恰帕尔、卡尔米尔舒卡、哈奇马奇、马奇卡拉申、萨鲁申、绍什和瓦格胡哈斯',
     'list of village names (Chankatagh ... Vaghuhas) reported captured'),
]

WORD_RE = re.compile(r'\w+')
CJK_RE = re.compile(r'[\u3400-\u9fff\uf900-\ufaff]')


def lang_of(column):
    if column.endswith('_zh_hans') or column.endswith('_zh_hant'):
        return 'zh'
    if column.endswith('_en') or column.endswith('_vi'):
        return 'words'
    return 'auto'               # notes, claim values: both checks


def checked(table, column):
    if column in SKIP_COLUMNS or column in SKIP_TABLE_COLUMNS.get(table, ()):
        return False
    return not any(p.search(column) for p in SKIP_PATTERNS)


# ---------------------------------------------------------------- documents

def clean_000(text):
    text = re.sub(r'!?\[([^\]]*)\]\([^)]*\)', r'\1', text)   # [a](url "t")
    text = re.sub(r'\\\[[^\]]*\\\]', '', text)                # \[12\]
    text = re.sub(r'-\{([^}]*)\}-', r'\1', text)              # -{ }-
    text = text.replace('**', '').replace('\\', '')
    return text


def read_docs(seeds):
    docs = {}
    for name in sorted(os.listdir(seeds)):
        m = re.match(r'(\d{3})_.*\.txt$', name)
        if not m:
            continue
        with open(os.path.join(seeds, name), encoding='utf-8',
                  errors='replace') as f:
            text = f.read()
        num = m.group(1)
        if num == '004':
            text = text[:DOC_004_LIMIT]
        if num == '000':
            text = clean_000(text)
        docs[num] = unicodedata.normalize('NFC', text)
    return docs


# ------------------------------------------------------------ normalising

def opencc_t2s(strings, enabled):
    """Convert a list of strings with `opencc -c t2s.json`, one batch."""
    if not enabled or not strings:
        return None
    exe = shutil.which('opencc')
    if not exe:
        return None
    flat = [s.replace('\r', ' ').replace('\n', ' ') for s in strings]
    try:
        out = subprocess.run([exe, '-c', 't2s.json'], input='\n'.join(flat) + '\n',
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        return None
    lines = out.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if len(lines) != len(flat):
        return None
    return lines


def char_units(text):
    """Letters/digits of text (NFKC), with their offsets in text."""
    units, offs = [], []
    for i, ch in enumerate(text):
        for c in unicodedata.normalize('NFKC', ch):
            if c.isalnum():
                units.append(c.casefold())
                offs.append(i)
    return ''.join(units), offs


def word_units(text):
    toks, spans = [], []
    for m in WORD_RE.finditer(unicodedata.normalize('NFC', text)):
        toks.append(m.group(0).casefold())
        spans.append(m.span())
    return toks, spans


def grams(seq, n, key):
    out = {}
    for i in range(len(seq) - n + 1):
        out.setdefault(key(seq, i, n), set())
    return out


def runs(seq, n, table, key):
    """Maximal runs [a, b) of seq whose every n-window is in table."""
    hits = []
    for i in range(len(seq) - n + 1):
        docs = table.get(key(seq, i, n))
        if docs:
            if hits and i <= hits[-1][1]:
                hits[-1][1] = i + n
                hits[-1][2] |= docs
            else:
                hits.append([i, i + n, set(docs)])
    return hits


def wkey(seq, i, n):
    return tuple(seq[i:i + n])


def ckey(seq, i, n):
    return seq[i:i + n]


def build_tables(docs, nwords, nchars, t2s_docs):
    words, chars = {}, {}
    for num, text in docs.items():
        toks, _ = word_units(text)
        for i in range(len(toks) - nwords + 1):
            words.setdefault(wkey(toks, i, nwords), set()).add(num)
        variants = [text]
        if t2s_docs and num in t2s_docs:
            variants.append(t2s_docs[num])
        if not CJK_RE.search(text):
            continue
        for v in variants:
            s, _ = char_units(v)
            for i in range(len(s) - nchars + 1):
                chars.setdefault(ckey(s, i, nchars), set()).add(num)
    return words, chars


# ---------------------------------------------------------------- checking

def allowed(run_texts, allow_norm):
    """True if the run (as written, or converted t2s) is allow-listed."""
    for t in run_texts:
        norm, _ = char_units(t)
        if any(norm in a for a in allow_norm):
            return True
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--data', default=os.path.join(ROOT, 'data'))
    ap.add_argument('--seeds', default=None,
                    help='source documents (default: shared/seeds next to '
                         'the checkout, or /work/shared/seeds)')
    ap.add_argument('--words', type=int, default=8)
    ap.add_argument('--chars', type=int, default=16)
    ap.add_argument('--no-opencc', action='store_true')
    a = ap.parse_args()

    seeds = a.seeds
    if seeds is None:
        for cand in (os.path.join(os.path.dirname(ROOT), 'shared', 'seeds'),
                     '/work/shared/seeds'):
            if os.path.isdir(cand):
                seeds = cand
                break
    if not seeds or not os.path.isdir(seeds) or not os.path.isdir(a.data):
        print('copycheck: need --data and --seeds directories',
              file=sys.stderr)
        return 2
    if a.words < 2 or a.chars < 2:
        print('copycheck: --words/--chars must be >= 2', file=sys.stderr)
        return 2

    docs = read_docs(seeds)
    zh_docs = [k for k in sorted(docs) if CJK_RE.search(docs[k])]
    conv = opencc_t2s([docs[k] for k in zh_docs], not a.no_opencc)
    t2s_docs = dict(zip(zh_docs, conv)) if conv else None
    wtab, ctab = build_tables(docs, a.words, a.chars, t2s_docs)
    allow_texts = [t for t, _reason in ALLOW]
    allow_texts += opencc_t2s(allow_texts, t2s_docs is not None) or []
    allow_norm = [char_units(t)[0] for t in allow_texts]

    # Collect the fields to check.
    fields = []                 # (path, line, column, text, mode)
    for name in sorted(os.listdir(a.data)):
        if not name.endswith('.csv'):
            continue
        path = os.path.join(a.data, name)
        shown = os.path.relpath(path, os.getcwd()) \
            if not os.path.relpath(path, os.getcwd()).startswith('../..') \
            else path
        with open(path, encoding='utf-8', newline='') as f:
            rd = csv.reader(f)
            header = next(rd, None)
            if header is None:
                continue
            line = rd.line_num + 1
            for row in rd:
                for col, val in zip(header, row):
                    if val.strip() and checked(name, col):
                        fields.append((shown, line, col, val, lang_of(col)))
                line = rd.line_num + 1

    zh_idx = [i for i, fl in enumerate(fields)
              if fl[4] == 'zh' or (fl[4] == 'auto' and CJK_RE.search(fl[3]))]
    conv = opencc_t2s([fields[i][3] for i in zh_idx], t2s_docs is not None)
    t2s_of = dict(zip(zh_idx, conv)) if conv else {}

    pending = []                # (shown, line, col, run, docs)
    for i, (shown, line, col, text, mode) in enumerate(fields):
        reports = []            # (start offset, text, docs)
        if mode in ('words', 'auto'):
            toks, spans = word_units(text)
            nfc = unicodedata.normalize('NFC', text)
            for b, e, ds in runs(toks, a.words, wtab, wkey):
                s, t = spans[b][0], spans[e - 1][1]
                reports.append((s, nfc[s:t], ds))
        if i in zh_idx:
            variants = [text]
            if i in t2s_of:
                variants.append(t2s_of[i])
            seen = set()
            for v in variants:
                units, offs = char_units(v)
                for b, e, ds in runs(units, a.chars, ctab, ckey):
                    s, t = offs[b], offs[e - 1] + 1
                    # map back to the original text when lengths agree
                    src = text if len(v) == len(text) else v
                    if (s, t) in seen:
                        continue
                    seen.add((s, t))
                    reports.append((s, src[s:t], ds))
        # drop runs contained in a longer run of the same field
        reports.sort(key=lambda r: (r[0], -len(r[1])))
        kept = []
        for r in reports:
            if any(r[1] in k[1] for k in kept):
                continue
            kept.append(r)
        for _s, run, ds in kept:
            pending.append((shown, line, col, run, ds))

    runs_t2s = opencc_t2s([p[3] for p in pending], t2s_docs is not None) \
        or [p[3] for p in pending]
    found = 0
    for (shown, line, col, run, ds), run2 in zip(pending, runs_t2s):
        if allowed((run, run2), allow_norm):
            continue
        found += 1
        print('%s:%d: %s: %s  [%s]' % (shown, line, col, run,
                                         ','.join(sorted(ds))))
    if found:
        print('copycheck: %d shared run(s) (>= %d words / %d characters)'
              % (found, a.words, a.chars), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
