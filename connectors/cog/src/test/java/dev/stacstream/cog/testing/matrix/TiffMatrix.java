package dev.stacstream.cog.testing.matrix;

import dev.stacstream.cog.testing.PythonGdal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The generated matrix of TIFF variants ({@link MatrixDesign}), written by GDAL into
 * {@value #DEFAULT_DIR} (or system property {@value #DIR_PROPERTY}).
 *
 * <p>The directory is reused when its {@code plan.tsv} (every variant's exact GDAL arguments, the source
 * pattern version and the GDAL version) equals the current plan; otherwise it is emptied and regenerated,
 * by one Python process running {@code tiff_matrix.py}. Variants GDAL refuses are reported in
 * {@link #refusals()}, never silently dropped.
 */
public final class TiffMatrix {

    /** System property overriding the matrix directory. */
    public static final String DIR_PROPERTY = "stacstream.matrix.dir";
    /** Matrix directory relative to the module directory (surefire's working directory). */
    public static final String DEFAULT_DIR = "target/tiff-matrix";

    private static final String PLAN = "plan.tsv";
    private static final String RESULTS = "results.tsv";
    private static final String GENERATOR = "tiff_matrix.py";
    private static final String OK = "ok";
    private static final long GENERATION_TIMEOUT_MINUTES = 10;

    private static TiffMatrix shared;

    private final List<MatrixFile> files;
    private final List<Refusal> refusals;

    /** A generated variant. */
    public record MatrixFile(MatrixVariant variant, Path path) {
        @Override
        public String toString() {
            return variant.fileName();
        }
    }

    /** A variant GDAL would not write, with GDAL's reason. */
    public record Refusal(MatrixVariant variant, String reason) {}

    private TiffMatrix(List<MatrixFile> files, List<Refusal> refusals) {
        this.files = List.copyOf(files);
        this.refusals = List.copyOf(refusals);
    }

    /** The matrix of {@link MatrixDesign#variants()}, generated at most once per JVM; skips/fails without GDAL. */
    public static synchronized TiffMatrix shared() {
        PythonGdal.require();
        if (shared == null) {
            shared = generate(Paths.get(System.getProperty(DIR_PROPERTY, DEFAULT_DIR)).toAbsolutePath(), MatrixDesign.variants());
        }
        return shared;
    }

    /** Generates {@code variants} into {@code dir}, or reuses what an identical earlier plan generated there. */
    public static TiffMatrix generate(Path dir, List<MatrixVariant> variants) {
        String plan = plan(variants);
        try {
            Path planFile = dir.resolve(PLAN);
            Path resultsFile = dir.resolve(RESULTS);
            boolean reusable = Files.exists(resultsFile) && Files.exists(planFile)
                    && Files.readString(planFile, StandardCharsets.UTF_8).equals(plan);
            if (!reusable) {
                regenerate(dir, variants, plan);
            }
            return load(dir, variants, Files.readAllLines(resultsFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot generate the TIFF matrix in " + dir, e);
        }
    }

    /** The files GDAL wrote, in design order. */
    public List<MatrixFile> files() {
        return files;
    }

    /** The variants GDAL refused. */
    public List<Refusal> refusals() {
        return refusals;
    }

    /** One line per variant: name, source, gdal_translate arguments, overview factors ("-" for none). */
    static String plan(List<MatrixVariant> variants) {
        StringBuilder plan = new StringBuilder()
                .append("# stacstream TIFF matrix: gdal ").append(PythonGdal.gdalVersion())
                .append(", source pattern v").append(MatrixSource.PATTERN_VERSION)
                .append(", ").append(MatrixSource.WIDTH).append("x").append(MatrixSource.HEIGHT).append('\n')
                .append("# name\tsource\tgdal_translate arguments\tgdaladdo -r nearest factors\n");
        for (MatrixVariant v : variants) {
            String factors = v.overviewFactors().isEmpty() ? "-"
                    : v.overviewFactors().stream().map(String::valueOf).collect(Collectors.joining(","));
            plan.append(v.fileName()).append('\t').append(v.sourceName()).append('\t')
                    .append(String.join(" ", v.translateArguments())).append('\t').append(factors).append('\n');
        }
        return plan.toString();
    }

    private static void regenerate(Path dir, List<MatrixVariant> variants, String plan) throws IOException {
        deleteRecursively(dir);
        Files.createDirectories(dir);
        Set<String> sources = new LinkedHashSet<>();
        for (MatrixVariant v : variants) {
            if (sources.add(v.sourceName())) {
                MatrixSource.write(dir, v.dataType(), v.bands().count(), v.sparse());
            }
        }
        // The plan is written under its final name only after GDAL finished, so an interrupted run regenerates.
        Path pending = dir.resolve(PLAN + ".pending");
        Files.writeString(pending, plan, StandardCharsets.UTF_8);
        Path script = PythonGdal.script(GENERATOR, dir);
        Process process = new ProcessBuilder(PythonGdal.python(), script.toString(), pending.getFileName().toString(), RESULTS)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("generate.log").toFile())
                .start();
        try {
            if (!process.waitFor(GENERATION_TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException("GDAL did not finish the TIFF matrix within " + GENERATION_TIMEOUT_MINUTES
                        + " minutes; see " + dir.resolve("generate.log"));
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating the TIFF matrix in " + dir, e);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException("generating the TIFF matrix failed (exit " + process.exitValue() + "); see "
                    + dir.resolve("generate.log"));
        }
        Files.move(pending, dir.resolve(PLAN));
    }

    private static TiffMatrix load(Path dir, List<MatrixVariant> variants, List<String> resultLines) {
        Map<String, String[]> results = new LinkedHashMap<>();
        for (String line : resultLines) {
            String[] fields = line.split("\t", -1);
            results.put(fields[0], fields);
        }
        List<MatrixFile> files = new ArrayList<>();
        List<Refusal> refusals = new ArrayList<>();
        for (MatrixVariant v : variants) {
            String[] result = results.get(v.fileName());
            if (result == null) {
                throw new IllegalStateException("the generator left no result for " + v.fileName() + " in " + dir.resolve(RESULTS));
            }
            if (result[1].equals(OK)) {
                files.add(new MatrixFile(v, dir.resolve(v.fileName())));
            } else {
                refusals.add(new Refusal(v, result[2]));
            }
        }
        return new TiffMatrix(files, refusals);
    }

    /** Empties a matrix directory; refuses a non-empty directory that holds no plan, to survive a mistyped property. */
    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        boolean matrixDir = Stream.of(PLAN, PLAN + ".pending", RESULTS).anyMatch(name -> Files.exists(dir.resolve(name)));
        try (Stream<Path> entries = Files.list(dir)) {
            if (!matrixDir && entries.findAny().isPresent()) {
                throw new IllegalStateException("refusing to empty " + dir + ": it is not empty and holds no TIFF matrix plan");
            }
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
