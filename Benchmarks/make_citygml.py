#!/usr/bin/env python3
"""Writes a large CityGML 1.0 file for the memory benchmark: the LoD2 house of
shared/fixtures/citygml/citygml4j_LOD2_Building_v100.gml repeated N times on a grid in EPSG:4547
(CGCS2000 / 3-degree Gauss-Kruger CM 114E) around Wuhan, each copy with its own gml:ids.

    make_citygml.py FIXTURE OUTPUT N
"""
import re
import sys


def main() -> None:
    fixture, output, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
    text = open(fixture, encoding="iso-8859-1").read()
    start = text.index("<core:cityObjectMember>")
    end = text.rindex("</core:cityObjectMember>") + len("</core:cityObjectMember>")
    head, member, tail = text[:start], text[start:end], text[end:]
    head = head.replace('srsDimension="3">', 'srsDimension="3" srsName="EPSG:4547">', 1)
    ids = re.compile(r'gml:id="([^"]+)"')
    poslist = re.compile(r"(<gml:posList[^>]*>)([^<]+)(</gml:posList>)")
    columns = 400
    with open(output, "w", encoding="iso-8859-1") as out:
        out.write(head)
        for n in range(count):
            x0 = 520000.0 + (n % columns) * 20.0
            y0 = 3370000.0 + (n // columns) * 30.0

            def shift(match: "re.Match[str]") -> str:
                values = [float(v) for v in match.group(2).split()]
                moved = []
                for i in range(0, len(values), 3):
                    # EPSG:4547's axis order is northing, easting.
                    moved += [values[i + 1] + y0, values[i] + x0, values[i + 2]]
                return match.group(1) + " ".join(f"{v:.3f}" for v in moved) + match.group(3)

            copy = ids.sub(lambda m: f'gml:id="{m.group(1)}_{n}"', member)
            out.write(poslist.sub(shift, copy))
            out.write("\n  ")
        out.write(tail)


if __name__ == "__main__":
    main()
