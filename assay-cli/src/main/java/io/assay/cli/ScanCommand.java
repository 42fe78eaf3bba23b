package io.assay.cli;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.core.scan.ScanContext;
import io.assay.core.scan.ScanPipeline;
import io.assay.core.scan.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code assay scan FILE...}: a verdict per file, as a table or one JSON object per line. A file that cannot be
 * scanned gets one error line and the others go on; the exit code is 1 when any file failed, 0 otherwise (labels
 * are results, not errors).
 */
@Command(name = "scan", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scan media files (or folders, recursively) and print a verdict for each.")
final class ScanCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders to scan.")
    List<Path> inputs;

    @Option(names = "--json", description = "One JSON verdict per line (errors as {\"file\":…,\"error\":…} lines).")
    boolean json;

    @Option(names = "--progress", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Show a progress bar on stderr when it is a terminal and there are several files (default: on).")
    boolean progress;

    @Option(names = "--threads", paramLabel = "N", description = "Files scanned at once (default: number of cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    ScanOptions options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Path> files = expand(inputs);
        AssetLimits limits = options.limits();
        ScanContext context = options.context();
        JsonMapper mapper = JsonMapper.builder().build();
        Progress bar = new Progress(err, files.size(), progress && files.size() > 1 && Progress.stderrIsTerminal());
        int[] failed = {0};
        Table table = json ? null : new Table(out);
        try (ScanPipeline pipeline = options.pipeline()) {
            InputOrder.forEach(files, threads, f -> scanOne(pipeline, f, limits, context),
                    t -> new Outcome(null, "internal", "could not scan: " + InputOrder.describe(t)), (file, o) -> {
                bar.clear();
                if (o.verdict() != null) {
                    if (json) {
                        out.println(mapper.writeValueAsString(o.verdict()));
                    } else {
                        table.row(o.verdict());
                    }
                } else {
                    failed[0]++;
                    if (json) {
                        Map<String, Object> line = new LinkedHashMap<>();
                        line.put("file", file.toString());
                        line.put("error", Map.of("type", o.errorType(), "detail", o.error()));
                        out.println(mapper.writeValueAsString(line));
                    } else {
                        err.println("assay: " + file + ": " + o.error());
                    }
                }
                out.flush();
                bar.advance();
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
        bar.clear();
        if (!json && files.size() > 1) {
            err.println((files.size() - failed[0]) + " scanned, " + failed[0] + " failed");
        }
        return failed[0] == 0 ? 0 : 1;
    }

    private static Outcome scanOne(ScanPipeline pipeline, Path file, AssetLimits limits, ScanContext context) {
        try {
            MediaAsset asset = MediaAsset.open(file, limits);
            return new Outcome(pipeline.scan(asset, context), null, null);
        } catch (AssetRejectedException e) {
            return new Outcome(null, e.reason().id(), e.getMessage());
        }
    }

    /** Folders are walked recursively in name order; hidden files are skipped. */
    static List<Path> expand(List<Path> inputs) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : inputs) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> walk = Files.walk(p)) {
                    walk.filter(Files::isRegularFile)
                            .filter(f -> !f.getFileName().toString().startsWith("."))
                            .sorted()
                            .forEach(files::add);
                }
            } else {
                files.add(p);
            }
        }
        return files;
    }

    private record Outcome(Verdict verdict, String errorType, String error) {
    }

    /** Fixed-width columns; the reason column is cut to keep one line per file. */
    private static final class Table {
        private final PrintWriter out;
        private boolean header;

        Table(PrintWriter out) {
            this.out = out;
        }

        void row(Verdict v) {
            if (!header) {
                out.printf("%-36s %-16s %-14s %-7s %-15s %s%n", "FILE", "TYPE", "LABEL", "RISK", "ACTION", "WHY");
                header = true;
            }
            String why = v.reasons().isEmpty() ? "" : v.reasons().getFirst();
            out.printf("%-36s %-16s %-14s %-7s %-15s %s%n", cut(v.asset().name(), 36), v.asset().mediaType().mime(),
                    v.label().id(), v.electionRisk().id(), v.action().id(), cut(why, 110));
            if (!v.failures().isEmpty()) {
                v.failures().forEach(f -> out.printf("%-36s   (analyzer %s failed: %s)%n", "", f.analyzer(), cut(f.message(), 100)));
            }
        }

        private static String cut(String s, int n) {
            return s.length() <= n ? s : s.substring(0, n - 1) + "…";
        }
    }
}
