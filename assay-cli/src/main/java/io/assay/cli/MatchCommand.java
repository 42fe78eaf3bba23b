package io.assay.cli;

import io.assay.core.media.AssetLimits;
import io.assay.core.media.AssetRejectedException;
import io.assay.core.media.MediaAsset;
import io.assay.hash.bank.BankDirectory;
import io.assay.hash.bank.BankMatch;
import io.assay.hash.bank.MatchThresholds;
import io.assay.hash.bank.MediaSignals;
import io.assay.hash.bank.QuerySignal;
import io.assay.hash.bank.SignalBank;
import io.assay.hash.pdq.PdqHasher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code assay match --bank DIR_OR_URL FILE...}: looks files up in banks of known deepfakes. A folder bank is hashed
 * and matched here; for an Assay server's URL only the hashes are sent (to {@code POST /v1/match}, API key from
 * {@code ASSAY_API_KEY}), never the media.
 */
@Command(name = "match", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Look media files up in banks of known deepfakes: a folder (media and .tsv signal lists) or an Assay server URL.")
final class MatchCommand implements Callable<Integer> {

    @Option(names = "--bank", required = true, paramLabel = "DIR_OR_URL", description = "A bank folder or file, or http(s)://assay-server (repeatable).")
    List<String> banks;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files or folders (recursively).")
    List<Path> inputs;

    @Option(names = "--pdq-distance", paramLabel = "N", defaultValue = "31", description = "Largest PDQ distance (default: ${DEFAULT-VALUE}).")
    int pdqDistance;

    @Option(names = "--pdq-quality", paramLabel = "N", defaultValue = "50", description = "Smallest PDQ quality (default: ${DEFAULT-VALUE}).")
    int pdqQuality;

    @Option(names = "--json", description = "One JSON object per file.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        MediaSignals signals = new MediaSignals(new PdqHasher());
        MatchThresholds t = MatchThresholds.DEFAULTS.withPdq(pdqDistance, pdqQuality);
        SignalBank local = new SignalBank();
        List<URI> servers = new ArrayList<>();
        BankDirectory loader = new BankDirectory(signals, AssetLimits.DEFAULT);
        for (String b : banks) {
            if (b.startsWith("http://") || b.startsWith("https://")) {
                servers.add(URI.create(b.endsWith("/") ? b : b + "/"));
            } else {
                loader.load(Path.of(b), local, t);
            }
        }
        JsonMapper mapper = JsonMapper.builder().build();
        int failed = 0;
        for (Path f : ScanCommand.expand(inputs)) {
            try {
                MediaAsset asset = MediaAsset.open(f, AssetLimits.DEFAULT);
                List<QuerySignal> q = signals.compute(asset);
                if (q.isEmpty()) {
                    throw new IOException("no signal can be computed for " + asset.mediaType().mime());
                }
                List<Map<String, Object>> hits = new ArrayList<>();
                for (BankMatch m : local.match(q)) {
                    Map<String, Object> h = new LinkedHashMap<>();
                    h.put("bank", m.entry().bank());
                    h.put("entryId", m.entry().id());
                    h.put("signalType", m.entry().type().id());
                    h.put("score", m.score());
                    h.put("detail", m.detail());
                    h.put("label", m.entry().context().label());
                    hits.add(h);
                }
                for (URI server : servers) {
                    hits.addAll(remote(server, q, mapper));
                }
                if (json) {
                    Map<String, Object> line = new LinkedHashMap<>();
                    line.put("file", f.toString());
                    line.put("signals", q.stream().map(s -> Map.of("type", s.type().id(), "value", s.value())).toList());
                    line.put("matches", hits);
                    out.println(mapper.writeValueAsString(line));
                } else if (hits.isEmpty()) {
                    out.println(f + "\tno match");
                } else {
                    for (Map<String, Object> h : hits) {
                        out.println(f + "\t" + h.get("bank") + "\t#" + h.get("entryId") + "\t" + h.get("detail")
                                + (h.get("label") == null ? "" : "\t" + h.get("label")));
                    }
                }
            } catch (AssetRejectedException | IOException e) {
                failed++;
                err.println("assay: " + f + ": " + e.getMessage());
            }
            out.flush();
        }
        return failed == 0 ? 0 : 1;
    }

    private static List<Map<String, Object>> remote(URI server, List<QuerySignal> q, JsonMapper mapper) throws IOException {
        String key = System.getenv("ASSAY_API_KEY");
        if (key == null || key.isBlank()) {
            throw new IOException("matching against " + server + " needs an API key in ASSAY_API_KEY");
        }
        Map<String, Object> body = Map.of("signals", q.stream().map(s -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", s.type().id());
            m.put("value", s.value());
            if (s instanceof QuerySignal.Pdq p) {
                m.put("quality", p.hash().quality());
            }
            return m;
        }).toList());
        HttpRequest req = HttpRequest.newBuilder(server.resolve("v1/match")).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(body))).build();
        HttpResponse<String> resp;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build()) {
            resp = client.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        }
        if (resp.statusCode() != 200) {
            throw new IOException(server + " answered " + resp.statusCode() + ": " + resp.body().lines().findFirst().orElse(""));
        }
        List<Map<String, Object>> hits = new ArrayList<>();
        for (JsonNode m : mapper.readTree(resp.body()).path("matches")) {
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("bank", m.path("bank").asString());
            h.put("entryId", m.path("entryId").asLong());
            h.put("signalType", m.path("signalType").asString());
            h.put("score", m.path("score").asDouble());
            h.put("detail", m.path("detail").asString());
            h.put("label", m.path("label").isMissingNode() || m.path("label").isNull() ? null : m.path("label").asString());
            h.put("server", server.toString());
            hits.add(h);
        }
        return hits;
    }
}
