package io.assay.detect.eval;

import io.assay.detect.DetectorInfo;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.util.Locale;

/** The report as JSON, for dashboards and regression checks. Undefined figures are {@code null}. */
public final class JsonReport {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private JsonReport() {
    }

    public static String render(Evaluation e) {
        ObjectNode root = F.objectNode();
        root.put("dataset", e.dataset().toString());
        root.put("real", e.reals());
        root.put("fake", e.fakes());
        ObjectNode kinds = root.putObject("kinds");
        e.kinds().forEach(kinds::put);
        ObjectNode s = root.putObject("settings");
        s.put("bootstrap_rounds", e.settings().bootstrapRounds());
        s.put("seed", e.settings().seed());
        s.put("confidence", 0.95);
        s.put("detector_timeout_seconds", e.settings().detectorTimeout().toMillis() / 1000.0);
        ArrayNode conds = s.putArray("conditions");
        e.settings().conditions().forEach(c -> conds.add(c.id()));
        ArrayNode dets = root.putArray("detectors");
        for (DetectorInfo d : e.detectors()) {
            ObjectNode o = dets.addObject();
            o.put("id", d.id());
            o.put("name", d.name());
            o.put("version", d.version());
            ArrayNode k = o.putArray("kinds");
            d.kinds().stream().map(x -> x.name().toLowerCase(Locale.ROOT)).sorted().forEach(k::add);
            o.put("threshold_low", d.thresholds().low());
            o.put("threshold_high", d.thresholds().high());
            o.put("experimental", d.experimental());
        }
        if (e.ensemble() == null) {
            root.putNull("ensemble");
        } else {
            root.put("ensemble", e.ensemble());
        }
        ArrayNode rows = root.putArray("rows");
        for (RowMetrics m : e.rows()) {
            ObjectNode o = rows.addObject();
            o.put("row", m.row());
            o.put("condition", m.condition().id());
            o.put("items", m.items());
            o.put("applied", m.applied());
            o.put("fake", m.fakes());
            o.put("real", m.reals());
            put(o, "coverage", m.coverage());
            o.put("flagged_when", m.flagRule());
            estimate(o, "auc", m.auc());
            estimate(o, "eer", m.eer());
            estimate(o, "precision", m.precision());
            estimate(o, "recall", m.recall());
            put(o, "f1", m.f1());
            put(o, "accuracy", m.accuracy());
            put(o, "mean_millis", m.meanMillis());
            ObjectNode na = o.putObject("not_applicable");
            m.notApplicable().forEach(na::put);
            ArrayNode roc = o.putArray("roc");
            for (RocCurve.Point p : m.roc().points()) {
                ArrayNode pt = roc.addArray();
                if (Double.isInfinite(p.threshold())) {
                    pt.addNull();
                } else {
                    pt.add(p.threshold());
                }
                pt.add(p.fpr());
                pt.add(p.tpr());
            }
        }
        ArrayNode notes = root.putArray("notes");
        e.notes().forEach(notes::add);
        root.put("started", e.started().toString());
        root.put("seconds", e.seconds());
        ObjectNode cs = root.putObject("condition_seconds");
        e.conditionSeconds().forEach((c, v) -> cs.put(c.id(), v));
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void estimate(ObjectNode o, String name, Estimate x) {
        ObjectNode n = o.putObject(name);
        put(n, "value", x.value());
        put(n, "ci_low", x.lower());
        put(n, "ci_high", x.upper());
        n.put("bootstrap_rounds_defined", x.defined());
    }

    private static void put(ObjectNode o, String name, double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            o.putNull(name);
        } else {
            o.put(name, v);
        }
    }
}
