#!/usr/bin/env python3
# build-maps.py: makes the committed geometry in maps/ from the sources
# named in maps/SOURCES (see tools/maps/README). Standard library only;
# runs `gmt coast` for GSHHG. Output is deterministic: same inputs, same
# bytes.
#
# usage: build-maps.py BUILD_JSON WORLD_MAP_GPKG OUTDIR
#
# Natural Earth admin-1 units share their border vertices exactly, so the
# units are cut into arcs at the vertices where three or more edges meet,
# each arc is simplified once (Douglas-Peucker), and every ring is put back
# together from the simplified arcs: a border shared by two units stays
# the same line in both.
import json
import math
import os
import sqlite3
import struct
import subprocess
import sys

TOL = 0.0025                      # simplification tolerance, degrees
BOX = (43.0, 37.0, 51.0, 43.0)    # region kept: W, S, E, N
SEL = (42.0, 36.0, 52.0, 44.0)    # admin-1 units looked at for borders
COUNTRIES = ('ARM', 'AZE', 'GEO', 'IRN', 'TUR', 'RUS')
HERE = os.path.dirname(os.path.abspath(__file__))


def fmt(v):
    s = '%.4f' % v
    return '0.0000' if s == '-0.0000' else s


def pt(p):
    return fmt(p[0]) + ' ' + fmt(p[1])


# ---- simplification -------------------------------------------------------

def seg_dist(p, a, b):
    ax, ay = a
    bx, by = b
    px, py = p
    dx, dy = bx - ax, by - ay
    if dx == 0 and dy == 0:
        return math.hypot(px - ax, py - ay)
    t = ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)
    t = max(0.0, min(1.0, t))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def dp(points, tol=TOL):
    """Douglas-Peucker, iterative; keeps both ends."""
    n = len(points)
    if n < 3:
        return list(points)
    keep = [False] * n
    keep[0] = keep[-1] = True
    stack = [(0, n - 1)]
    while stack:
        i, j = stack.pop()
        best, bi = -1.0, -1
        for k in range(i + 1, j):
            dd = seg_dist(points[k], points[i], points[j])
            if dd > best:
                best, bi = dd, k
        if best > tol:
            keep[bi] = True
            stack.append((i, bi))
            stack.append((bi, j))
    return [p for p, k in zip(points, keep) if k]


def dp_ring(ring):
    """Simplifies a closed ring (first == last), keeping at least a
    triangle: split at the vertex farthest from the start."""
    pts = ring[:-1]
    if len(pts) < 4:
        return ring
    far = max(range(len(pts)), key=lambda k: (math.hypot(
        pts[k][0] - pts[0][0], pts[k][1] - pts[0][1]), -k))
    a = dp(pts[:far + 1])
    b = dp(pts[far:] + [pts[0]])
    out = a + b[1:]
    return out


# ---- clipping ---------------------------------------------------------------

def clip_line(pts, box=BOX):
    """Cuts a polyline to the box; returns the pieces inside."""
    w, s, e, n = box
    out, cur = [], []

    def inside(p):
        return w <= p[0] <= e and s <= p[1] <= n

    for a, b in zip(pts, pts[1:]):
        t0, t1 = 0.0, 1.0
        dx, dy = b[0] - a[0], b[1] - a[1]
        ok = True
        for p, q in ((-dx, a[0] - w), (dx, e - a[0]),
                     (-dy, a[1] - s), (dy, n - a[1])):
            if p == 0:
                if q < 0:
                    ok = False
                    break
                continue
            r = q / p
            if p < 0:
                t0 = max(t0, r)
            else:
                t1 = min(t1, r)
        if not ok or t0 > t1:
            if cur:
                out.append(cur)
                cur = []
            continue
        pa = (a[0] + t0 * dx, a[1] + t0 * dy) if t0 > 0 else a
        pb = (a[0] + t1 * dx, a[1] + t1 * dy) if t1 < 1 else b
        if not cur:
            cur = [pa]
        cur.append(pb)
        if t1 < 1:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return [c for c in out if len(c) >= 2]


def rounded(pts):
    """Rounds to the output precision and drops repeated points."""
    out = []
    for p in pts:
        q = (float(fmt(p[0])), float(fmt(p[1])))
        if not out or out[-1] != q:
            out.append(q)
    return out


# ---- geometry helpers -------------------------------------------------------

def ring_area(r):
    a = 0.0
    for (x0, y0), (x1, y1) in zip(r, r[1:]):
        a += x0 * y1 - x1 * y0
    return a / 2


def point_in_ring(p, r):
    x, y = p
    c = False
    for (x0, y0), (x1, y1) in zip(r, r[1:]):
        if (y0 > y) != (y1 > y):
            if x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                c = not c
    return c


def point_in_area(p, rings):
    c = False
    for r in rings:
        if point_in_ring(p, r):
            c = not c
    return c


def label_point(rings):
    """A point well inside the area: on the horizontal line through the
    centre of the largest ring, the middle of the widest inside run; then
    the same vertically through that point."""
    big = max(rings, key=lambda r: abs(ring_area(r)))
    xs = [p[0] for p in big]
    ys = [p[1] for p in big]

    def runs(fixed, horizontal):
        cuts = []
        for r in rings:
            for a, b in zip(r, r[1:]):
                u0, v0 = (a[1], a[0]) if horizontal else (a[0], a[1])
                u1, v1 = (b[1], b[0]) if horizontal else (b[0], b[1])
                if (u0 > fixed) != (u1 > fixed):
                    cuts.append(v0 + (fixed - u0) * (v1 - v0) / (u1 - u0))
        cuts.sort()
        best = None
        for i in range(0, len(cuts) - 1, 2):
            if best is None or cuts[i + 1] - cuts[i] > best[1] - best[0]:
                best = (cuts[i], cuts[i + 1])
        return best

    y = (min(ys) + max(ys)) / 2 + 1e-7
    h = runs(y, True)
    if h is None:
        return (sum(xs) / len(xs), sum(ys) / len(ys))
    x = (h[0] + h[1]) / 2 + 1e-7
    v = runs(x, False)
    if v is not None:
        y = (v[0] + v[1]) / 2
    return (x, y)


def chain(pieces, tol=0.0):
    """Joins polylines whose end points meet (within TOL degrees, the
    later piece snapped onto the earlier); deterministic."""
    pieces = [list(p) for p in pieces if len(p) >= 2 and
              any(q != p[0] for q in p)]

    def meet(a, b):
        return a == b or (tol > 0 and
                          math.hypot(a[0] - b[0], a[1] - b[1]) <= tol)

    out = []
    while pieces:
        cur = pieces.pop(0)
        grown = True
        while grown and not meet(cur[0], cur[-1]):
            grown = False
            for i, p in enumerate(pieces):
                if meet(p[0], cur[-1]):
                    cur += p[1:]
                elif meet(p[-1], cur[-1]):
                    cur += p[::-1][1:]
                elif meet(p[-1], cur[0]):
                    cur = p[:-1] + cur
                elif meet(p[0], cur[0]):
                    cur = p[::-1][:-1] + cur
                else:
                    continue
                pieces.pop(i)
                grown = True
                break
        if len(cur) > 3 and cur[0] != cur[-1] and meet(cur[0], cur[-1]):
            cur[-1] = cur[0]
        out.append(cur)
    return out


# ---- Natural Earth admin-1 --------------------------------------------------

def load_units(path):
    with open(path, encoding='utf-8') as f:
        data = json.load(f)
    units = []
    for ft in data['features']:
        p = ft['properties']
        if p.get('adm0_a3') not in COUNTRIES:
            continue
        g = ft['geometry']
        polys = g['coordinates'] if g['type'] == 'MultiPolygon' else \
            [g['coordinates']]
        rings = [[tuple(c) for c in r] for poly in polys for r in poly]
        xs = [c[0] for r in rings for c in r]
        ys = [c[1] for r in rings for c in r]
        if max(xs) < SEL[0] or min(xs) > SEL[2] or max(ys) < SEL[1] or \
                min(ys) > SEL[3]:
            continue
        units.append({'code': p['adm1_code'], 'adm0': p['adm0_a3'],
                      'region': p.get('region') or '', 'rings': rings})
    units.sort(key=lambda u: u['code'])
    return units


def topology(units):
    """Simplifies every ring through shared arcs; returns {code: rings}
    and the list of arcs with the set of units on them."""
    nbrs = {}
    for u in units:
        for r in u['rings']:
            for a, b in zip(r, r[1:]):
                nbrs.setdefault(a, set()).add(b)
                nbrs.setdefault(b, set()).add(a)
    node = {p for p, s in nbrs.items() if len(s) > 2}
    arcs = {}            # key -> simplified points
    owners = {}          # key -> set of unit codes
    out = {}
    for u in units:
        rr = []
        for r in u['rings']:
            pts = r[:-1] if r[0] == r[-1] else r[:]
            idx = [i for i, p in enumerate(pts) if p in node]
            if not idx:
                k = pts.index(min(pts))
                cyc = pts[k:] + pts[:k] + [pts[k]]
                if cyc[1] > cyc[-2]:
                    cyc = cyc[::-1]
                key = tuple(cyc)
                if key not in arcs:
                    arcs[key] = dp_ring(cyc)
                owners.setdefault(key, set()).add(u['code'])
                ring = rounded(arcs[key])
                if len(ring) >= 4:
                    rr.append(ring)
                continue
            k = idx[0]
            pts = pts[k:] + pts[:k]
            idx = [i - k for i in idx]
            idx = sorted(i % len(pts) for i in idx) + [len(pts)]
            cyc = pts + [pts[0]]
            ring = []
            for i, j in zip(idx, idx[1:]):
                seg = cyc[i:j + 1]
                rev = seg[::-1]
                fwd = seg <= rev
                key = tuple(seg if fwd else rev)
                if key not in arcs:
                    arcs[key] = dp(list(key))
                owners.setdefault(key, set()).add(u['code'])
                s = arcs[key] if fwd else arcs[key][::-1]
                ring += s if not ring else s[1:]
            ring = rounded(ring)
            if len(ring) >= 4:
                rr.append(ring)
        out[u['code']] = rr
    return out, arcs, owners


def dissolve(rings_of):
    """The outline of a group of units: edges used once, chained."""
    count = {}
    for rings in rings_of:
        for r in rings:
            for a, b in zip(r, r[1:]):
                k = (min(a, b), max(a, b))
                count[k] = count.get(k, 0) + 1
    edges = [[a, b] for rings in rings_of for r in rings
             for a, b in zip(r, r[1:]) if count[(min(a, b), max(a, b))] == 1]
    return [r for r in chain(edges) if r[0] == r[-1] and len(r) >= 4]


# ---- GeoPackage (disputed borders) -----------------------------------------

def wkb_lines(b):
    """Line strings of a (Multi)LineString WKB."""
    def rd(off):
        order = '<' if b[off] == 1 else '>'
        typ, = struct.unpack_from(order + 'I', b, off + 1)
        typ %= 1000
        off += 5
        if typ == 2:
            n, = struct.unpack_from(order + 'I', b, off)
            off += 4
            pts = [struct.unpack_from(order + 'dd', b, off + 16 * i)
                   for i in range(n)]
            return [pts], off + 16 * n
        if typ == 5:
            n, = struct.unpack_from(order + 'I', b, off)
            off += 4
            out = []
            for _ in range(n):
                ls, off = rd(off)
                out += ls
            return out, off
        raise ValueError('WKB type %d' % typ)
    return rd(0)[0]


def gpkg_geom(blob):
    flags = blob[3]
    env = (0, 32, 48, 48, 64)[(flags >> 1) & 7]
    return wkb_lines(blob[8 + env:])


def load_disputed(path):
    db = sqlite3.connect('file:%s?mode=ro' % path, uri=True)
    col = db.execute("SELECT column_name FROM gpkg_geometry_columns WHERE "
                     "table_name = 'disputed_borders'").fetchone()[0]
    rows = db.execute('SELECT name, "%s" FROM disputed_borders WHERE '
                      "name IN ('Former USSR oblast in 1991', "
                      "'Ceasefire Line 1994') ORDER BY fid" % col).fetchall()
    out = {}
    for name, blob in rows:
        out.setdefault(name, []).extend(gpkg_geom(blob))
    return out


# ---- GSHHG -----------------------------------------------------------------

def gmt_dump(*args):
    r = '-R%g/%g/%g/%g' % (BOX[0], BOX[2], BOX[1], BOX[3])
    txt = subprocess.run(['gmt', 'coast', r, '-Df', '-M'] + list(args),
                         check=True, capture_output=True, text=True).stdout
    segs, cur = [], None
    for line in txt.splitlines():
        if line.startswith('>'):
            cur = {'head': line, 'pts': []}
            segs.append(cur)
        elif line.strip():
            x, y = line.split()[:2]
            cur['pts'].append((float(x), float(y)))
    return segs


def near(pieces, p, d):
    return [c for c in pieces if any(math.hypot(q[0] - p[0], q[1] - p[1]) < d
                                     for q in c)]


# ---- output ----------------------------------------------------------------

def write(path, head, body):
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(head)
        f.write(''.join(body))


def area_text(i, cls, name, rings):
    lp = label_point(rings)
    s = ['area %s %s %s %s\n' % (i, cls, pt(lp), name)]
    for r in rings:
        s.append('ring\n')
        s.extend(pt(p) + '\n' for p in r)
    return ''.join(s)


def line_text(i, cls, name, parts):
    s = ['line %s %s %s\n' % (i, cls, name)]
    for p in parts:
        s.append('part\n')
        s.extend(pt(q) + '\n' for q in p)
    return ''.join(s)


def in_box(rings):
    return any(BOX[0] <= p[0] <= BOX[2] and BOX[1] <= p[1] <= BOX[3]
               for r in rings for p in r)


def main():
    build_json, gpkg, outdir = sys.argv[1:4]
    table = {}
    with open(os.path.join(HERE, 'units.tsv'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            code, i, cls, name = line.rstrip('\n').split('\t')[:4]
            table[code] = (i, cls, name)

    units = load_units(build_json)
    rings, arcs, owners = topology(units)
    adm0 = {u['code']: u['adm0'] for u in units}

    # admin.map: countries, Nakhchivan, districts.
    body = []
    for cc, i, name in (('ARM', 'armenia', 'Armenia'),
                        ('AZE', 'azerbaijan', 'Azerbaijan')):
        rs = dissolve([rings[u['code']] for u in units if u['adm0'] == cc])
        body.append(area_text(i, 'country', name, rs))
    nk = dissolve([rings[u['code']] for u in units
                   if u['region'].startswith('Nax')])
    body.append(area_text('nakhchivan', 'region', 'Nakhchivan', nk))
    done = []
    for u in units:
        if u['adm0'] not in ('ARM', 'AZE'):
            continue
        i, cls, name = table[u['code']]
        done.append((i, area_text(i, cls, name, rings[u['code']])))
    body += [t for _, t in sorted(done)]
    write(os.path.join(outdir, 'admin.map'),
          '# admin.map: Armenia, Azerbaijan, Nakhchivan, the rayons and '
          'marzes.\n# Natural Earth 10m admin-1, simplified at %g degrees; '
          'ids and names from\n# tools/maps/units.tsv. Made with Natural '
          'Earth. See maps/SOURCES.\n' % TOL, body)

    # borders.map: international borders, from arcs between two countries.
    parts = []
    for key in sorted(arcs, key=lambda k: (str(k))):
        cs = {adm0[c] for c in owners[key]}
        if len(cs) < 2:
            continue
        for p in clip_line(arcs[key]):
            parts.append(rounded(p))
    parts = chain(parts)
    parts.sort(key=lambda p: (p[0], len(p)))
    write(os.path.join(outdir, 'borders.map'),
          '# borders.map: international borders of the region.\n'
          '# Natural Earth 10m admin-1 (shared edges of two countries), '
          'clipped to\n# lon %g..%g, lat %g..%g. Made with Natural Earth.\n'
          % (BOX[0], BOX[2], BOX[1], BOX[3]),
          [line_text('borders', 'border', 'International border', parts)])

    # karabakh.map: NKAO outline and the 1994 line of contact.
    dis = load_disputed(gpkg)
    nkao = chain([[tuple(p) for p in ls]
                  for ls in dis['Former USSR oblast in 1991']], 0.005)
    nkao = [rounded(dp_ring(r)) for r in nkao if r[0] == r[-1]]
    loc = chain([[tuple(p) for p in ls]
                 for ls in dis['Ceasefire Line 1994']], 0.005)
    loc = [rounded(dp(p)) for p in loc]
    write(os.path.join(outdir, 'karabakh.map'),
          '# karabakh.map: the Nagorno-Karabakh Autonomous Oblast as in 1991 '
          'and the\n# 1994 ceasefire line. Natural Earth 10m breakaway and '
          'disputed boundaries\n# (qgis-common world_map.gpkg), simplified at '
          '%g degrees.\n' % TOL,
          [area_text('nkao', 'oblast', 'Nagorno-Karabakh Autonomous Oblast',
                     nkao),
           line_text('line_of_contact', 'ceasefire', 'Ceasefire line 1994',
                     loc)])

    # water.map: GSHHG shores, lakes and the two rivers.
    shore = gmt_dump('-W')
    lv2 = chain([s['pts'] for s in shore if 'Level 2' in s['head']])
    body = []
    lakes = (('lake_sevan', 'Lake Sevan', (45.3, 40.35)),
             ('mingachevir_reservoir', 'Mingachevir Reservoir', (46.8, 40.9)))
    for i, name, p in lakes:
        rs = [r for r in lv2 if r[0] == r[-1] and point_in_ring(p, r)]
        body.append(area_text(i, 'lake', name,
                              [rounded(dp_ring(r)) for r in rs]))
    casp = [r for r in lv2 if min(q[0] for q in r) > 47.3]
    body.append(line_text('caspian_sea', 'coast', 'Caspian Sea',
                          [rounded(dp(r)) for r in casp]))
    other = [r for r in lv2 if r not in casp and
             not any(r[0] == r[-1] and point_in_ring(p, r)
                     for _, _, p in lakes)]
    other = [rounded(dp_ring(r) if r[0] == r[-1] else dp(r)) for r in other]
    other = [r for r in other if len(r) >= 3]
    body.append(line_text('lakes', 'shore', 'Other lakes', other))
    rivers2 = chain([s['pts'] for s in gmt_dump('-I2')])
    rivers3 = chain([s['pts'] for s in gmt_dump('-I3')])
    aras = near(rivers2, (45.63, 38.96), 0.1)
    kura = near(rivers3, (47.5, 40.6), 0.15) + near(rivers3, (45.0, 41.5),
                                                     0.15)
    kura = chain([k for n, k in enumerate(kura) if k not in kura[:n]])
    body.append(line_text('aras_river', 'river', 'Aras',
                          [rounded(dp(r)) for r in aras]))
    body.append(line_text('kura_river', 'river', 'Kura',
                          [rounded(dp(r)) for r in kura]))
    write(os.path.join(outdir, 'water.map'),
          '# water.map: Caspian shore, lakes, the Kura and the Aras.\n'
          '# GSHHG 2.3.7 full resolution through `gmt coast -M`, clipped to '
          'lon %g..%g,\n# lat %g..%g, pieces joined, simplified at %g '
          'degrees. GSHHG (Wessel and Smith).\n'
          % (BOX[0], BOX[2], BOX[1], BOX[3], TOL), body)

    # labels.map: names for the neighbours, which have no area here.
    with open(os.path.join(HERE, 'labels.tsv'), encoding='utf-8') as f:
        body = []
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            i, cls, lon, lat, name = line.rstrip('\n').split('\t')
            body.append('label %s %s %s %s %s\n' % (i, cls, fmt(float(lon)),
                                                   fmt(float(lat)), name))
    write(os.path.join(outdir, 'labels.map'),
          '# labels.map: where to write the names of neighbours and seas.\n'
          '# Hand-placed, from tools/maps/labels.tsv.\n', body)


if __name__ == '__main__':
    main()
