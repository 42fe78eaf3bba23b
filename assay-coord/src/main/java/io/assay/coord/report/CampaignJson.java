package io.assay.coord.report;

import io.assay.coord.detect.AccountNetwork;
import io.assay.coord.detect.CoordinationResult;
import io.assay.coord.detect.CoordinationSettings;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** campaigns.json: the settings, a summary of the network and every campaign. */
public final class CampaignJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CampaignJson() {
    }

    public static ObjectNode toJson(CoordinationResult r) {
        AccountNetwork net = r.network();
        CoordinationSettings s = net.settings();
        ObjectNode root = JSON.createObjectNode();
        ObjectNode settings = root.putObject("settings");
        settings.put("window_seconds", s.window().toMillis() / 1000.0);
        settings.put("min_participation", s.minParticipation());
        settings.put("edge_percentile", s.edgePercentile());
        settings.put("min_symmetry", s.minSymmetry());
        settings.put("significance", s.significance());
        settings.put("resolution", s.resolution());
        settings.put("seed", s.seed());
        ObjectNode summary = root.putObject("network");
        summary.put("shares", net.table().size());
        summary.put("accounts", net.table().accounts().size());
        summary.put("objects", net.table().objects().size());
        summary.put("pairs", net.pairs());
        summary.put("edges", net.edgeCount());
        summary.put("coordinated_edges", net.coordinatedEdges().size());
        if (!Double.isNaN(net.weightThreshold())) {
            summary.put("weight_threshold", net.weightThreshold());
        }
        ArrayNode campaigns = root.putArray("campaigns");
        for (Campaign c : r.campaigns()) {
            ObjectNode o = campaigns.addObject();
            o.put("id", c.id());
            ArrayNode accounts = o.putArray("accounts");
            c.accounts().forEach(accounts::add);
            ArrayNode objects = o.putArray("objects");
            c.objects().forEach(objects::add);
            o.put("shares", c.shares());
            o.put("first_share", c.firstShare() == null ? null : c.firstShare().toString());
            o.put("last_share", c.lastShare() == null ? null : c.lastShare().toString());
            ObjectNode labels = o.putObject("labels");
            new java.util.TreeMap<>(c.labels()).forEach(labels::put);
            o.put("edges", c.edges());
            o.put("weight", c.weight());
            o.put("mean_delta_seconds", c.meanDeltaSeconds());
        }
        return root;
    }

    public static void write(CoordinationResult r, Path file) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            JSON.writerWithDefaultPrettyPrinter().writeValue(out, toJson(r));
        }
    }
}
