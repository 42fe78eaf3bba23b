package io.assay.detect.eval;

import io.assay.detect.DetectorInfo;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report as Markdown: a summary of AUC per condition, then one full table per condition. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(Evaluation e) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Detector evaluation\n\n");
        sb.append(String.format(Locale.ROOT, "Dataset: `%s`: %d real, %d fake (%s).%n", e.dataset(), e.reals(), e.fakes(),
                kinds(e.kinds())));
        sb.append(String.format(Locale.ROOT, "Bootstrap: %d stratified rounds, seed %d, 95 %% percentile intervals. "
                        + "Detector timeout %s s. Run time %.1f s.%n%n", e.settings().bootstrapRounds(), e.settings().seed(),
                java.math.BigDecimal.valueOf(e.settings().detectorTimeout().toMillis(), 3).stripTrailingZeros().toPlainString(),
                e.seconds()));
        sb.append("These figures describe this dataset only. They are not accuracy claims: see the assay-detect README (Evaluation) for the public "
                + "benchmarks to run.\n\n");
        sb.append("## Detectors\n\n| id | name | version | kinds | thresholds (low / high) | experimental |\n|---|---|---|---|---|---|\n");
        for (DetectorInfo d : e.detectors()) {
            sb.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %.2f / %.2f | %s |%n", d.id(), cell(d.name()),
                    cell(d.version()), d.kinds().stream().map(k -> k.name().toLowerCase(Locale.ROOT)).sorted().toList(),
                    d.thresholds().low(), d.thresholds().high(), d.experimental() ? "yes" : "no"));
        }
        sb.append(e.ensemble() == null ? "\nNo ensemble: no ensemble row.\n" : "\nEnsemble: `" + e.ensemble() + "`, row `"
                + Evaluation.ENSEMBLE_ROW + "` (its combined score; flagged = outcome synthetic).\n");

        List<Condition> conditions = e.conditions();
        sb.append("\n## AUC by condition\n\n| row |");
        conditions.forEach(c -> sb.append(' ').append(c.id()).append(" |"));
        sb.append("\n|---|");
        conditions.forEach(c -> sb.append("---|"));
        sb.append('\n');
        for (String row : rowIds(e)) {
            sb.append("| ").append(row).append(" |");
            for (Condition c : conditions) {
                RowMetrics m = e.rows(c).stream().filter(r -> r.row().equals(row)).findFirst().orElse(null);
                sb.append(' ').append(m == null ? "-" : withCi(m.auc())).append(" |");
            }
            sb.append('\n');
        }

        for (Condition c : conditions) {
            List<RowMetrics> rows = e.rows(c);
            sb.append(String.format(Locale.ROOT, "%n## %s: %s (%d items, %.1f s)%n%n", c.id(), c.description(),
                    rows.getFirst().items(), e.conditionSeconds().getOrDefault(c, Double.NaN)));
            sb.append("| row | n (fake/real) | coverage | AUC [95% CI] | EER [95% CI] | flagged when | precision [95% CI] "
                    + "| recall [95% CI] | F1 | accuracy | ms/item |\n");
            sb.append("|---|---|---|---|---|---|---|---|---|---|---|\n");
            for (RowMetrics m : rows) {
                sb.append(String.format(Locale.ROOT, "| %s | %d (%d/%d) | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n",
                        m.row(), m.applied(), m.fakes(), m.reals(), pct(m.coverage()), withCi(m.auc()), withCi(m.eer()),
                        m.flagRule(), withCi(m.precision()), withCi(m.recall()), num(m.f1()), num(m.accuracy()),
                        m.isEnsemble() || Double.isNaN(m.meanMillis()) ? "-" : String.format(Locale.ROOT, "%.1f", m.meanMillis())));
            }
            for (RowMetrics m : rows) {
                for (Map.Entry<String, Integer> r : m.notApplicable().entrySet()) {
                    sb.append(String.format(Locale.ROOT, "%n- %s did not apply to %d item(s): %s", m.row(), r.getValue(),
                            r.getKey()));
                }
            }
            if (rows.stream().anyMatch(m -> !m.notApplicable().isEmpty())) {
                sb.append('\n');
            }
            sb.append(String.format(Locale.ROOT, "%nROC curves: `roc-%s.png`.%n", c.id()));
        }
        if (!e.notes().isEmpty()) {
            sb.append("\n## Notes\n\n");
            e.notes().forEach(n -> sb.append("- ").append(n).append('\n'));
        }
        return sb.toString();
    }

    static List<String> rowIds(Evaluation e) {
        List<String> ids = new java.util.ArrayList<>(e.detectors().stream().map(DetectorInfo::id).toList());
        if (e.ensemble() != null) {
            ids.add(Evaluation.ENSEMBLE_ROW);
        }
        return ids;
    }

    /** {@code 0.912 [0.861, 0.957]}, {@code n/a} when undefined. */
    static String withCi(Estimate x) {
        if (!x.isDefined()) {
            return "n/a";
        }
        if (Double.isNaN(x.lower())) {
            return num(x.value());
        }
        return num(x.value()) + " [" + num(x.lower()) + ", " + num(x.upper()) + "]";
    }

    static String num(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.0f %%", 100 * v);
    }

    private static String kinds(Map<String, Long> kinds) {
        return kinds.entrySet().stream().map(k -> k.getValue() + " " + k.getKey())
                .collect(java.util.stream.Collectors.joining(", "));
    }

    private static String cell(String s) {
        return s.replace("|", "\\|").replace('\n', ' ');
    }
}
