#!/usr/bin/env python3
"""GLB baseline: extrude every building footprint by its height with trimesh, as a bureau would script it.

Reads a GeoJSON FeatureCollection (with or without the legacy `crs` member; without it, WGS 84), projects
every coordinate to local metres around the data's centre with pyproj (an azimuthal equidistant projection,
as a 3D viewer's local frame), extrudes each polygon with trimesh.creation.extrude_polygon by its `height`
(or `levels` x 3 m, or 10 m), concatenates the meshes and writes one binary glTF (GLB).

Usage: trimesh_extrude.py INPUT.geojson OUTPUT.glb
Prints one line: features read, meshes written, triangles.
"""

import json
import sys

import numpy as np
import pyproj
import shapely.geometry
import trimesh

STOREY = 3.0
DEFAULT_HEIGHT = 10.0


def source_crs(collection):
    name = (collection.get("crs") or {}).get("properties", {}).get("name")
    return pyproj.CRS.from_user_input(name) if name else pyproj.CRS.from_epsg(4326)


def height_of(properties):
    height = properties.get("height")
    if isinstance(height, (int, float)) and height > 0:
        return float(height)
    levels = properties.get("levels")
    if isinstance(levels, (int, float)) and levels > 0:
        return float(levels) * STOREY
    return DEFAULT_HEIGHT


def polygons_of(geometry):
    if geometry is None:
        return []
    if geometry["type"] == "Polygon":
        return [geometry["coordinates"]]
    if geometry["type"] == "MultiPolygon":
        return geometry["coordinates"]
    return []


def main(source, target):
    with open(source, encoding="utf-8") as handle:
        collection = json.load(handle)
    features = collection["features"]
    crs = source_crs(collection)

    # The local frame: centred on the middle of the data, in metres.
    to_wgs84 = pyproj.Transformer.from_crs(crs, "EPSG:4326", always_xy=True)
    xs, ys = [], []
    for feature in features:
        for rings in polygons_of(feature["geometry"]):
            xs.extend(p[0] for p in rings[0])
            ys.extend(p[1] for p in rings[0])
    lon, lat = to_wgs84.transform((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    local = pyproj.CRS.from_proj4(f"+proj=aeqd +lat_0={lat} +lon_0={lon} +ellps=WGS84 +units=m")
    to_local = pyproj.Transformer.from_crs(crs, local, always_xy=True)

    meshes = []
    for feature in features:
        height = height_of(feature.get("properties") or {})
        for rings in polygons_of(feature["geometry"]):
            projected = []
            for ring in rings:
                array = np.asarray(ring, dtype=float)[:, :2]
                x, y = to_local.transform(array[:, 0], array[:, 1])
                projected.append(np.column_stack([x, y]))
            polygon = shapely.geometry.Polygon(projected[0], projected[1:])
            if not polygon.is_valid or polygon.area <= 0:
                continue
            meshes.append(trimesh.creation.extrude_polygon(polygon, height))

    scene_mesh = trimesh.util.concatenate(meshes)
    scene_mesh.export(target, file_type="glb")
    print(f"features {len(features)} meshes {len(meshes)} triangles {len(scene_mesh.faces)}")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
