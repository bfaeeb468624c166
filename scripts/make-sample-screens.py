#!/usr/bin/env python3
"""Draws the mock-UI screenshots used by SampleCaptures/ (deterministic: same script, same bytes).

Every screen is 640x400 and follows one layout grid, so the highlight rectangles in the sample captures can be
written by hand from these coordinates:

  sidebar item i   x=12  y=64+40*i  w=156 h=30        form field i   x=200 y=114+52*i w=280 h=28
  toolbar button   x=520 y=60       w=100 h=28        primary button x=500 y=352      w=120 h=32
  table row i      x=200 y=100+32*i w=420 h=26        secondary btn  x=370 y=352      w=120 h=32
  login field i    x=240 y=140+60*i w=160 h=28        login button   x=240 y=270      w=160 h=32
  dialog field i   x=180 y=152+52*i w=280 h=28        dialog button  x=340 y=262      w=120 h=32
  checkbox (field i drawn as a checkbox)  x=200 y=114+52*i w=20 h=20

Run: python3 scripts/make-sample-screens.py   (writes SampleCaptures/images/<capture>/<screen>.png)
"""
import pathlib
import struct
import zlib

W, H = 640, 400
ROOT = pathlib.Path(__file__).resolve().parents[1] / "SampleCaptures" / "images"

WHITE = (255, 255, 255)
PAGE = (246, 247, 249)
SIDEBAR = (230, 233, 238)
SIDEBAR_ON = (200, 210, 226)
TEXT = (70, 76, 88)
MUTED = (170, 176, 186)
BORDER = (190, 196, 206)
ROW_A = (255, 255, 255)
ROW_B = (238, 241, 245)
SHADE = (120, 124, 132)


class Canvas:
    def __init__(self):
        self.px = bytearray(bytes(PAGE) * (W * H))

    def rect(self, x, y, w, h, color):
        r, g, b = color
        for yy in range(max(0, y), min(H, y + h)):
            row = yy * W
            for xx in range(max(0, x), min(W, x + w)):
                i = (row + xx) * 3
                self.px[i:i + 3] = bytes((r, g, b))

    def box(self, x, y, w, h, fill, border=BORDER):
        self.rect(x, y, w, h, border)
        self.rect(x + 1, y + 1, w - 2, h - 2, fill)

    def png(self):
        raw = bytearray()
        for y in range(H):
            raw.append(0)
            raw += self.px[y * W * 3:(y + 1) * W * 3]

        def chunk(kind, data):
            body = kind + data
            return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(bytes(raw), 9)) + chunk(b"IEND", b""))


def chrome(c, accent, nav):
    c.rect(0, 0, W, 48, accent)
    c.rect(16, 16, 90, 16, WHITE)           # product name
    c.rect(560, 14, 20, 20, WHITE)          # avatar
    c.rect(0, 48, 180, H - 48, SIDEBAR)
    for i in range(6):
        c.rect(12, 64 + 40 * i, 156, 30, SIDEBAR_ON if i == nav else SIDEBAR)
        c.rect(24, 74 + 40 * i, 90 - 10 * (i % 3), 10, TEXT if i == nav else MUTED)


def form(c, accent, fields, toolbar=False, checkbox_at=None):
    c.rect(200, 64, 260, 20, TEXT)          # page heading
    if toolbar:
        c.rect(520, 60, 100, 28, accent)
    for i in range(fields):
        c.rect(200, 100 + 52 * i, 120, 10, MUTED)
        if checkbox_at == i:
            c.box(200, 114 + 52 * i, 20, 20, WHITE)
            c.rect(228, 119 + 52 * i, 200, 10, TEXT)
        else:
            c.box(200, 114 + 52 * i, 280, 28, WHITE)
    c.box(370, 352, 120, 32, WHITE)
    c.rect(500, 352, 120, 32, accent)


def table(c, accent, rows, toolbar=True):
    c.rect(200, 64, 220, 20, TEXT)
    if toolbar:
        c.rect(520, 60, 100, 28, accent)
    for i in range(rows):
        c.rect(200, 100 + 32 * i, 420, 26, ROW_A if i % 2 == 0 else ROW_B)
        c.rect(210, 108 + 32 * i, 120, 10, TEXT if i == 0 else MUTED)
        c.rect(360, 108 + 32 * i, 80, 10, MUTED)
        c.rect(520, 108 + 32 * i, 60, 10, MUTED)


def login(accent):
    c = Canvas()
    c.rect(0, 0, W, 48, accent)
    c.rect(16, 16, 90, 16, WHITE)
    c.box(220, 80, 200, 240, WHITE)
    c.rect(250, 100, 140, 16, TEXT)
    for i in range(2):
        c.rect(240, 128 + 60 * i, 80, 8, MUTED)
        c.box(240, 140 + 60 * i, 160, 28, WHITE)
    c.rect(240, 270, 160, 32, accent)
    return c


def screen(accent, nav, kind, **options):
    c = Canvas()
    chrome(c, accent, nav)
    if kind == "form":
        form(c, accent, **options)
    else:
        table(c, accent, **options)
    return c


def dialog(base):
    c = base
    for i in range(0, len(c.px), 3):          # dim the page behind the dialog
        c.px[i] = c.px[i] * 6 // 10
        c.px[i + 1] = c.px[i + 1] * 6 // 10
        c.px[i + 2] = c.px[i + 2] * 6 // 10
    c.box(160, 90, 320, 220, WHITE, SHADE)
    c.rect(180, 110, 180, 14, TEXT)
    for i in range(2):
        c.rect(180, 140 + 52 * i, 100, 8, MUTED)
        c.box(180, 152 + 52 * i, 280, 28, WHITE)
    c.rect(340, 262, 120, 32, (52, 120, 200))
    return c


EXPENSE = (31, 111, 139)
ACCOUNT = (76, 63, 145)
PEOPLE = (32, 128, 86)
HELP = (196, 98, 45)
LEDGER = (44, 62, 80)

SCREENS = {
    "submit-expense-report": {
        "01-reports-list": lambda: screen(EXPENSE, 1, "table", rows=6),
        "02-new-report": lambda: screen(EXPENSE, 1, "form", fields=4),
        "03-add-expense": lambda: dialog(screen(EXPENSE, 1, "form", fields=4)),
        "04-policy-confirmation": lambda: screen(EXPENSE, 1, "form", fields=5, checkbox_at=4),
        "05-submitted": lambda: screen(EXPENSE, 1, "table", rows=3),
    },
    "reset-password": {
        "01-sign-in": lambda: login(ACCOUNT),
        "02-reset-request": lambda: screen(ACCOUNT, 0, "form", fields=1),
        "03-verification-code": lambda: screen(ACCOUNT, 0, "form", fields=1),
        "04-new-password": lambda: screen(ACCOUNT, 0, "form", fields=3, checkbox_at=2),
    },
    "onboard-new-hire": {
        "01-employees": lambda: screen(PEOPLE, 2, "table", rows=7),
        "02-personal-details": lambda: screen(PEOPLE, 2, "form", fields=4),
        "03-job-details": lambda: screen(PEOPLE, 2, "form", fields=5),
        "04-payroll": lambda: screen(PEOPLE, 2, "form", fields=3, checkbox_at=2),
        "05-checklist": lambda: screen(PEOPLE, 2, "table", rows=5, toolbar=False),
    },
    "create-support-ticket": {
        "01-sign-in": lambda: login(HELP),
        "02-portal-home": lambda: screen(HELP, 0, "table", rows=4),
        "03-ticket-form": lambda: screen(HELP, 0, "form", fields=5),
        "04-ticket-created": lambda: screen(HELP, 1, "table", rows=2, toolbar=False),
    },
    "run-month-end-report": {
        "01-sign-in": lambda: login(LEDGER),
        "02-report-library": lambda: screen(LEDGER, 3, "table", rows=8),
        "03-report-parameters": lambda: screen(LEDGER, 3, "form", fields=4, checkbox_at=3),
        "04-report-results": lambda: screen(LEDGER, 3, "table", rows=8),
        "05-export": lambda: dialog(screen(LEDGER, 3, "table", rows=8)),
    },
}


def main():
    for capture, screens in SCREENS.items():
        folder = ROOT / capture
        folder.mkdir(parents=True, exist_ok=True)
        for name, draw in screens.items():
            (folder / f"{name}.png").write_bytes(draw().png())


if __name__ == "__main__":
    main()
