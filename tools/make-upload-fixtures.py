#!/usr/bin/env python3
"""Writes tests/fixtures/uploads/buurthuizen.pdf: a two-page letter we made up, in the shape
of a Kamerstuk (heading, addressee, date, paragraphs, signature), with plain PDF text
operators in Helvetica (WinAnsiEncoding, so `ë` and `é` are single bytes). Run from the
repository root: python3 tools/make-upload-fixtures.py"""

PAGES = [
    [
        "Tweede Kamer der Staten-Generaal",
        "Vergaderjaar 2024-2025",
        "36 600 VII Vaststelling van de begroting",
        "Nr. 12 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN",
        "",
        "Aan de Voorzitter van de Tweede Kamer der Staten-Generaal",
        "Den Haag, 3 maart 2025",
        "",
        "Met deze brief informeer ik uw Kamer over de buurthuizen in gemeenten",
        "en over de financiën die het Rijk daarvoor beschikbaar stelt.",
        "",
        "Een buurthuis is een plek waar bewoners elkaar ontmoeten, cursussen volgen",
        "en samen activiteiten organiseren. Vrijwilligers dragen het meeste werk.",
    ],
    [
        "Het Rijk stelt in 2025 twaalf miljoen euro beschikbaar voor de renovatie",
        "van buurthuizen. Gemeenten vragen dit geld aan voor hun eigen panden.",
        "",
        "Het café in het buurthuis blijft een zaak van de bewoners zelf.",
        "",
        "De Minister van Binnenlandse Zaken,",
        "J. de Vries",
    ],
]


def escape(line):
    out = []
    for ch in line:
        code = ord(ch.encode("cp1252")) if len(ch.encode("cp1252")) == 1 else None
        if ch in "()\\":
            out.append("\\" + ch)
        elif code is not None and code < 128:
            out.append(ch)
        else:
            out.append("\\%03o" % ch.encode("cp1252")[0])
    return "".join(out)


def content(lines):
    ops = ["BT", "/F1 11 Tf", "14 TL", "72 780 Td"]
    for line in lines:
        if line:
            ops.append("(%s) Tj" % escape(line))
        ops.append("T*")
    ops.append("ET")
    return "\n".join(ops).encode("latin-1")


def pdf(pages):
    objects = []
    kids = " ".join("%d 0 R" % (4 + 2 * i) for i in range(len(pages)))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    objects.append(("<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, len(pages))).encode())
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    for i, lines in enumerate(pages):
        stream = content(lines)
        objects.append(
            ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>"
             % (5 + 2 * i)).encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


if __name__ == "__main__":
    with open("tests/fixtures/uploads/buurthuizen.pdf", "wb") as f:
        f.write(pdf(PAGES))
