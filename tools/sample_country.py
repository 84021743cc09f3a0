"""Generate the fictional sample country "Xyland" (code XY) used by tests, demos and benchmarks.

Run ``python tools/sample_country.py [--out resources/sample]`` to (re)write:

* ``xy_adm1.geojson``, ``xy_adm2.geojson``, ``xy_adm3.geojson``: COD-AB-like boundaries;
* ``xy_needs.csv``: people in need and severity by admin 2 and cluster (with an HXL row);
* ``xy_4w_2025.xlsx``: a messy 12-month 4W table, sheet ``4W``.

Everything is deterministic: fixed seeds (``numpy.random.RandomState`` / ``random.Random``),
no iteration over unordered containers, fixed timestamps inside the XLSX. The same versions of
numpy/shapely/GEOS/openpyxl give byte-identical files.

The module is importable without side effects (load it by path, ``tools/`` is not a package)::

    country = make_country()
    frame = make_4w(country, 1_000_000, seed=7)       # messy 4W frame, vectorised
    write_4w_csv(frame, "xy_4w_1m.csv")
    needs = make_needs(country)

Only numpy, pandas, shapely and openpyxl are needed; nothing here imports coordmap or qgis.
"""
from __future__ import annotations

import argparse
import datetime
import io
import json
import random
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd
import shapely
from shapely.geometry import MultiPolygon, Point, Polygon, mapping
from shapely.geometry.polygon import orient

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "resources" / "sample"

COUNTRY_SEED = 20250101
NEEDS_SEED = 11
FOURW_SEED = 2025
SAMPLE_4W_ROWS = 3600
GRID = 1e-5  # 5 decimals of a degree, about 1 m
N_ADM1, N_ADM2, N_ADM3 = 8, 40, 300
ADM0_EN, ADM0_PCODE = "Xyland", "XY"

# Cluster code (HDX/IASC style) -> (English label, French label, short code seen in 4Ws).
CLUSTERS: Dict[str, Tuple[str, str, str]] = {
    "HEA": ("Health", "Santé", "HEA"),
    "WSH": ("Water, Sanitation and Hygiene", "Eau, hygiène et assainissement", "WASH"),
    "FSC": ("Food Security", "Sécurité alimentaire", "FSC"),
    "NUT": ("Nutrition", "Nutrition", "NUT"),
    "EDU": ("Education", "Éducation", "EDU"),
    "PRO": ("Protection", "Protection", "PRO"),
    "PRO-GBV": ("Gender-Based Violence", "Violences basées sur le genre", "GBV"),
    "PRO-CPN": ("Child Protection", "Protection de l'enfance", "CP"),
    "SHL": ("Emergency Shelter and NFI", "Abris", "ESNFI"),
    "CCM": ("Camp Coordination and Camp Management", "Coordination et gestion des camps",
            "CCCM"),
}
CLUSTER_CODES: List[str] = list(CLUSTERS)

ACTIVITIES: Dict[str, List[str]] = {
    "HEA": ["Primary health care consultations", "Mobile clinics", "Cholera vaccination",
            "Support to health facilities"],
    "WSH": ["Water trucking", "Borehole rehabilitation", "Latrine construction",
            "Hygiene kit distribution"],
    "FSC": ["General food distribution", "Cash for food", "Seeds and tools distribution"],
    "NUT": ["SAM treatment", "MAM treatment", "IYCF counselling"],
    "EDU": ["Temporary learning spaces", "School kits distribution", "Teacher training"],
    "PRO": ["Protection monitoring", "Legal assistance", "Civil documentation"],
    "PRO-GBV": ["GBV case management", "Dignity kits distribution", "Women and girls safe spaces"],
    "PRO-CPN": ["Child-friendly spaces", "Family tracing and reunification",
                "Psychosocial support to children"],
    "SHL": ["Emergency shelter kits", "NFI kits distribution", "Shelter repair"],
    "CCM": ["Site management", "Site improvement", "Registration of displaced households"],
}

MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]

FOURW_COLUMNS = ["Organisation", "Acronym", "Organization type", "Cluster", "Activité",
                 "Admin1 Pcode", "Admin1", "Admin2 Pcode", "Admin2", "Admin3 Pcode", "Admin3",
                 "Month", "Year", "Status", "People targeted", "People reached"]
FOURW_HXL = ["#org +name", "#org +acronym", "#org+type", "#sector", "#activity", "#adm1+code",
             "#adm1+name", "#adm2 +code", "#adm2+name", "#adm3+code", "#adm3 +name",
             "#date+month", "#date+year", "#status", "#targeted", "#reached"]
FOURW_TITLE = "Xyland 4W - 2025 - OCHA"
# Row layout of the XLSX: title (1), blank (2), header (3), HXL (4), frame row 0 at row 5.
XLSX_FIRST_DATA_ROW = 5

NEEDS_COLUMNS = ["Admin2 Pcode", "Admin2", "Cluster", "People in need", "Severity"]
NEEDS_HXL = ["#adm2+code", "#adm2+name", "#sector+code", "#inneed", "#severity"]

# Location mess: exclusive kinds, as a share of the 4W data rows (exact counts: round(rate*n)).
LOCATION_MESS: List[Tuple[str, float]] = [
    ("pcode_case", 0.03),       # admin 2/3 P-codes lower or mixed case: xy0101, Xy010101
    ("pcode_prefix", 0.02),     # wrong prefix: XYZ0101 or numeric-only 0101
    ("pcode_padding", 0.01),    # zero padding lost: XY0101 -> XY11, XY010203 -> XY123
    ("name_only", 0.05),        # admin 2 and 3 P-codes blank, names given
    ("unknown_code", 0.0028),   # admin 2 P-code XY9999 with a place name not in the CODs
    ("adm1_only", 0.01),        # admin 2 and 3 blank (codes and names)
    ("na", 0.0014),             # admin 2 and 3 P-codes are the literal #N/A
    ("name_upper", 0.02),       # admin 2 name in capitals (codes fine)
    ("name_space", 0.01),       # admin 2 name with a trailing space (codes fine)
]
CLUSTER_LABEL_SHARES = [("english", 0.70), ("french", 0.20), ("code", 0.10)]
MONTH_NAME_SHARE = 0.30
N_BLANK_MIDDLE = 5
N_BLANK_END = 3
UNKNOWN_PLACES = ["Kilomètre 5", "Camp Espoir", "Site Nouveau", "Zone Industrielle"]

ADM1_NAMES = ["Nord-Kalema", "Bélanou", "Tamba", "Oroko", "Lac Diswa", "Haut-Mbéli", "Zanfara",
              "Sud-Kalema"]  # assigned north to south: Nord-Kalema is the northernmost

ORGS: List[Tuple[str, str, str]] = [
    # (name, acronym, type)
    ("World Food Agency", "WFA", "UN"),
    ("Children's Emergency Fund", "CEF", "UN"),
    ("Global Health Organisation", "GHO", "UN"),
    ("Refugee and Displacement Agency", "RDA", "UN"),
    ("Population and Gender Fund", "PGF", "UN"),
    ("Aide Santé Sans Frontières", "ASSF", "International NGO"),
    ("Global Water Action", "GWA", "International NGO"),
    ("Hope Relief International", "HRI", "International NGO"),
    ("Action pour le Développement Rural", "ADR", "International NGO"),
    ("Children First Alliance", "CFA", "International NGO"),
    ("Norland Shelter Council", "NSC", "International NGO"),
    ("Solidarité Internationale Xyland", "SIX", "International NGO"),
    ("Mercy Bridge", "MB", "International NGO"),
    ("Food Without Borders", "FWB", "International NGO"),
    ("International Rescue Partnership", "IRP", "International NGO"),
    ("Care and Dignity Network", "CDN", "International NGO"),
    ("Médecins de l'Espoir", "MDE", "International NGO"),
    ("Learning Never Stops", "LNS", "International NGO"),
    ("Protection Watch International", "PWI", "International NGO"),
    ("Camp Support Initiative", "CSI", "International NGO"),
    ("Xyland Red Crescent Society", "XRCS", "Red Cross / Red Crescent"),
    ("Kalema Women's Union", "KWU", "National NGO"),
    ("Association des Jeunes de Bélanou", "AJB", "National NGO"),
    ("Tamba Development Foundation", "TDF", "National NGO"),
    ("Oroko Community Health Volunteers", "OCHV", "National NGO"),
    ("Lac Diswa Fishermen Cooperative", "LDFC", "National NGO"),
    ("Mbéli Rural Water Association", "MRWA", "National NGO"),
    ("Zanfara Peace Initiative", "ZPI", "National NGO"),
    ("Xyland Literacy Trust", "XLT", "National NGO"),
    ("Femmes Solidaires du Nord", "FSN", "National NGO"),
    ("Youth Action Xyland", "YAX", "National NGO"),
    ("Sud-Kalema Relief Committee", "SKRC", "National NGO"),
    ("Espoir Enfance", "EE", "National NGO"),
    ("Voix des Déplacés", "VDD", "National NGO"),
    ("Green Sahel Xyland", "GSX", "National NGO"),
    ("Ministère de la Santé Publique", "MSP", "Government"),
    ("Ministry of Education", "MoE", "Government"),
    ("Direction de l'Hydraulique", "DH", "Government"),
    ("Ministry of Social Affairs", "MoSA", "Government"),
    ("National Disaster Management Agency", "NDMA", "Government"),
]

_ONSETS = ["b", "d", "g", "k", "l", "m", "n", "s", "t", "z", "ny", "nd", "mb", "dj", "w", "y",
           "r", "f", "ng", "ts", "k", "m", "t", "s"]
_VOWELS = ["a", "e", "i", "o", "u", "a", "o", "ou", "é", "a", "i"]
_PREFIXES = ["Nord-", "Sud-", "Bas-", "Haut-"]


# --------------------------------------------------------------------------------------------
# Country
# --------------------------------------------------------------------------------------------
@dataclass
class Country:
    """Admin units of Xyland: one DataFrame per level, with a shapely ``geometry`` column."""

    adm1: pd.DataFrame
    adm2: pd.DataFrame
    adm3: pd.DataFrame
    outline: Polygon
    seed: int
    notes: List[str] = field(default_factory=list)

    def level(self, n: int) -> pd.DataFrame:
        return {1: self.adm1, 2: self.adm2, 3: self.adm3}[n]


def _outline(rng: np.random.RandomState) -> Polygon:
    """Irregular, star-shaped country outline around 23 E, 8 N (about 5 x 5 degrees)."""
    n = 180
    theta = np.linspace(0.0, 2 * np.pi, n, endpoint=False)
    radius = np.ones(n)
    for k in range(2, 9):
        amp = rng.uniform(0.10, 0.22) if k <= 3 else rng.uniform(0.03, 0.09)
        radius += amp / k ** 0.5 * np.cos(k * theta + rng.uniform(0, 2 * np.pi))
    radius += rng.normal(0, 0.006, n)  # small-scale roughness
    lon = 23.0 + 2.9 * radius * np.cos(theta)
    lat = 8.0 + 2.2 * radius * np.sin(theta)
    poly = Polygon(np.column_stack([lon, lat]))
    return shapely.set_precision(shapely.make_valid(poly), GRID)


def _random_points_in(poly: Polygon, n: int, rng: np.random.RandomState) -> np.ndarray:
    minx, miny, maxx, maxy = poly.bounds
    out: List[np.ndarray] = []
    count = 0
    while count < n:
        cand = np.column_stack([rng.uniform(minx, maxx, 4 * n), rng.uniform(miny, maxy, 4 * n)])
        inside = shapely.contains_xy(poly, cand[:, 0], cand[:, 1])
        out.append(cand[inside])
        count += int(inside.sum())
    return np.concatenate(out)[:n]


def _kmeans(points: np.ndarray, k: int, rng: np.random.RandomState, iters: int = 30) -> np.ndarray:
    """Deterministic k-means: returns the cluster label of each point (0..k-1, all non-empty)."""
    centers = points[rng.choice(len(points), k, replace=False)].copy()
    labels = np.zeros(len(points), dtype=int)
    for _ in range(iters):
        d = ((points[:, None, :] - centers[None, :, :]) ** 2).sum(axis=2)
        labels = d.argmin(axis=1)
        for j in range(k):
            members = points[labels == j]
            if len(members):
                centers[j] = members.mean(axis=0)
            else:  # re-seed an empty cluster on the point farthest from its centre
                far = d[np.arange(len(points)), labels].argmax()
                centers[j] = points[far]
    return labels


def _warp(geom, rng_params: np.ndarray):
    """Smooth, small, invertible warp so that straight Voronoi edges become wiggly borders."""
    a1, f1, p1, a2, f2, p2 = rng_params

    def fn(coords: np.ndarray) -> np.ndarray:
        x, y = coords[:, 0], coords[:, 1]
        return np.column_stack([x + a1 * np.sin(f1 * y + p1) + 0.5 * a1 * np.sin(2.7 * f1 * y),
                                y + a2 * np.sin(f2 * x + p2) + 0.5 * a2 * np.sin(3.1 * f2 * x)])

    return shapely.transform(geom, fn)


def _clean_coverage(cells: Sequence) -> List:
    """Snap-round the cells as one noded coverage so neighbours share identical vertices."""
    lines = shapely.unary_union(shapely.boundary(np.asarray(cells, dtype=object)),
                                grid_size=GRID)
    faces = list(shapely.get_parts(shapely.polygonize(shapely.get_parts(lines))))
    tree = shapely.STRtree(cells)
    parts: List[List] = [[] for _ in cells]
    for face in faces:
        cand = tree.query(face)
        if len(cand) == 0:
            continue
        areas = [shapely.area(shapely.intersection(face, cells[i])) for i in cand]
        parts[int(cand[int(np.argmax(areas))])].append(face)
    return [shapely.unary_union(p, grid_size=GRID) for p in parts]


def _largest_polygon(geom) -> Tuple[Polygon, List[Polygon]]:
    polys = sorted(shapely.get_parts(geom), key=lambda g: -g.area)
    return polys[0], polys[1:]


def _merge_fragments(geoms: List, labels: np.ndarray) -> np.ndarray:
    """Reassign cells so every group (label) is one contiguous polygon. Returns new labels."""
    labels = labels.copy()
    for _ in range(20):
        changed = False
        for g in sorted(set(labels.tolist())):
            idx = np.flatnonzero(labels == g)
            union = shapely.unary_union([geoms[i] for i in idx], grid_size=GRID)
            if union.geom_type == "Polygon":
                continue
            main, _ = _largest_polygon(union)
            for i in idx:
                if shapely.area(shapely.intersection(geoms[i], main)) > 0.5 * geoms[i].area:
                    continue
                # move this stray cell to the neighbouring group it shares the longest border with
                best, best_len = None, 0.0
                for j in range(len(geoms)):
                    if labels[j] == g or not geoms[i].touches(geoms[j]):
                        continue
                    length = shapely.length(shapely.intersection(geoms[i].boundary,
                                                                 geoms[j].boundary))
                    if length > best_len:
                        best, best_len = labels[j], length
                if best is not None:
                    labels[i] = best
                    changed = True
        if not changed:
            break
    return labels


def _order_key(geom) -> Tuple[float, float]:
    """North to south, then west to east (by representative point, 0.1 degree bands)."""
    p = geom.representative_point()
    return (-round(p.y, 1), p.x)


class _Namer:
    def __init__(self, seed: int, reserved: Sequence[str]):
        self.rng = random.Random(seed)
        self.used = {n.lower() for n in reserved}

    def name(self, prefix_share: float = 0.0) -> str:
        while True:
            n_syll = self.rng.choice([2, 2, 3, 3, 3])
            word = "".join(self.rng.choice(_ONSETS) + self.rng.choice(_VOWELS)
                           for _ in range(n_syll))
            if self.rng.random() < 0.15:
                word += self.rng.choice(["n", "r", "m", "ka", "ra", "ba", "ré"])
            word = word[0].upper() + word[1:]
            if len(word) > 11 or len(word) < 4:
                continue
            if self.rng.random() < prefix_share:
                word = self.rng.choice(_PREFIXES) + word
            if word.lower() in self.used:
                continue
            self.used.add(word.lower())
            return word


def make_country(seed: int = COUNTRY_SEED, n_adm1: int = N_ADM1, n_adm2: int = N_ADM2,
                 n_adm3: int = N_ADM3) -> Country:
    """Build Xyland's admin 1/2/3 units (nested exactly: admin 2 and 1 are unions of admin 3)."""
    rng = np.random.RandomState(seed)
    outline = _outline(rng)
    seeds = _random_points_in(outline, n_adm3, rng)
    # Voronoi cells of the seeds, clipped to the outline, in seed order
    vor = shapely.voronoi_polygons(shapely.MultiPoint(seeds), extend_to=outline.buffer(1.0))
    vcells = list(shapely.get_parts(vor))
    tree = shapely.STRtree(vcells)
    order = [int(tree.query(Point(x, y), predicate="intersects")[0]) for x, y in seeds]
    cells = [shapely.intersection(vcells[i], outline) for i in order]
    # keep one polygon per cell; hand stray pieces (concave outline) to the touching cell
    cells = [shapely.segmentize(_largest_polygon(c)[0], 0.03) for c in cells]
    warp = np.array([rng.uniform(0.04, 0.07), rng.uniform(5, 8), rng.uniform(0, 6),
                     rng.uniform(0.04, 0.07), rng.uniform(5, 8), rng.uniform(0, 6)])
    cells = [_warp(c, warp) for c in cells]
    cells = _clean_coverage(cells)
    cells = [_largest_polygon(c)[0] if c.geom_type != "Polygon" else c for c in cells]
    notes: List[str] = []

    lab2 = _kmeans(seeds, n_adm2, rng)
    lab2 = _merge_fragments(cells, lab2)
    groups2 = sorted(set(lab2.tolist()))
    adm2_geoms = [shapely.unary_union([cells[i] for i in np.flatnonzero(lab2 == g)],
                                      grid_size=GRID) for g in groups2]
    cent2 = np.array([[g.centroid.x, g.centroid.y] for g in adm2_geoms])
    lab1_of2 = _kmeans(cent2, n_adm1, rng)
    lab1_of2 = _merge_fragments(adm2_geoms, lab1_of2)
    groups1 = sorted(set(lab1_of2.tolist()))
    adm1_geoms = [shapely.unary_union([adm2_geoms[i] for i in np.flatnonzero(lab1_of2 == g)],
                                      grid_size=GRID) for g in groups1]

    # P-codes and names, north to south
    namer = _Namer(seed + 1, reserved=ADM1_NAMES + ["Mokara", "Tamba"])
    a1_order = sorted(range(len(adm1_geoms)), key=lambda i: _order_key(adm1_geoms[i]))
    names1 = list(ADM1_NAMES[: len(a1_order) - 1]) + [ADM1_NAMES[-1]]
    rows1, rows2, rows3 = [], [], []
    pop3 = rng.lognormal(mean=0.0, sigma=0.6, size=len(cells))
    for k1, g1 in enumerate(a1_order):
        p1 = f"{ADM0_PCODE}{k1 + 1:02d}"
        n1 = names1[k1]
        rows1.append({"ADM1_EN": n1, "ADM1_PCODE": p1, "geometry": adm1_geoms[g1]})
        members2 = [i for i in range(len(adm2_geoms)) if groups1[lab1_of2[i]] == groups1[g1]]
        members2.sort(key=lambda i: _order_key(adm2_geoms[i]))
        names2 = [namer.name(prefix_share=0.1) for _ in members2]
        rows2_start = len(rows2)
        for k2, g2 in enumerate(members2):
            p2 = f"{p1}{k2 + 1:02d}"
            rows2.append({"ADM2_EN": names2[k2], "ADM2_PCODE": p2, "ADM1_EN": n1,
                          "ADM1_PCODE": p1, "geometry": adm2_geoms[g2]})
            members3 = [i for i in np.flatnonzero(lab2 == groups2[g2])]
            members3.sort(key=lambda i: _order_key(cells[i]))
            for k3, c in enumerate(members3):
                area_km2 = cells[c].area * 111.32 ** 2 * np.cos(np.radians(8.0))
                rows3.append({"ADM3_EN": namer.name(prefix_share=0.05),
                              "ADM3_PCODE": f"{p2}{k3 + 1:02d}", "ADM2_EN": names2[k2],
                              "ADM2_PCODE": p2, "ADM1_EN": n1, "ADM1_PCODE": p1,
                              "geometry": cells[c],
                              "population": int(round(area_km2 * 35 * pop3[c], -1))})
        # deliberate confusables
        block = rows2[rows2_start:]
        if n1 == "Tamba" and len(block) >= 3:
            block[-1]["ADM2_EN"], block[-2]["ADM2_EN"] = "South Tamba", "South West Tamba"
        if n1 in ("Bélanou", "Zanfara") and len(block) >= 2:
            block[1]["ADM2_EN"] = "Mokara"
    # propagate renamed admin 2 names to admin 3
    name_of2 = {r["ADM2_PCODE"]: r["ADM2_EN"] for r in rows2}
    for r in rows3:
        r["ADM2_EN"] = name_of2[r["ADM2_PCODE"]]

    def frame(rows: List[dict]) -> pd.DataFrame:
        df = pd.DataFrame(rows)
        df.insert(len(df.columns) - (2 if "population" in df else 1), "ADM0_EN", ADM0_EN)
        df.insert(len(df.columns) - (2 if "population" in df else 1), "ADM0_PCODE", ADM0_PCODE)
        return df

    adm1, adm2, adm3 = frame(rows1), frame(rows2), frame(rows3)
    adm2["population"] = adm3.groupby("ADM2_PCODE")["population"].sum().reindex(
        adm2["ADM2_PCODE"]).to_numpy()
    adm1["population"] = adm3.groupby("ADM1_PCODE")["population"].sum().reindex(
        adm1["ADM1_PCODE"]).to_numpy()
    for lvl, df in ((1, adm1), (2, adm2), (3, adm3)):
        multi = int((df["geometry"].map(lambda g: g.geom_type) != "Polygon").sum())
        if multi:
            notes.append(f"admin {lvl}: {multi} MultiPolygon units")
    return Country(adm1=adm1, adm2=adm2, adm3=adm3, outline=outline, seed=seed, notes=notes)


def _round_coords(obj):
    if isinstance(obj, (list, tuple)):
        if obj and isinstance(obj[0], float):
            return [round(v, 5) for v in obj]
        return [_round_coords(o) for o in obj]
    return obj


def write_geojson(country: Country, level: int, path) -> Path:
    """COD-AB-like GeoJSON: fields of the level and all upper levels, CRS84, 5 decimals."""
    df = country.level(level)
    fields = [c for c in df.columns if c not in ("geometry", "population")]
    lines = []
    for rec in df.to_dict("records"):
        geom = rec["geometry"]
        if geom.geom_type == "Polygon":
            geom = orient(geom, 1.0)
        else:
            geom = MultiPolygon([orient(p, 1.0) for p in geom.geoms])
        g = mapping(geom)
        props = {f: rec[f] for f in fields}
        props.update({"date": "2024-06-01", "validOn": "2025-01-01", "validTo": None})
        feat = {"type": "Feature", "properties": props,
                "geometry": {"type": g["type"], "coordinates": _round_coords(g["coordinates"])}}
        lines.append(json.dumps(feat, ensure_ascii=False, separators=(",", ":")))
    text = (f'{{"type":"FeatureCollection","name":"xy_adm{level}",\n'
            '"crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:OGC:1.3:CRS84"}},\n'
            '"features":[\n' + ",\n".join(lines) + "\n]}\n")
    path = Path(path)
    path.write_bytes(text.encode("utf-8"))
    return path


# --------------------------------------------------------------------------------------------
# Needs
# --------------------------------------------------------------------------------------------
def _severity_field(country: Country, rng: np.random.RandomState) -> np.ndarray:
    """Base severity per admin 2: worse in the north-east, plus noise."""
    pts = np.array([[g.centroid.x, g.centroid.y] for g in country.adm2["geometry"]])
    score = 0.55 * (pts[:, 1] - 8.0) + 0.35 * (pts[:, 0] - 23.0) + rng.normal(0, 0.7, len(pts))
    return np.clip(np.round(3.0 + score), 1, 5).astype(int)


def make_needs(country: Country, seed: int = NEEDS_SEED) -> pd.DataFrame:
    """People in need and severity by admin 2 x cluster (long format, clean values).

    Three admin 2 units have PiN 0 (severity 1) in every cluster; about 6% of the admin 2 x
    cluster pairs have no row at all.
    """
    rng = np.random.RandomState(seed)
    adm2 = country.adm2
    base = _severity_field(country, rng)
    n2, nc = len(adm2), len(CLUSTER_CODES)
    sev = np.clip(base[:, None] + rng.choice([-1, 0, 0, 0, 1], size=(n2, nc)), 1, 5)
    zero_units = rng.choice(n2, 3, replace=False)
    sev[zero_units, :] = 1
    share = np.array([0.0, 0.0, 0.05, 0.15, 0.30, 0.45])[sev]  # severity 1: nobody in need
    cluster_factor = rng.uniform(0.3, 1.0, nc)
    pop = adm2["population"].to_numpy(dtype=float)
    pin = np.round(pop[:, None] * share * cluster_factor[None, :] * rng.uniform(0.8, 1.2, (n2, nc)),
                   -1).astype(np.int64)
    present = rng.uniform(size=(n2, nc)) >= 0.06
    present[zero_units, :] = True
    rows = []
    for i in range(n2):
        for j in range(nc):
            if present[i, j]:
                rows.append((adm2["ADM2_PCODE"].iat[i], adm2["ADM2_EN"].iat[i], CLUSTER_CODES[j],
                             int(pin[i, j]), int(sev[i, j])))
    return pd.DataFrame(rows, columns=NEEDS_COLUMNS)


def write_needs_csv(needs: pd.DataFrame, path) -> Path:
    path = Path(path)
    buf = io.StringIO()
    buf.write(",".join(NEEDS_COLUMNS) + "\n" + ",".join(NEEDS_HXL) + "\n")
    needs.to_csv(buf, header=False, index=False, lineterminator="\n")
    path.write_bytes(buf.getvalue().encode("utf-8"))
    return path


# --------------------------------------------------------------------------------------------
# 4W
# --------------------------------------------------------------------------------------------
@dataclass
class _Partners:
    names: np.ndarray
    acronyms: np.ndarray
    types: np.ndarray
    pairs: List[Tuple[int, str]]           # (partner index, cluster code)
    pair_weight: np.ndarray
    pair_adm3: List[np.ndarray]            # allowed admin 3 row indices per pair


def _partners(country: Country, rng: np.random.RandomState,
              gaps: set) -> _Partners:
    adm1, adm2, adm3 = country.adm1, country.adm2, country.adm3
    p1_list = adm1["ADM1_PCODE"].tolist()
    adm3_by_2: Dict[str, np.ndarray] = {
        p: np.flatnonzero(adm3["ADM2_PCODE"].to_numpy() == p) for p in adm2["ADM2_PCODE"]}
    adm2_by_1: Dict[str, List[str]] = {
        p: adm2.loc[adm2["ADM1_PCODE"] == p, "ADM2_PCODE"].tolist() for p in p1_list}
    pairs, weights, allowed = [], [], []
    for k, (_name, _acr, typ) in enumerate(ORGS):
        wide = typ in ("UN", "International NGO", "Government")
        n_prov = rng.randint(2, 5) if wide else rng.randint(1, 3)
        home = rng.randint(len(p1_list))
        # neighbouring provinces by P-code order keeps footprints geographically clustered
        provs = sorted({p1_list[(home + d) % len(p1_list)] for d in range(n_prov)})
        n_cl = rng.randint(1, 4) if typ == "National NGO" else rng.randint(2, 5)
        clusters = sorted(rng.choice(CLUSTER_CODES, n_cl, replace=False).tolist())
        weight = rng.lognormal(0.0, 0.7) * (2.0 if typ == "UN" else 1.0)
        units2: List[str] = []
        for p in provs:
            cand = adm2_by_1[p]
            take = max(1, int(round(len(cand) * rng.uniform(0.5, 1.0))))
            units2 += sorted(rng.choice(cand, take, replace=False).tolist())
        for c in clusters:
            idx = [adm3_by_2[u] for u in units2 if (u, c) not in gaps]
            if not idx:
                continue
            pairs.append((k, c))
            weights.append(weight / len(clusters))
            allowed.append(np.concatenate(idx))
    w = np.array(weights)
    return _Partners(names=np.array([o[0] for o in ORGS], dtype=object),
                     acronyms=np.array([o[1] for o in ORGS], dtype=object),
                     types=np.array([o[2] for o in ORGS], dtype=object),
                     pairs=pairs, pair_weight=w / w.sum(), pair_adm3=allowed)


def forced_gaps(country: Country, seed: int = FOURW_SEED) -> set:
    """(admin 2 P-code, cluster) pairs with people in need where no partner is allowed to work."""
    needs = make_needs(country)
    rng = np.random.RandomState(seed + 1)
    with_need = needs[needs["People in need"] > 0].reset_index(drop=True)
    pick = rng.choice(len(with_need), max(1, len(with_need) // 12), replace=False)
    return {(with_need.at[i, "Admin2 Pcode"], with_need.at[i, "Cluster"]) for i in sorted(pick)}


def _exact_partition(n: int, shares: Sequence[float], rng: np.random.RandomState) -> np.ndarray:
    """Kind index per row with exact counts round(share*n); the remainder gets kind -1."""
    counts = [int(round(s * n)) for s in shares]
    kinds = np.full(n, -1, dtype=int)
    perm = rng.permutation(n)
    start = 0
    for k, c in enumerate(counts):
        kinds[perm[start:start + c]] = k
        start += c
    return kinds


def _unpad(code: str) -> str:
    digits = code[2:]
    return code[:2] + "".join(str(int(digits[i:i + 2])) for i in range(0, len(digits), 2))


def make_4w(country: Country, n_rows: int = SAMPLE_4W_ROWS, seed: int = FOURW_SEED,
            messy: bool = True, truth: bool = False) -> pd.DataFrame:
    """A 4W frame with ``n_rows`` data rows, columns ``FOURW_COLUMNS`` (object dtype).

    With ``messy`` the location/cluster/month mess of ``LOCATION_MESS`` etc. is applied and
    ``N_BLANK_MIDDLE`` blank rows, ``N_BLANK_END`` blank rows and one "Total" row are inserted;
    without it every row is a clean data row (codes right, English cluster names, month numbers).
    With ``truth`` extra columns ``_kind`` (data/blank/total), ``_adm3`` (true admin 3 P-code),
    ``_cluster`` (true cluster code), ``_month`` (1-12), ``_mess`` (location mess kind or
    "clean"), ``_cluster_label`` (english/french/code) are added; writers drop ``_`` columns.
    """
    rng = np.random.RandomState(seed)
    country_adm3 = country.adm3
    partners = _partners(country, rng, forced_gaps(country, seed))

    # projects: (pair, admin 3, activity, start month, duration) -> one row per month
    dur_choices = np.arange(1, 13)
    dur_p = np.array([12, 7, 7, 4, 3, 4, 1, 1, 2, 1, 1, 3], dtype=float)
    dur_p /= dur_p.sum()
    mean_dur = float((dur_choices * dur_p).sum())
    pair_cluster = np.array([c for _, c in partners.pairs], dtype=object)
    pair_partner = np.array([k for k, _ in partners.pairs], dtype=np.int64)
    # base projects: every partner x cluster reports at least once in each admin 2 of its
    # footprint (one random admin 3 there), so presence follows the footprint
    adm2_of3 = country_adm3["ADM2_PCODE"].to_numpy(dtype=object)
    base_pair: List[int] = []
    base_adm3: List[int] = []
    for j, allowed in enumerate(partners.pair_adm3):
        units = sorted(set(adm2_of3[allowed].tolist()))
        for u in units:
            inside = allowed[adm2_of3[allowed] == u]
            base_pair.append(j)
            base_adm3.append(int(inside[rng.randint(len(inside))]))
    n_base = len(base_pair)
    n_rand = int(n_rows / mean_dur * 1.2) + 20
    pair = np.concatenate([np.array(base_pair, dtype=np.int64),
                           rng.choice(len(partners.pairs), n_rand, p=partners.pair_weight)])
    adm3 = np.concatenate([np.array(base_adm3, dtype=np.int64), np.zeros(n_rand, np.int64)])
    act = np.empty(len(pair), dtype=object)
    for j in range(len(partners.pairs)):
        sel = np.flatnonzero(pair == j)
        rand_sel = sel[sel >= n_base]
        adm3[rand_sel] = rng.choice(partners.pair_adm3[j], len(rand_sel))
        acts = ACTIVITIES[partners.pairs[j][1]]
        act[sel] = np.array(acts, dtype=object)[rng.randint(0, len(acts), len(sel))]
    partner = pair_partner[pair]
    # overlaps: ~4% of projects get a twin run by another partner of the same cluster
    twin_n = max(1, len(pair) // 25)
    twin_src = np.sort(rng.choice(len(pair), twin_n, replace=False))
    twin_partner = partner[twin_src].copy()
    draw = rng.uniform(size=twin_n)
    for code in CLUSTER_CODES:
        others = np.flatnonzero(pair_cluster == code)
        sel = np.flatnonzero(pair_cluster[pair[twin_src]] == code)
        if not len(sel) or not len(others):
            continue
        # pick another partner of this cluster (skip over the source partner if drawn)
        cand = pair_partner[others]
        pick = cand[(draw[sel] * len(cand)).astype(np.int64)]
        same = pick == partner[twin_src[sel]]
        alt = cand[((draw[sel] * len(cand)).astype(np.int64) + 1) % len(cand)]
        twin_partner[sel] = np.where(same, alt, pick)
    cluster = np.concatenate([pair_cluster[pair], pair_cluster[pair[twin_src]]])
    partner = np.concatenate([partner, twin_partner])
    adm3 = np.concatenate([adm3, adm3[twin_src]])
    act = np.concatenate([act, act[twin_src]])
    dur = rng.choice(dur_choices, len(cluster), p=dur_p)
    start = 1 + (rng.uniform(size=len(cluster)) * (13 - dur)).astype(np.int64)
    # project stream: base projects first (shuffled), then the others and the twins (shuffled);
    # cut when n_rows monthly rows are reached
    proj_order = np.concatenate([rng.permutation(n_base),
                                 n_base + rng.permutation(len(cluster) - n_base)])
    cum = np.cumsum(dur[proj_order])
    keep = proj_order[: int(np.searchsorted(cum, n_rows)) + 1]
    rep = dur[keep]
    row_proj = np.repeat(keep, rep)
    offset = np.arange(len(row_proj)) - np.repeat(np.cumsum(rep) - rep, rep)
    row_proj, offset = row_proj[:n_rows], offset[:n_rows]
    month = start[row_proj] + offset
    r_partner, r_cluster, r_adm3, r_act = (partner[row_proj], cluster[row_proj], adm3[row_proj],
                                            act[row_proj])
    # rows sorted like a monthly compiled 4W: month, organisation, location
    order = np.lexsort((r_adm3, partners.acronyms[r_partner].astype(str), month))
    month, r_partner, r_cluster, r_adm3, r_act = (month[order], r_partner[order], r_cluster[order],
                                                  r_adm3[order], r_act[order])
    n = n_rows

    status = np.array(["Ongoing", "Completed", "Planned"], dtype=object)[
        rng.choice(3, n, p=[0.6, 0.3, 0.1])]
    targeted = np.round(rng.lognormal(6.2, 0.9, n), -1).astype(np.int64) + 10
    reached = np.round(targeted * rng.uniform(0.3, 1.1, n)).astype(np.int64)
    reached_obj = reached.astype(object)
    reached_obj[status == "Planned"] = None

    cl_idx = _index_of(CLUSTER_CODES, r_cluster)
    a3 = {c: country_adm3[c].to_numpy(dtype=object) for c in
          ("ADM1_PCODE", "ADM1_EN", "ADM2_PCODE", "ADM2_EN", "ADM3_PCODE", "ADM3_EN")}
    cols: Dict[str, np.ndarray] = {
        "Organisation": partners.names[r_partner],
        "Acronym": partners.acronyms[r_partner],
        "Organization type": partners.types[r_partner],
        "Cluster": np.array([CLUSTERS[c][0] for c in CLUSTER_CODES], dtype=object)[cl_idx],
        "Activité": r_act,
        "Admin1 Pcode": a3["ADM1_PCODE"][r_adm3],
        "Admin1": a3["ADM1_EN"][r_adm3],
        "Admin2 Pcode": a3["ADM2_PCODE"][r_adm3],
        "Admin2": a3["ADM2_EN"][r_adm3],
        "Admin3 Pcode": a3["ADM3_PCODE"][r_adm3],
        "Admin3": a3["ADM3_EN"][r_adm3],
        "Month": month.astype(object),
        "Year": np.full(n, 2025, dtype=object),
        "Status": status,
        "People targeted": targeted.astype(object),
        "People reached": reached_obj,
    }
    mess = np.full(n, "clean", dtype=object)
    label_kind = np.full(n, "english", dtype=object)
    if messy:
        mrng = np.random.RandomState(seed + 2)
        kinds = _exact_partition(n, [r for _, r in LOCATION_MESS], mrng)
        names = [k for k, _ in LOCATION_MESS]
        for k, kind in enumerate(names):
            sel = np.flatnonzero(kinds == k)
            if len(sel):
                mess[sel] = kind
                _apply_location_mess(kind, sel, cols, mrng)
        # cluster labels: english / french / code
        lk = _exact_partition(n, [s for _, s in CLUSTER_LABEL_SHARES[1:]], mrng)
        french = np.array([CLUSTERS[c][1] for c in CLUSTER_CODES], dtype=object)
        short = np.array([CLUSTERS[c][2] for c in CLUSTER_CODES], dtype=object)
        cols["Cluster"][lk == 0] = french[cl_idx[lk == 0]]
        cols["Cluster"][lk == 1] = short[cl_idx[lk == 1]]
        label_kind[lk == 0] = "french"
        label_kind[lk == 1] = "code"
        # months: some as English month names
        mk = _exact_partition(n, [MONTH_NAME_SHARE], mrng) == 0
        cols["Month"][mk] = np.array(MONTH_NAMES, dtype=object)[month[mk] - 1]
    frame = pd.DataFrame(cols, columns=FOURW_COLUMNS)
    if truth:
        frame["_kind"] = "data"
        frame["_adm3"] = a3["ADM3_PCODE"][r_adm3]
        frame["_cluster"] = r_cluster
        frame["_month"] = month
        frame["_mess"] = mess
        frame["_cluster_label"] = label_kind
    if messy:
        frame = _add_blank_and_total(frame, truth)
    return frame


def _index_of(values: Sequence[str], arr: np.ndarray) -> np.ndarray:
    lookup = {v: i for i, v in enumerate(values)}
    return np.fromiter((lookup[v] for v in arr), dtype=np.int64, count=len(arr))


def _apply_location_mess(kind: str, sel: np.ndarray, cols: Dict[str, np.ndarray],
                         rng: np.random.RandomState) -> None:
    c2, c3 = cols["Admin2 Pcode"], cols["Admin3 Pcode"]
    if kind == "pcode_case":
        lower = rng.uniform(size=len(sel)) < 0.5
        for code_col in (c2, c3):
            vals = code_col[sel]
            code_col[sel] = [v.lower() if lo else "Xy" + v[2:] if i % 2 else "xY" + v[2:]
                             for i, (v, lo) in enumerate(zip(vals, lower))]
    elif kind == "pcode_prefix":
        numeric = rng.uniform(size=len(sel)) < 0.5
        for code_col in (c2, c3):
            code_col[sel] = [v[2:] if nu else "XYZ" + v[2:]
                             for v, nu in zip(code_col[sel], numeric)]
    elif kind == "pcode_padding":
        for code_col in (c2, c3):
            code_col[sel] = [_unpad(v) for v in code_col[sel]]
    elif kind == "name_only":
        c2[sel] = None
        c3[sel] = None
    elif kind == "unknown_code":
        c2[sel] = "XY9999"
        cols["Admin2"][sel] = np.array(UNKNOWN_PLACES, dtype=object)[
            rng.randint(0, len(UNKNOWN_PLACES), len(sel))]
        for c in ("Admin3 Pcode", "Admin3"):
            cols[c][sel] = None
    elif kind == "adm1_only":
        for c in ("Admin2 Pcode", "Admin2", "Admin3 Pcode", "Admin3"):
            cols[c][sel] = None
    elif kind == "na":
        c2[sel] = "#N/A"
        c3[sel] = "#N/A"
    elif kind == "name_upper":
        cols["Admin2"][sel] = [v.upper() for v in cols["Admin2"][sel]]
    elif kind == "name_space":
        cols["Admin2"][sel] = [v + " " for v in cols["Admin2"][sel]]
    else:  # pragma: no cover
        raise ValueError(kind)


def _add_blank_and_total(frame: pd.DataFrame, truth: bool) -> pd.DataFrame:
    n = len(frame)
    # blank rows after data rows at n*k/(N+1), k = 1..N; then N_BLANK_END blanks and a Total row
    cuts = [n * k // (N_BLANK_MIDDLE + 1) for k in range(1, N_BLANK_MIDDLE + 1)]
    blank = {c: [None] for c in frame.columns}
    if truth:
        blank["_kind"] = ["blank"]
    blank_row = pd.DataFrame(blank, columns=frame.columns)
    pieces, prev = [], 0
    for cut in cuts:
        pieces += [frame.iloc[prev:cut], blank_row]
        prev = cut
    pieces.append(frame.iloc[prev:])
    pieces += [blank_row] * N_BLANK_END
    total = {c: [None] for c in frame.columns}
    total["Organisation"] = ["Total"]
    total["People targeted"] = [int(pd.to_numeric(frame["People targeted"]).sum())]
    total["People reached"] = [int(pd.to_numeric(frame["People reached"]).fillna(0).sum())]
    if truth:
        total["_kind"] = ["total"]
    pieces.append(pd.DataFrame(total, columns=frame.columns))
    out = pd.concat([p.astype(object) for p in pieces], ignore_index=True)
    return out.astype(object).where(out.notna(), None)


def _cell_rows(frame: pd.DataFrame):
    cols = [c for c in frame.columns if not str(c).startswith("_")]
    for row in frame[cols].itertuples(index=False, name=None):
        yield [None if (v is None or (isinstance(v, float) and np.isnan(v))) else
               (int(v) if isinstance(v, np.integer) else v) for v in row]


def write_4w_csv(frame: pd.DataFrame, path, title: bool = False) -> Path:
    """CSV (UTF-8, header + HXL row, optional title and blank rows above)."""
    cols = [c for c in frame.columns if not str(c).startswith("_")]
    path = Path(path)
    with open(path, "w", encoding="utf-8", newline="") as fh:
        if title:
            fh.write(FOURW_TITLE + "\n\n")
        head = pd.DataFrame([FOURW_HXL], columns=FOURW_COLUMNS)[cols]
        head.to_csv(fh, index=False, lineterminator="\n")
        frame[cols].to_csv(fh, index=False, header=False, lineterminator="\n")
    return path


_FIXED_TIME = datetime.datetime(2025, 1, 31, 9, 0, 0)


def write_4w_xlsx(frame: pd.DataFrame, path) -> Path:
    """XLSX with the title row, a blank row, the header, the HXL row and the frame's rows.

    Byte-reproducible: fixed document timestamps and fixed zip entry dates.
    """
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    ws = wb.active
    ws.title = "4W"
    ws.append([FOURW_TITLE])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append([])
    cols = [c for c in frame.columns if not str(c).startswith("_")]
    ws.append(cols)
    for cell in ws[3]:
        cell.font = Font(bold=True)
    ws.append(FOURW_HXL[: len(cols)])
    for row in _cell_rows(frame):
        ws.append(row)
    for letter, width in zip("ABCDEFGHIJKLMNOP", [34, 9, 18, 26, 30, 11, 12, 11, 16, 11, 14,
                                                   10, 6, 10, 10, 10]):
        ws.column_dimensions[letter].width = width
    ws.freeze_panes = "A5"
    wb.properties.creator = "CoordMap sample generator"
    wb.properties.created = _FIXED_TIME
    buf = io.BytesIO()
    wb.save(buf)
    path = Path(path)
    path.write_bytes(_reproducible_zip(buf.getvalue()))
    return path


def _reproducible_zip(data: bytes) -> bytes:
    stamp = _FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ")
    src = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)",
                                 rb"\g<1>" + stamp.encode() + rb"\g<3>", content)
            zi = zipfile.ZipInfo(info.filename, date_time=(2025, 1, 31, 9, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, content)
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# Facts (the README table and the tests use the same numbers)
# --------------------------------------------------------------------------------------------
def facts(country: Country, frame_truth: pd.DataFrame, needs: pd.DataFrame) -> Dict[str, int]:
    """Counts describing the generated sample; ``frame_truth`` is ``make_4w(..., truth=True)``."""
    f: Dict[str, int] = {}
    for lvl in (1, 2, 3):
        df = country.level(lvl)
        f[f"admin {lvl} units"] = len(df)
        f[f"admin {lvl} MultiPolygons"] = int((df["geometry"].map(
            lambda g: g.geom_type) != "Polygon").sum())
        f[f"admin {lvl} polygons with holes"] = int(df["geometry"].map(
            lambda g: sum(len(p.interiors) for p in shapely.get_parts(g)) > 0).sum())
    kind = frame_truth["_kind"]
    data = frame_truth[kind == "data"]
    f["4W frame rows (data + blank + total)"] = len(frame_truth)
    f["4W data rows"] = len(data)
    f["4W blank rows in the middle"] = int(
        (kind.iloc[: len(frame_truth) - 1 - N_BLANK_END] == "blank").sum())
    f["4W blank rows at the end"] = int(
        (kind.iloc[len(frame_truth) - 1 - N_BLANK_END: -1] == "blank").sum())
    f["4W total rows"] = int((kind == "total").sum())
    f["4W last Excel row"] = len(frame_truth) + XLSX_FIRST_DATA_ROW - 1
    for k, _ in LOCATION_MESS:
        f[f"4W rows mess={k}"] = int((data["_mess"] == k).sum())
    f["4W rows mess=clean"] = int((data["_mess"] == "clean").sum())
    for k, _ in CLUSTER_LABEL_SHARES:
        f[f"4W rows cluster label={k}"] = int((data["_cluster_label"] == k).sum())
    f["4W rows month as name"] = int(data["Month"].map(lambda v: isinstance(v, str)).sum())
    f["4W organisations"] = int(data["Organisation"].nunique())
    f["4W clusters"] = int(data["_cluster"].nunique())
    adm2_true = data["_adm3"].str[:6]
    overlaps = data.assign(_a2=adm2_true).groupby(["_a2", "_cluster", "_month", "Activité"])[
        "Acronym"].nunique()
    f["admin2 x cluster x month x activity with 2+ partners"] = int((overlaps >= 2).sum())
    overlaps3 = data.groupby(["_adm3", "_cluster", "_month", "Activité"])["Acronym"].nunique()
    f["admin3 x cluster x month x activity with 2+ partners"] = int((overlaps3 >= 2).sum())
    present = set(zip(adm2_true, data["_cluster"]))
    need = needs[needs["People in need"] > 0]
    f["needs rows"] = len(needs)
    f["needs rows with PiN 0"] = int((needs["People in need"] == 0).sum())
    f["needs admin2 x cluster pairs without a row"] = len(country.adm2) * len(CLUSTER_CODES) - len(
        needs)
    f["gaps: admin2 x cluster with PiN > 0 and no 4W row"] = int(sum(
        (a, c) not in present for a, c in zip(need["Admin2 Pcode"], need["Cluster"])))
    return f


def generate(out: Path = DEFAULT_OUT) -> Dict[str, int]:
    """Write all sample files into ``out``; returns the facts."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    country = make_country()
    for lvl in (1, 2, 3):
        write_geojson(country, lvl, out / f"xy_adm{lvl}.geojson")
    needs = make_needs(country)
    write_needs_csv(needs, out / "xy_needs.csv")
    frame = make_4w(country, SAMPLE_4W_ROWS, FOURW_SEED, messy=True, truth=True)
    write_4w_xlsx(frame, out / "xy_4w_2025.xlsx")
    return facts(country, frame, needs)


def facts_markdown(f: Dict[str, int]) -> str:
    return "| fact | value |\n|---|---|\n" + "".join(f"| {k} | {v:,} |\n" for k, v in f.items())


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = argparse.ArgumentParser(description="Generate the fictional Xyland sample data.")
    parser.add_argument("--out", default=str(DEFAULT_OUT), help="output folder")
    parser.add_argument("--facts", action="store_true", help="print the facts as a Markdown table")
    args = parser.parse_args(argv)
    f = generate(Path(args.out))
    if args.facts:
        print(facts_markdown(f), end="")
    else:
        print(f"Wrote Xyland sample data to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
