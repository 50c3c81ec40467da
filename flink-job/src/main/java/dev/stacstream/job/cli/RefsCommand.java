package dev.stacstream.job.cli;

import dev.stacstream.cog.CogFile;
import dev.stacstream.sinks.kerchunk.LocalManifestStore;
import dev.stacstream.sinks.kerchunk.ReferenceSet;
import dev.stacstream.sinks.kerchunk.item.AssetProblem;
import dev.stacstream.sinks.kerchunk.item.AssetSource;
import dev.stacstream.sinks.kerchunk.item.ChunkInliner;
import dev.stacstream.sinks.kerchunk.item.FileGroupNames;
import dev.stacstream.sinks.kerchunk.item.ItemInfo;
import dev.stacstream.sinks.kerchunk.item.ItemManifest;
import dev.stacstream.sinks.kerchunk.item.ItemManifestBuilder;
import dev.stacstream.sinks.kerchunk.item.RangeReaderChunkBytes;
import dev.stacstream.sinks.kerchunk.json.KerchunkJsonWriter;
import dev.stacstream.sinks.kerchunk.parquet.ParquetLayout;
import dev.stacstream.sinks.kerchunk.parquet.ParquetReferenceWriter;
import dev.stacstream.stac.model.Asset;
import dev.stacstream.stac.model.Hrefs;
import dev.stacstream.stac.model.StacFormatException;
import dev.stacstream.stac.model.StacItem;
import dev.stacstream.storage.ByteRange;
import dev.stacstream.storage.RangeReader;
import dev.stacstream.storage.RangeReaders;
import dev.stacstream.storage.StorageException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code stacstream refs (ITEM_JSON | URI...) --out PATH [--format json|parquet] [--record-size N]
 * [--inline-threshold N]}: kerchunk references ({@code docs/manifest-spec.md}) for one STAC item (a group per COG
 * asset) or for COG files (a group per file, named after it). Only headers are read, plus the chunks to inline.
 */
@Command(name = "refs", mixinStandardHelpOptions = true,
        description = "Write kerchunk references (zarr v2) to COGs: for a STAC item file (ITEM_JSON, a group per COG"
                + " asset) or for COG URIs (a group per file, named after it). Open them with xarray/zarr through"
                + " fsspec's reference:// file system. See docs/manifest-spec.md.")
final class RefsCommand implements Callable<Integer> {

    /** Largest STAC item document read (items are kilobytes; this guards against pointing at a COG). */
    private static final long MAX_ITEM_BYTES = 64L * 1024 * 1024;
    private static final String ITEM_SUFFIX = ".json";

    /** The two containers of spec §1. */
    enum Format { json, parquet }

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ITEM_JSON | URI",
            description = "One STAC item file (*.json), or one or more COGs: local paths, file://, http(s):// or s3:// URIs.")
    List<String> inputs;

    @Option(names = "--out", paramLabel = "PATH", required = true,
            description = "Output: a JSON file (json), or a folder that must not contain '.json' in its path (parquet).")
    Path out;

    @Option(names = "--format", paramLabel = "json|parquet", defaultValue = "json",
            description = "kerchunk JSON version 1, or kerchunk's Parquet references (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--record-size", paramLabel = "N", defaultValue = "" + ParquetLayout.DEFAULT_RECORD_SIZE,
            description = "References per Parquet record file (default: ${DEFAULT-VALUE}).")
    long recordSize;

    @Option(names = "--inline-threshold", paramLabel = "N", defaultValue = "0",
            description = "Store chunks smaller than N bytes in the references themselves (default: 0, none).")
    long inlineThreshold;

    @Override
    public Integer call() {
        validateOptions();
        boolean item = inputs.size() == 1 && inputs.get(0).toLowerCase(Locale.ROOT).endsWith(ITEM_SUFFIX);
        ChunkInliner inliner = inlineThreshold == 0 ? ChunkInliner.NONE
                : new ChunkInliner(inlineThreshold, RangeReaderChunkBytes.defaults());
        ItemManifest manifest = item ? itemManifest(inputs.get(0), inliner) : filesManifest(inliner);
        write(manifest.references());
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        for (AssetProblem problem : manifest.problems()) {
            stderr.println("stacstream refs: warning: " + problem.message());
        }
        stdout.printf("wrote %s (%s): %d group(s), %d chunk reference(s)%n", out, format == Format.json
                ? "kerchunk JSON v1" : "kerchunk Parquet, record size " + recordSize, manifest.groups().size(),
                manifest.references().chunkCount());
        return 0;
    }

    private void validateOptions() {
        if (inlineThreshold < 0) {
            throw new CliInputException("--inline-threshold " + inlineThreshold + " is negative");
        }
        if (recordSize <= 0 || recordSize > Integer.MAX_VALUE) {
            throw new CliInputException("--record-size " + recordSize + " is not a positive number of references");
        }
        if (format == Format.parquet && out.toString().contains(".json")) {
            throw new CliInputException("--out " + out + ": a Parquet reference folder must not have '.json' in its"
                    + " path (fsspec would read it as JSON)");
        }
    }

    private ItemManifest filesManifest(ChunkInliner inliner) {
        ItemManifestBuilder builder = ItemManifestBuilder.forFiles().inline(inliner);
        List<String> names = FileGroupNames.assign(inputs);
        for (int i = 0; i < inputs.size(); i++) {
            String uri = inputs.get(i);
            try (CogFile cog = open(uri)) {
                builder.add(AssetSource.of(names.get(i), referenceUrl(uri), cog));
            }
        }
        ItemManifest manifest = builder.build();
        if (!manifest.problems().isEmpty()) {
            AssetProblem first = manifest.problems().get(0);
            throw new CliInputException(first.href() + ": cannot be expressed as kerchunk references: " + first.reason());
        }
        return manifest;
    }

    private ItemManifest itemManifest(String uri, ChunkInliner inliner) {
        StacItem item = readItem(uri);
        List<Asset> cogs = new ArrayList<>();
        for (Asset asset : item.assets().values()) {
            if (asset.isGeoTiff()) {
                cogs.add(asset);
            }
        }
        if (cogs.isEmpty()) {
            throw new CliInputException(uri + ": STAC item '" + item.id() + "' has no GeoTIFF assets to reference");
        }
        ItemManifestBuilder builder = ItemManifestBuilder.forItem(ItemInfo.of(item)).inline(inliner);
        for (Asset asset : cogs) {
            try (CogFile cog = open(asset.resolvedHref())) {
                builder.add(AssetSource.of(asset, cog));
            }
        }
        ItemManifest manifest = builder.build();
        if (manifest.groups().isEmpty()) {
            throw new CliInputException(uri + ": no asset of STAC item '" + item.id() + "' can be expressed as kerchunk"
                    + " references: " + manifest.problems().get(0).message());
        }
        return manifest;
    }

    private static CogFile open(String uri) {
        try {
            return CogFile.open(uri);
        } catch (IllegalArgumentException e) {
            throw new CliInputException(uri + ": " + e.getMessage(), e);
        }
    }

    /** Plain local paths become absolute (references are read from anywhere); URIs stay as given. */
    private static String referenceUrl(String uri) {
        return Hrefs.isAbsolute(uri) ? uri : Path.of(uri).toAbsolutePath().normalize().toString();
    }

    private static StacItem readItem(String uri) {
        byte[] bytes;
        try (RangeReader reader = RangeReaders.open(uri)) {
            ByteBuffer buffer = reader.readAtMost(ByteRange.of(0, MAX_ITEM_BYTES + 1)).join();
            if (buffer.remaining() > MAX_ITEM_BYTES) {
                throw new CliInputException(uri + ": larger than the " + MAX_ITEM_BYTES + " bytes of a STAC item");
            }
            bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
        } catch (IllegalArgumentException e) {
            throw new CliInputException(uri + ": " + e.getMessage(), e);
        } catch (CompletionException e) {
            if (e.getCause() instanceof StorageException se) {
                throw se;
            }
            throw e;
        }
        try {
            return StacItem.fromJson(new String(bytes, StandardCharsets.UTF_8), uri)
                    .withSelfHref(Hrefs.locationOf(uri));
        } catch (StacFormatException e) {
            throw new CliInputException(e.getMessage(), e);
        }
    }

    private void write(ReferenceSet refs) {
        Path target = out.toAbsolutePath().normalize();
        try {
            if (format == Format.json) {
                if (Files.isDirectory(target)) {
                    throw new CliInputException("--out " + out + " is a folder; JSON references go to a file");
                }
                new LocalManifestStore(target.getParent()).write(target.getFileName().toString(),
                        KerchunkJsonWriter.toBytes(refs));
            } else {
                if (Files.isRegularFile(target)) {
                    throw new CliInputException("--out " + out + " is a file; Parquet references go to a folder");
                }
                ParquetReferenceWriter.write(refs, new LocalManifestStore(target), (int) recordSize);
            }
        } catch (UncheckedIOException e) {
            throw new CliInputException("--out " + out + ": " + e.getMessage() + " (" + e.getCause().getMessage() + ")", e);
        }
    }
}
