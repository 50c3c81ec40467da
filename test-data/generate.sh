#!/usr/bin/env bash
# Regenerates the small fixtures in test-data/ (needs GDAL >= 3.6 and Debian's /usr/bin/python3 with numpy and
# osgeo.gdal). See test-data/README.md.
# Deterministic: a fixed seed, so re-running gives identical pixels.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

/usr/bin/python3 "$HERE/generate_s2like.py" "$TMP"
gdal_translate -q -of COG -co COMPRESS=DEFLATE -co PREDICTOR=2 -co BLOCKSIZE=256 -co OVERVIEWS=AUTO \
  -co OVERVIEW_RESAMPLING=AVERAGE "$TMP/b04.tif" \
  "$HERE/cog/s2like_b04_uint16_deflate_pred2_tile256_1000x1000.tif"

# The static STAC catalog of conf/pipelines/local.yaml: Sentinel-2-like and Landsat-like COGs with their items.
rm -rf "$HERE/catalog"
/usr/bin/python3 "$HERE/catalog_generator/generate.py" "$HERE/catalog"

# The reference points of conf/pipelines/points.yaml (point extraction over the catalog above).
/usr/bin/python3 "$HERE/points_generator.py" "$HERE/points/points.geojson"

# The reference parcels of pixel extraction (extract.polygons) over the catalog above.
/usr/bin/python3 "$HERE/polygons_generator.py" "$HERE/polygons/parcels.geojson"
