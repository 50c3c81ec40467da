"""Generates the stacstream TIFF variant matrix with GDAL.

Usage: tiff_matrix.py <plan.tsv> <results.tsv>, run in the directory that holds the plan's source files.

Each plan line is "<output name>\t<source>\t<gdal_translate arguments, space-separated>\t<overview factors
or ->". A line is the same as running
    gdal_translate <arguments> <source> <output name>
    gdaladdo -r nearest <output name> <factors...>        (when factors are given)
but done in one Python process (gdal.Translate / BuildOverviews take the same arguments) so the whole matrix
builds in seconds. A variant GDAL refuses, or that makes GDAL warn (e.g. an ignored creation option, which
would make the file's name lie), is deleted and reported as "refused" with GDAL's messages.
Lines starting with '#' are comments. Writes "<name>\tok\t" or "<name>\trefused\t<reason>" per variant.
"""
import os
import sys

from osgeo import gdal

gdal.UseExceptions()
gdal.SetConfigOption("GDAL_PAM_ENABLED", "NO")


def build(name, source, args, overviews):
    messages = []

    def collect(level, number, text):
        if level >= gdal.CE_Warning:
            messages.append(text.replace("\t", " ").replace("\n", " "))

    gdal.PushErrorHandler(collect)
    try:
        out = gdal.Translate(name, source, options=args.split(" "))
        out = None  # closing flushes the file
        if overviews != "-":
            ds = gdal.Open(name, gdal.GA_Update)
            ds.BuildOverviews("NEAREST", [int(f) for f in overviews.split(",")])
            ds = None
    except RuntimeError as e:
        messages.append(str(e).replace("\t", " ").replace("\n", " "))
    finally:
        gdal.PopErrorHandler()
    if messages and os.path.exists(name):
        os.remove(name)
    return "; ".join(messages)


def main(plan_path, results_path):
    with open(plan_path, encoding="utf-8") as plan, open(results_path + ".tmp", "w", encoding="utf-8") as results:
        for line in plan:
            if not line.strip() or line.startswith("#"):
                continue
            name, source, args, overviews = line.rstrip("\n").split("\t")
            problem = build(name, source, args, overviews)
            results.write("%s\t%s\t%s\n" % (name, "refused" if problem else "ok", problem))
    os.replace(results_path + ".tmp", results_path)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
