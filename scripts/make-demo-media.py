#!/usr/bin/python3
"""Makes the pictures and sounds of the built-in demo pack "places-and-voices".

Writes into quizzes/places-and-voices/media/:

- map-<place>.png: a schematic map of the eastern and central United States, one place of
  Jim's story marked by a big star and the others by small plain dots, no names (the
  question's picture); map-<place>-named.png: the same map with the starred place named (its
  reveal). The north-eastern places sit close together, so they are shown in an enlarged
  inset in the Atlantic, framed on the main map.
- voice-<name>.ogg: a short quote from the encyclopedia seed text (001, CC BY-SA; the
  magazine article 000 allows no quoting), spoken by eSpeak NG and encoded as Ogg Vorbis,
  for the sound questions.

Everything is drawn from the coarse outline typed in below: approximate longitude/latitude
points put in by hand, in a simple equirectangular projection (no map data is read). The
output is deterministic: the same inputs give the same bytes (Pillow 9.4, eSpeak NG 1.51,
oggenc of vorbis-tools 1.4).

Needs Pillow, espeak-ng and oggenc. Run from anywhere: /usr/bin/python3 scripts/make-demo-media.py
"""
import math
import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "quizzes" / "places-and-voices" / "media"
FONT_REGULAR = ROOT / "assets" / "fonts" / "DejaVuSans.ttf"
FONT_BOLD = ROOT / "assets" / "fonts" / "DejaVuSans-Bold.ttf"

# ---------------------------------------------------------------------------------------------
# The picture: size, projection, colours
# ---------------------------------------------------------------------------------------------

W, H = 1200, 760          # the final picture, in pixels
SS = 2                    # drawn at twice the size, then scaled down: smooth edges

LAT_MIN, LAT_MAX = 23.9, 49.4
KY = H / (LAT_MAX - LAT_MIN)                 # pixels per degree of latitude
KX = KY * math.cos(math.radians(38.0))       # per degree of longitude (true at 38°N)
LON_MIN = -105.0
LON_MAX = LON_MIN + W / KX

# The inset: the north-east, enlarged, drawn over the Atlantic in the bottom-right corner
# (clear of the coast, which it would otherwise hide).
INSET_LON = (-79.9, -72.3)
INSET_LAT = (39.0, 43.7)
INSET_X = 722
INSET_W = W - INSET_X - 14
INSET_ZOOM = INSET_W / ((INSET_LON[1] - INSET_LON[0]) * KX)
INSET_H = round((INSET_LAT[1] - INSET_LAT[0]) * KY * INSET_ZOOM)
INSET_Y = H - INSET_H - 14

OCEAN = (166, 207, 234)
US_LAND = (244, 232, 200)
OTHER_LAND = (218, 219, 209)
COAST = (118, 104, 84)
OTHER_COAST = (150, 152, 142)
FRAME = (44, 62, 84)
DOT = (31, 58, 95)
STAR = (214, 40, 57)
STAR_EDGE = (96, 14, 24)
WHITE = (255, 255, 255)
TEXT = (20, 26, 36)

# ---------------------------------------------------------------------------------------------
# The outline, typed in by hand: (longitude, latitude), coarse on purpose
# ---------------------------------------------------------------------------------------------

# The border with Canada, west to east; through the Great Lakes it runs down their middle
# (the lakes are drawn over it).
BORDER_CANADA = [
    (-123.0, 49.0), (-95.15, 49.0), (-94.9, 48.75), (-93.8, 48.55), (-92.6, 48.45),
    (-91.4, 48.05), (-90.1, 48.1), (-89.6, 48.0),
    (-88.4, 48.3), (-86.5, 47.5), (-85.0, 46.9), (-84.55, 46.5),       # Lake Superior
    (-84.1, 46.2), (-83.6, 46.0),                                       # St Marys River
    (-82.5, 45.35), (-82.15, 43.55), (-82.42, 43.0),                    # Lake Huron
    (-82.5, 42.6), (-83.05, 42.3), (-83.15, 41.95),                     # to Detroit
    (-82.5, 41.7), (-81.25, 42.2), (-80.1, 42.4), (-79.1, 42.75),       # Lake Erie
    (-78.93, 42.88), (-79.08, 43.08), (-79.06, 43.27),                  # Niagara River
    (-78.7, 43.63), (-77.5, 43.62), (-76.8, 43.63), (-76.45, 44.05),    # Lake Ontario
    (-76.3, 44.2), (-75.8, 44.45), (-75.3, 44.85), (-74.75, 45.0),      # St Lawrence
    (-71.5, 45.0), (-71.1, 45.3), (-70.85, 45.4), (-70.3, 45.95), (-70.0, 46.5),
    (-70.05, 46.7), (-69.22, 47.45), (-68.3, 47.35), (-67.8, 47.07), (-67.78, 45.95),
    (-67.45, 45.6), (-67.2, 45.18), (-67.05, 45.05),                    # Maine
]

# The Atlantic and Gulf coasts, north-east to south-west.
EAST_AND_GULF_COAST = [
    (-66.98, 44.82), (-67.6, 44.5), (-68.2, 44.3), (-68.8, 44.35), (-69.3, 43.95),
    (-70.2, 43.65), (-70.6, 43.1), (-70.8, 42.8), (-70.6, 42.65), (-71.0, 42.35),
    (-70.65, 41.95), (-70.5, 41.77), (-70.05, 41.8), (-70.1, 42.0), (-70.2, 42.08),
    (-69.95, 41.9), (-69.94, 41.67), (-70.3, 41.63), (-70.65, 41.55), (-70.9, 41.6),
    (-71.15, 41.5), (-71.45, 41.4), (-71.85, 41.32), (-72.3, 41.27), (-72.9, 41.25),
    (-73.2, 41.13), (-73.65, 40.98), (-73.8, 40.82), (-74.02, 40.66),   # to New York harbour
    (-74.26, 40.48), (-74.0, 40.42), (-74.0, 40.1), (-74.1, 39.75), (-74.4, 39.35),
    (-74.95, 38.93), (-75.05, 39.2), (-75.4, 39.42), (-75.55, 39.62),   # Delaware Bay
    (-75.45, 39.3), (-75.3, 39.0), (-75.09, 38.8), (-75.05, 38.45), (-75.25, 38.0),
    (-75.6, 37.6), (-75.97, 37.12), (-76.0, 36.93), (-75.95, 36.75), (-75.8, 36.25),
    (-75.5, 35.6), (-75.53, 35.23), (-76.0, 35.05), (-76.53, 34.6), (-77.35, 34.5),
    (-77.95, 33.85), (-78.6, 33.85), (-79.1, 33.4), (-79.9, 32.75), (-80.7, 32.25),
    (-81.1, 31.95), (-81.4, 31.3), (-81.45, 30.7), (-81.4, 30.2), (-81.2, 29.65),
    (-80.9, 29.0), (-80.6, 28.45), (-80.35, 27.6), (-80.05, 26.9), (-80.1, 26.1),
    (-80.2, 25.6), (-80.45, 25.2), (-81.0, 25.1), (-81.15, 25.3), (-81.5, 25.85),
    (-81.8, 26.15), (-82.1, 26.5), (-82.25, 26.9), (-82.65, 27.45), (-82.8, 27.9),
    (-82.75, 28.5), (-82.65, 28.95), (-83.05, 29.15), (-83.4, 29.55), (-83.85, 29.95),
    (-84.3, 30.05), (-84.75, 29.85), (-85.05, 29.65), (-85.35, 29.7), (-85.45, 29.95),
    (-85.75, 30.15), (-86.3, 30.38), (-87.2, 30.33), (-87.6, 30.25), (-88.0, 30.25),
    (-88.6, 30.35), (-89.3, 30.3), (-89.65, 30.15), (-89.4, 29.9), (-89.15, 29.5),
    (-89.1, 29.1), (-89.25, 29.0), (-89.5, 29.25), (-90.0, 29.1), (-90.5, 29.1),
    (-91.2, 29.25), (-91.8, 29.5), (-92.4, 29.55), (-93.3, 29.75), (-93.85, 29.7),
    (-94.6, 29.45), (-95.0, 29.2), (-95.6, 28.8), (-96.4, 28.4), (-96.9, 28.05),
    (-97.25, 27.6), (-97.4, 27.1), (-97.35, 26.6), (-97.2, 26.15), (-97.15, 25.95),
]

# The border with Mexico, west to east (the Rio Grande from El Paso to the Gulf).
BORDER_MEXICO = [
    (-117.12, 32.53), (-114.72, 32.72), (-114.8, 32.5), (-111.07, 31.33), (-108.21, 31.33),
    (-108.21, 31.78), (-106.53, 31.78), (-105.4, 31.1), (-104.9, 30.6), (-104.37, 29.56),
    (-103.6, 29.15), (-103.15, 28.97), (-102.7, 29.6), (-101.4, 29.77), (-100.9, 29.36),
    (-100.5, 28.7), (-99.5, 27.5), (-99.1, 26.45), (-98.2, 26.1), (-97.5, 25.9),
    (-97.15, 25.95),
]

# The Pacific coast, south to north (off the picture; drawn for a whole outline).
WEST_COAST = [
    (-117.12, 32.53), (-117.3, 33.1), (-118.0, 33.75), (-118.5, 34.0), (-119.3, 34.3),
    (-120.5, 34.5), (-120.65, 35.2), (-121.3, 35.7), (-121.9, 36.6), (-122.4, 37.2),
    (-122.5, 37.8), (-123.0, 38.2), (-123.75, 39.0), (-123.8, 39.8), (-124.35, 40.45),
    (-124.1, 41.3), (-124.2, 42.0), (-124.5, 42.8), (-124.05, 44.5), (-123.95, 46.2),
    (-124.1, 47.0), (-124.7, 48.4), (-123.3, 48.3), (-122.75, 48.95),
]

US = BORDER_CANADA + EAST_AND_GULF_COAST + BORDER_MEXICO[::-1][1:] + WEST_COAST[1:]

LONG_ISLAND = [
    (-74.03, 40.63), (-73.95, 40.73), (-73.75, 40.85), (-73.2, 40.95), (-72.6, 40.98),
    (-72.3, 41.1), (-71.86, 41.07), (-72.5, 40.85), (-73.3, 40.62), (-73.95, 40.57),
]

CHESAPEAKE_BAY = [
    (-75.98, 37.05), (-75.95, 37.5), (-76.05, 37.9), (-76.15, 38.3), (-76.3, 38.7),
    (-76.35, 39.1), (-76.1, 39.55), (-76.45, 39.25), (-76.55, 38.8), (-76.45, 38.3),
    (-76.3, 37.9), (-76.35, 37.3), (-76.25, 37.0), (-76.0, 36.92),
]

CANADA = BORDER_CANADA + [
    (-66.9, 45.05), (-66.1, 45.25), (-65.4, 45.45), (-64.75, 45.65), (-64.4, 45.85),  # Fundy
    (-64.8, 45.3), (-65.6, 44.8), (-66.15, 44.35), (-66.1, 43.85), (-65.65, 43.45),  # Nova
    (-65.0, 43.8), (-64.3, 44.3), (-63.6, 44.55), (-62.5, 44.85), (-61.0, 45.25),    # Scotia
    (-60.5, 45.6), (-59.85, 45.95), (-60.4, 46.6), (-60.6, 47.0), (-61.1, 46.6),
    (-61.5, 46.1), (-62.0, 45.8), (-62.8, 45.65), (-63.6, 45.8), (-64.1, 46.1),
    (-64.6, 46.35), (-64.85, 47.05), (-64.7, 47.75), (-65.3, 47.85), (-65.8, 47.95),
    (-66.4, 48.05), (-65.3, 48.2), (-64.5, 48.4), (-64.2, 48.85), (-64.5, 49.1),    # Gaspé
    (-65.5, 49.25), (-66.8, 49.15), (-68.0, 48.7), (-69.3, 48.05), (-70.3, 47.2),    # St
    (-70.6, 47.3), (-69.7, 48.15), (-68.6, 48.9), (-67.6, 49.35), (-66.6, 49.6),     # Lawrence
    (-66.6, 51.0), (-130.0, 51.0), (-130.0, 49.0),
]

PRINCE_EDWARD_ISLAND = [
    (-64.4, 46.65), (-63.8, 46.45), (-63.2, 46.45), (-62.0, 46.45), (-62.3, 46.05),
    (-63.0, 46.2), (-63.8, 46.25), (-64.1, 46.4),
]

NEWFOUNDLAND = [
    (-59.35, 47.62), (-58.6, 47.62), (-57.5, 47.63), (-56.2, 47.5), (-55.9, 47.1),
    (-55.5, 46.9), (-55.0, 47.1), (-54.0, 47.5), (-54.0, 50.0), (-57.0, 50.5),
    (-57.7, 49.5), (-58.2, 49.1), (-58.6, 48.6), (-59.3, 48.4),
]

MEXICO = BORDER_MEXICO + [(-97.4, 25.0), (-97.7, 24.0), (-97.8, 22.5), (-97.8, 20.0),
                          (-118.0, 20.0)]

LAKES = {
    "Superior": [
        (-92.1, 46.75), (-91.67, 47.02), (-90.33, 47.75), (-89.68, 47.96), (-89.25, 48.38),
        (-88.3, 48.8), (-87.3, 48.75), (-86.4, 48.72), (-85.8, 48.0), (-84.9, 47.95),
        (-84.75, 47.4), (-84.6, 46.95), (-84.5, 46.55), (-84.95, 46.77), (-85.9, 46.65),
        (-86.65, 46.42), (-87.4, 46.55), (-87.9, 46.9), (-87.85, 47.42), (-88.5, 47.1),
        (-89.3, 46.87), (-90.4, 46.6), (-90.9, 46.6), (-91.3, 46.85),
    ],
    "Michigan": [
        (-87.62, 41.88), (-87.82, 42.58), (-87.9, 43.04), (-87.7, 43.75), (-87.65, 44.1),
        (-87.43, 44.6), (-87.15, 44.95), (-86.95, 45.28), (-87.35, 44.88), (-87.75, 44.65),
        (-88.0, 44.52), (-87.9, 44.8), (-87.6, 45.1), (-87.35, 45.5), (-87.05, 45.75),
        (-86.6, 45.85), (-86.25, 45.95), (-85.6, 46.05), (-85.0, 45.95), (-84.75, 45.78),
        (-85.0, 45.55), (-85.25, 45.3), (-85.6, 45.15), (-86.05, 44.9), (-86.25, 44.5),
        (-86.45, 43.95), (-86.45, 43.6), (-86.2, 43.05), (-86.25, 42.6), (-86.48, 42.1),
        (-86.9, 41.72), (-87.3, 41.62), (-87.55, 41.7),
    ],
    "Huron": [
        (-84.75, 45.78), (-84.0, 45.98), (-83.4, 46.05), (-82.4, 46.15), (-81.6, 46.05),
        (-81.0, 45.95), (-80.6, 45.85), (-80.2, 45.35), (-79.9, 44.85), (-80.05, 44.52),
        (-80.9, 44.6), (-81.2, 44.95), (-81.65, 45.25), (-81.45, 44.75), (-81.55, 44.3),
        (-81.72, 43.75), (-82.0, 43.25), (-82.42, 43.0), (-82.6, 43.5), (-82.95, 44.07),
        (-83.4, 43.85), (-83.9, 43.65), (-83.6, 44.05), (-83.5, 44.25), (-83.3, 44.8),
        (-83.4, 45.05), (-83.7, 45.4), (-84.2, 45.65),
    ],
    "Erie": [
        (-83.45, 41.7), (-83.0, 41.55), (-82.7, 41.45), (-81.7, 41.5), (-81.0, 41.85),
        (-80.1, 42.15), (-79.35, 42.5), (-78.9, 42.88), (-79.25, 42.88), (-80.0, 42.8),
        (-80.1, 42.55), (-80.6, 42.6), (-81.2, 42.65), (-81.9, 42.3), (-82.5, 41.92),
        (-83.0, 42.05), (-83.15, 42.0),
    ],
    "Ontario": [
        (-79.85, 43.28), (-79.4, 43.63), (-78.9, 43.87), (-78.0, 43.95), (-77.2, 43.95),
        (-76.8, 44.15), (-76.45, 44.22), (-76.3, 44.1), (-76.1, 43.95), (-76.25, 43.6),
        (-76.5, 43.46), (-77.0, 43.27), (-77.6, 43.27), (-78.4, 43.37), (-79.06, 43.27),
        (-79.4, 43.2),
    ],
    "Okeechobee": [(-80.95, 27.2), (-80.65, 27.05), (-80.6, 26.8), (-80.85, 26.7), (-81.05, 26.9)],
}

# ---------------------------------------------------------------------------------------------
# The places of Jim's story: approximate real coordinates, and where a name goes at the reveal
# ---------------------------------------------------------------------------------------------

# key: (name, state, longitude, latitude, where the label goes: left/right/above/below)
PLACES = {
    "scranton": ("Scranton", "Pennsylvania", -75.66, 41.41, "above"),
    "stamford": ("Stamford", "Connecticut", -73.54, 41.05, "above"),
    "new-york": ("New York City", "New York", -74.006, 40.713, "below"),
    "philadelphia": ("Philadelphia", "Pennsylvania", -75.165, 39.953, "left"),
    "niagara-falls": ("Niagara Falls", "New York", -79.04, 43.09, "right"),
    "austin": ("Austin", "Texas", -97.74, 30.27, "right"),
    "tallahassee": ("Tallahassee", "Florida", -84.28, 30.44, "above"),
}


def in_inset(lon, lat):
    return INSET_LON[0] <= lon <= INSET_LON[1] and INSET_LAT[0] <= lat <= INSET_LAT[1]


class Projection:
    """Longitude/latitude to pixels of the supersampled canvas."""

    def __init__(self, lon0, lat0, kx, ky, ox=0.0, oy=0.0):
        self.lon0, self.lat0, self.kx, self.ky, self.ox, self.oy = lon0, lat0, kx, ky, ox, oy

    def __call__(self, lon, lat):
        return ((self.ox + (lon - self.lon0) * self.kx) * SS,
                (self.oy + (self.lat0 - lat) * self.ky) * SS)

    def points(self, outline):
        return [self(lon, lat) for lon, lat in outline]


MAIN = Projection(LON_MIN, LAT_MAX, KX, KY)
INSET = Projection(INSET_LON[0], INSET_LAT[1], KX * INSET_ZOOM, KY * INSET_ZOOM)


def closed_line(draw, pts, colour, width):
    draw.line(pts + [pts[0]], fill=colour, width=width, joint="curve")


def draw_geography(draw, proj, line_scale=1.0):
    """The land, the lakes and the coasts, in flat colours."""
    lw = max(1, round(1.5 * SS * line_scale))
    for shape in (CANADA, MEXICO, PRINCE_EDWARD_ISLAND, NEWFOUNDLAND):
        pts = proj.points(shape)
        draw.polygon(pts, fill=OTHER_LAND)
        closed_line(draw, pts, OTHER_COAST, lw)
    for shape in (US, LONG_ISLAND):
        pts = proj.points(shape)
        draw.polygon(pts, fill=US_LAND)
        closed_line(draw, pts, COAST, lw)
    for shape in [CHESAPEAKE_BAY] + list(LAKES.values()):
        pts = proj.points(shape)
        draw.polygon(pts, fill=OCEAN)
        closed_line(draw, pts, COAST, lw)


def star_points(cx, cy, outer, inner):
    pts = []
    for i in range(10):
        r = outer if i % 2 == 0 else inner
        a = math.radians(-90 + 36 * i)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def draw_dot(draw, x, y):
    r = 7 * SS
    ring = 2 * SS
    draw.ellipse((x - r - ring, y - r - ring, x + r + ring, y + r + ring), fill=WHITE)
    draw.ellipse((x - r, y - r, x + r, y + r), fill=DOT)


def draw_star(draw, x, y):
    outer, inner = 26 * SS, 11 * SS
    draw.polygon(star_points(x, y, outer + 6 * SS, inner + 4 * SS), fill=WHITE)
    pts = star_points(x, y, outer, inner)
    draw.polygon(pts, fill=STAR)
    closed_line(draw, pts, STAR_EDGE, SS * 2)


def font(bold, size):
    return ImageFont.truetype(str(FONT_BOLD if bold else FONT_REGULAR), size * SS)


def draw_label(draw, x, y, side, name, state, box, avoid):
    """The place's name (and its state under it) beside the star at (x, y), kept inside `box`
    and clear of the points in `avoid` (the other places) where a side allows it."""
    big, small = font(True, 34), font(False, 22)
    n_box = draw.textbbox((0, 0), name, font=big, anchor="lt")
    s_box = draw.textbbox((0, 0), state, font=small, anchor="lt")
    gap = 4 * SS
    w = max(n_box[2], s_box[2])
    h = n_box[3] + gap + s_box[3]
    clear = 32 * SS
    margin = 8 * SS

    def placed(side):
        if side == "right":
            left, top = x + clear, y - h / 2
        elif side == "left":
            left, top = x - clear - w, y - h / 2
        elif side == "above":
            left, top = x - w / 2, y - clear - h
        else:
            left, top = x - w / 2, y + clear
        left = min(max(left, box[0] + margin), box[2] - margin - w)
        top = min(max(top, box[1] + margin), box[3] - margin - h)
        return left, top

    def hits(left, top):
        near = 14 * SS
        points = [(px, py, near) for px, py in avoid] + [(x, y, 30 * SS)]
        return any(left - r < px < left + w + r and top - r < py < top + h + r
                   for px, py, r in points)

    sides = [side] + [s for s in ("right", "left", "above", "below") if s != side]
    left, top = next((p for p in map(placed, sides) if not hits(*p)), placed(side))
    halo = 5 * SS
    cx = left + w / 2
    draw.text((cx, top), name, font=big, fill=TEXT, anchor="mt",
              stroke_width=halo, stroke_fill=WHITE)
    draw.text((cx, top + n_box[3] + gap), state, font=small, fill=TEXT, anchor="mt",
              stroke_width=halo, stroke_fill=WHITE)


def render(starred, named):
    """The map with `starred` (a key of PLACES) as the star, named at the reveal if `named`."""
    img = Image.new("RGB", (W * SS, H * SS), OCEAN)
    draw = ImageDraw.Draw(img)
    draw_geography(draw, MAIN)

    # The frame on the main map of what the inset enlarges, with two leader lines.
    fx0, fy0 = MAIN(INSET_LON[0], INSET_LAT[1])
    fx1, fy1 = MAIN(INSET_LON[1], INSET_LAT[0])
    ix0, iy0, ix1, iy1 = INSET_X * SS, INSET_Y * SS, (INSET_X + INSET_W) * SS, (INSET_Y + INSET_H) * SS
    for a, b in (((fx0, fy1), (ix0, iy0)), ((fx1, fy1), (ix1, iy0))):
        draw.line([a, b], fill=FRAME, width=SS)
    draw.rectangle((fx0, fy0, fx1, fy1), outline=FRAME, width=2 * SS)

    # The inset: the same outline at a larger scale, framed.
    inset = Image.new("RGB", (INSET_W * SS, INSET_H * SS), OCEAN)
    draw_geography(ImageDraw.Draw(inset), INSET, line_scale=1.3)
    draw.rectangle((ix0 - 5 * SS, iy0 - 5 * SS, ix1 + 5 * SS, iy1 + 5 * SS), fill=WHITE)
    img.paste(inset, (ix0, iy0))
    draw.rectangle((ix0 - SS, iy0 - SS, ix1 + SS, iy1 + SS), outline=FRAME, width=3 * SS)

    # The places: the star, then the dots (so a near neighbour is never hidden under a point
    # of the star), the name over everything.
    where = {}
    for key, (_name, _state, lon, lat, _side) in PLACES.items():
        if in_inset(lon, lat):
            x, y = INSET(lon, lat)
            where[key] = (ix0 + x, iy0 + y, (ix0, iy0, ix1, iy1))
        else:
            x, y = MAIN(lon, lat)
            where[key] = (x, y, (0, 0, W * SS, H * SS))
    x, y, box = where[starred]
    draw_star(draw, x, y)
    for key, (px, py, _box) in where.items():
        if key != starred:
            draw_dot(draw, px, py)
    if named:
        name, state, _lon, _lat, side = PLACES[starred]
        others = [(px, py) for k, (px, py, _b) in where.items() if k != starred]
        draw_label(draw, x, y, side, name, state, box, others)

    return img.resize((W, H), Image.Resampling.LANCZOS)


def save_png(img, path):
    img.save(path, optimize=True)


# ---------------------------------------------------------------------------------------------
# The voices: short quotes from the encyclopedia seed text (001), read by eSpeak NG
# ---------------------------------------------------------------------------------------------

# file name: (what is said, a serial for the Ogg stream so the bytes never change)
VOICES = {
    # 001, Seasons 4-6: how the new vice president, Charles Miner, dismisses Jim's job.
    "voice-made-up": ("A made-up position.", 1001),
    # 001, Reception: the office worker an article on office-worker profiles identified Jim as
    # (the "while" is the encyclopedia's own, in brackets there).
    "voice-drifting": ("Drifting along in a job, while you put off asking yourself hard questions "
                       "about career plans.", 1002),
    # 001, Seasons 1-3: Pam in "The Job", on her history with Jim.
    "voice-timing": ("Never got the timing right.", 1003),
    # 001, Seasons 7-9: Jo Bennett about Jim, who had turned down the interim manager's job.
    "voice-turned-down": ("The only man who turned me down.", 1004),
}
MAX_SECONDS = 8.0


def make_voice(name, text, serial, tmp):
    wav = tmp / f"{name}.wav"
    subprocess.run(["espeak-ng", "-v", "en-us", "-s", "150", "-w", str(wav), text], check=True)
    with wave.open(str(wav)) as f:
        seconds = f.getnframes() / f.getframerate()
    if seconds > MAX_SECONDS:
        raise SystemExit(f"{name}: {seconds:.1f} s is longer than {MAX_SECONDS} s")
    ogg = OUT / f"{name}.ogg"
    subprocess.run(["oggenc", "-Q", "-q", "3", "--serial", str(serial), "-o", str(ogg), str(wav)],
                   check=True)
    wav.unlink()
    return seconds


def main():
    for tool in ("espeak-ng", "oggenc"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is needed: install it (apt-get install espeak-ng vorbis-tools)")
    OUT.mkdir(parents=True, exist_ok=True)
    for key in PLACES:
        save_png(render(key, named=False), OUT / f"map-{key}.png")
        save_png(render(key, named=True), OUT / f"map-{key}-named.png")
    with tempfile.TemporaryDirectory() as tmp:
        for name, (text, serial) in VOICES.items():
            seconds = make_voice(name, text, serial, Path(tmp))
            print(f"{name}.ogg: {seconds:.1f} s")
    for path in sorted(OUT.iterdir()):
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
