package io.assay.hash.bank;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.hash.SignalType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Loads a bank from the file system, for the CLI and for deployments without a database. A bank is a directory
 * (named after it) or a single file:
 * <ul>
 *   <li>media files (images, audio, video) are hashed ({@link MediaSignals#computeForBank}); the entry's label is
 *   the file name;</li>
 *   <li>signal lists, files ending in {@code .tsv}: one entry per line, tab-separated
 *   {@code type signal [quality [label [reason [debunk-url [election [candidate]]]]]]}, {@code #} starts a comment.
 *   This is also what {@code assay hash --tsv} prints, so hashes can be banked without sharing the media.</li>
 * </ul>
 * Sub-directories are not read.
 */
public final class BankDirectory {

    private final MediaSignals signals;
    private final AssetLimits limits;
    private final AtomicLong nextId = new AtomicLong(1);

    public BankDirectory(MediaSignals signals, AssetLimits limits) {
        this.signals = signals;
        this.limits = limits;
    }

    /** Loads {@code path} as a bank named after it (file name without extension) into {@code into}. */
    public String load(Path path, SignalBank into, MatchThresholds thresholds) throws IOException {
        if (!Files.exists(path)) {
            throw new IOException("bank " + path + " does not exist");
        }
        String name = bankName(path);
        into.putBank(name, thresholds);
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
            }
            for (Path f : files) {
                loadFile(f, name, into);
            }
        } else {
            loadFile(path, name, into);
        }
        return name;
    }

    private void loadFile(Path f, String bank, SignalBank into) throws IOException {
        String fileName = f.getFileName().toString();
        if (fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".tsv")) {
            loadSignalList(f, bank, into);
            return;
        }
        if (fileName.equalsIgnoreCase("README.md") || fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".txt")) {
            return;
        }
        MediaAsset asset;
        try {
            asset = MediaAsset.open(f, limits);
        } catch (AssetRejectedException e) {
            throw new IOException("bank file " + f + ": " + e.getMessage(), e);
        }
        List<QuerySignal> computed = signals.computeForBank(asset);
        if (computed.isEmpty()) {
            throw new IOException("bank file " + f + ": no signal can be computed for " + asset.mediaType().mime());
        }
        for (QuerySignal s : computed) {
            int quality = s instanceof QuerySignal.Pdq p ? p.hash().quality() : 100;
            into.add(new BankEntry(nextId.getAndIncrement(), bank, s.type(), s.value(), quality,
                    new EntryContext(fileName, null, null, null, null, null, null)));
        }
    }

    private void loadSignalList(Path f, String bank, SignalBank into) throws IOException {
        List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            String[] c = line.split("\t", -1);
            try {
                if (c.length < 2) {
                    throw new IllegalArgumentException("need at least a type and a signal, tab-separated");
                }
                SignalType type = SignalType.parse(c[0]);
                int quality = c.length > 2 && !c[2].isBlank() ? Integer.parseInt(c[2].strip()) : 100;
                EntryContext ctx = new EntryContext(col(c, 3), col(c, 4), col(c, 5), col(c, 6), col(c, 7), null, null);
                into.add(new BankEntry(nextId.getAndIncrement(), bank, type, c[1].strip(), quality, ctx));
            } catch (IllegalArgumentException e) {
                throw new IOException(f + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
    }

    private static String col(String[] c, int i) {
        return c.length > i && !c[i].isBlank() ? c[i].strip() : null;
    }

    static String bankName(Path path) {
        Path fn = path.toAbsolutePath().normalize().getFileName();
        String n = fn == null ? "bank" : fn.toString();
        if (!Files.isDirectory(path) && n.contains(".")) {
            n = n.substring(0, n.lastIndexOf('.'));
        }
        n = n.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
        return n.isEmpty() ? "bank" : n.length() > 100 ? n.substring(0, 100) : n;
    }
}
