package io.assay.detect.eval;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.core.media.MediaType;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A labelled set of real and fake media, read from either
 * <ul>
 *   <li>a folder with the subfolders {@code real/} and {@code fake/} (or {@code authentic/} and {@code synthetic/}),
 *   searched recursively; hidden files are ignored and files that are not admissible media are skipped with a
 *   note; or</li>
 *   <li>a CSV file of {@code path,label} rows: label {@code real}/{@code fake} (also {@code authentic}/{@code
 *   synthetic}, {@code 0}/{@code 1}), paths relative to the CSV's folder or absolute, an optional header row (second
 *   column {@code label}, {@code class}, {@code truth} or {@code target}),
 *   {@code #} comments and blank lines ignored, double quotes around a field allowed. A bad row, a missing or
 *   unreadable file is an error naming its line.</li>
 * </ul>
 * Media kinds are sniffed from the content, never taken from file names.
 *
 * @param source the folder or CSV it was read from
 * @param items  the items, in a stable order (sorted paths for a folder, row order for a CSV)
 * @param notes  what was skipped and why
 */
public record Dataset(Path source, List<DatasetItem> items, List<String> notes) {

    /** Largest number of items read: bounds memory and run time of an evaluation. */
    public static final int MAX_ITEMS = 100_000;

    /** Second-column names that mark the first row as a header. */
    private static final java.util.Set<String> HEADER_LABELS = java.util.Set.of("label", "class", "truth", "target");

    public Dataset {
        Objects.requireNonNull(source, "source");
        items = List.copyOf(items);
        notes = List.copyOf(notes);
    }

    public static Dataset load(Path source) throws DatasetException {
        if (Files.isDirectory(source)) {
            return loadFolder(source);
        }
        if (Files.isRegularFile(source)) {
            return loadCsv(source);
        }
        throw new DatasetException("dataset not found: " + source + " (a folder with real/ and fake/, or a CSV of path,label)");
    }

    public long count(Label label) {
        return items.stream().filter(i -> i.label() == label).count();
    }

    /** Items per media kind, for the report. */
    public Map<MediaType.Kind, Long> kinds() {
        Map<MediaType.Kind, Long> m = new EnumMap<>(MediaType.Kind.class);
        items.forEach(i -> m.merge(i.kind(), 1L, Long::sum));
        return m;
    }

    private static Dataset loadFolder(Path dir) throws DatasetException {
        Path real = firstFolder(dir, "real", "authentic");
        Path fake = firstFolder(dir, "fake", "synthetic");
        if (real == null || fake == null) {
            throw new DatasetException("dataset folder " + dir + " needs the subfolders real/ and fake/ (or authentic/ and"
                    + " synthetic/); missing: " + (real == null ? "real/" : "") + (real == null && fake == null ? " and " : "")
                    + (fake == null ? "fake/" : ""));
        }
        List<DatasetItem> items = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        addFolder(dir, real, Label.REAL, items, notes);
        addFolder(dir, fake, Label.FAKE, items, notes);
        return checked(new Dataset(dir, items, notes));
    }

    private static Path firstFolder(Path dir, String... names) {
        for (String n : names) {
            if (Files.isDirectory(dir.resolve(n))) {
                return dir.resolve(n);
            }
        }
        return null;
    }

    private static void addFolder(Path root, Path folder, Label label, List<DatasetItem> items, List<String> notes)
            throws DatasetException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> !hidden(folder.relativize(p)))
                    .sorted()
                    .toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new DatasetException("cannot list " + folder + ": " + e.getMessage());
        }
        for (Path f : files) {
            String rel = root.relativize(f).toString();
            try {
                MediaAsset asset = MediaAsset.open(f, AssetLimits.DEFAULT);
                MediaType.Kind kind = asset.mediaType().kind();
                if (!isScorable(kind)) {
                    notes.add("skipped " + rel + ": " + asset.mediaType().mime() + " is not an image, audio or video");
                    continue;
                }
                add(items, new DatasetItem(f, label, kind, rel));
            } catch (AssetRejectedException e) {
                notes.add("skipped " + rel + ": " + e.getMessage());
            }
        }
    }

    /** A file or folder whose name starts with a dot (.DS_Store, .git): never part of a dataset. */
    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private static Dataset loadCsv(Path csv) throws DatasetException {
        Path base = csv.toAbsolutePath().getParent();
        List<DatasetItem> items = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            String line;
            int no = 0;
            boolean sawRow = false;
            while ((line = r.readLine()) != null) {
                no++;
                if (no == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank() || line.stripLeading().startsWith("#")) {
                    continue;
                }
                String where = csv.getFileName() + " line " + no;
                List<String> fields = splitCsv(line, where);
                if (fields.size() != 2) {
                    throw new DatasetException(where + ": expected 2 fields (path,label), found " + fields.size());
                }
                var label = Label.parse(fields.get(1));
                if (label.isEmpty()) {
                    if (!sawRow && HEADER_LABELS.contains(fields.get(1).strip().toLowerCase(Locale.ROOT))) {
                        sawRow = true; // the header row
                        continue;
                    }
                    throw new DatasetException(where + ": unknown label '" + fields.get(1).strip()
                            + "' (use real or fake, authentic or synthetic, 0 or 1)");
                }
                sawRow = true;
                String p = fields.get(0).strip();
                if (p.isEmpty()) {
                    throw new DatasetException(where + ": empty path");
                }
                Path file;
                try {
                    file = base.resolve(p).normalize();
                } catch (java.nio.file.InvalidPathException e) {
                    throw new DatasetException(where + ": invalid path '" + p + "'");
                }
                MediaAsset asset;
                try {
                    asset = MediaAsset.open(file, AssetLimits.DEFAULT);
                } catch (AssetRejectedException e) {
                    throw new DatasetException(where + ": " + p + ": " + e.getMessage());
                }
                MediaType.Kind kind = asset.mediaType().kind();
                if (!isScorable(kind)) {
                    throw new DatasetException(where + ": " + p + " is " + asset.mediaType().mime()
                            + ", not an image, audio or video");
                }
                add(items, new DatasetItem(file, label.get(), kind, where));
            }
        } catch (DatasetException e) {
            throw e;
        } catch (IOException e) {
            throw new DatasetException("cannot read " + csv + ": " + e.getMessage());
        }
        return checked(new Dataset(csv, items, List.of()));
    }

    private static void add(List<DatasetItem> items, DatasetItem item) throws DatasetException {
        if (items.size() >= MAX_ITEMS) {
            throw new DatasetException("dataset has more than " + MAX_ITEMS + " items; split it");
        }
        items.add(item);
    }

    private static boolean isScorable(MediaType.Kind kind) {
        return kind == MediaType.Kind.IMAGE || kind == MediaType.Kind.AUDIO || kind == MediaType.Kind.VIDEO;
    }

    private static Dataset checked(Dataset d) throws DatasetException {
        if (d.count(Label.REAL) == 0 || d.count(Label.FAKE) == 0) {
            throw new DatasetException("dataset " + d.source() + " needs both real and fake items; it has "
                    + d.count(Label.REAL) + " real and " + d.count(Label.FAKE) + " fake"
                    + (d.notes().isEmpty() ? "" : " (" + d.notes().size() + " files skipped, first: " + d.notes().getFirst() + ")"));
        }
        return d;
    }

    /** One CSV line into fields: commas separate, double quotes enclose a field, "" inside quotes is a quote. */
    static List<String> splitCsv(String line, String where) throws DatasetException {
        List<String> out = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        boolean wasQuoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    f.append(c);
                }
            } else if (c == ',') {
                out.add(f.toString());
                f.setLength(0);
                wasQuoted = false;
            } else if (c == '"' && f.toString().isBlank() && !wasQuoted) {
                f.setLength(0);
                quoted = true;
                wasQuoted = true;
            } else {
                f.append(c);
            }
        }
        if (quoted) {
            throw new DatasetException(where + ": unterminated quote");
        }
        out.add(f.toString());
        return out;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s (%d real, %d fake)", source, count(Label.REAL), count(Label.FAKE));
    }
}
