package io.assay.server.console;

import io.assay.server.bank.BankRepository;
import io.assay.server.bank.EntryRecord;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stored verdict arranged for the result page: the label as a platform would show it, the election risk, and the
 * evidence by analyzer, each with its reason (the finding) and its particulars.
 */
public record VerdictView(String id, String fileName, String mediaType, long size, String sha256, String label,
                          Badge badge, String electionRisk, String action, String priority, List<String> reasons,
                          String scannedAt, String policy, Map<String, Object> context, List<Item> c2pa,
                          Map<String, Object> credentials, List<Item> metadata, List<Item> watermark,
                          List<Match> matches, List<Item> hashes, List<Vote> votes, List<Item> detect, List<Item> other,
                          List<String> failures) {

    /** The label as a platform would show it. */
    public record Badge(String text, String css, String detail) {
    }

    /** One piece of evidence: kind, finding, confidence, assurance, particulars. */
    public record Item(String source, String kind, String finding, double confidence, String assurance,
                       Map<String, Object> details) {
    }

    /** A bank match: the upload beside the banked entry, and the distance. */
    public record Match(Item evidence, String bank, String measure, Object score, EntryRecord entry) {
    }

    /** One detector's vote. */
    public record Vote(String detector, Object score, boolean counted, String why) {
    }

    @SuppressWarnings("unchecked")
    public static VerdictView of(Map<String, Object> v, BankRepository banks) {
        Map<String, Object> asset = map(v.get("asset"));
        String label = str(v.get("label"));
        List<Item> c2pa = new ArrayList<>(), metadata = new ArrayList<>(), watermark = new ArrayList<>(),
                detect = new ArrayList<>(), other = new ArrayList<>();
        List<Match> matches = new ArrayList<>();
        List<Item> hashes = new ArrayList<>();
        List<Vote> votes = new ArrayList<>();
        Map<String, Object> credentials = null;
        for (Object o : list(v.get("evidence"))) {
            Map<String, Object> e = map(o);
            Item item = new Item(str(e.get("source")), str(e.get("kind")), str(e.get("finding")),
                    e.get("confidence") instanceof Number n ? n.doubleValue() : 0, str(e.get("assurance")), map(e.get("details")));
            switch (item.source()) {
                case "c2pa" -> {
                    c2pa.add(item);
                    if (item.details().containsKey("validationState") && credentials == null) {
                        credentials = item.details();
                    }
                }
                case "metadata" -> metadata.add(item);
                case "watermark" -> watermark.add(item);
                case "known-deepfake" -> {
                    Map<String, Object> d = item.details();
                    if (!"match".equals(item.kind())) {
                        hashes.add(item); // the signals computed for the lookup
                        continue;
                    }
                    EntryRecord entry = d.get("entryId") instanceof Number id ? banks.entry(id.longValue()).orElse(null) : null;
                    matches.add(new Match(item, str(d.get("bank")), str(d.get("measure")), number(d.get("score")), entry));
                }
                case "detect" -> {
                    detect.add(item);
                    for (Map.Entry<String, Object> d : map(item.details().get("detectors")).entrySet()) {
                        Map<String, Object> vote = map(d.getValue());
                        votes.add(new Vote(d.getKey(), vote.get("score"), Boolean.TRUE.equals(vote.get("counted")),
                                str(vote.get("whyNotCounted"))));
                    }
                }
                default -> {
                    if (!"identity".equals(item.kind())) {
                        other.add(item);
                    }
                }
            }
        }
        List<String> failures = new ArrayList<>();
        for (Object o : list(v.get("failures"))) {
            Map<String, Object> f = map(o);
            failures.add(str(f.get("analyzer")) + ": " + str(f.get("message")));
        }
        return new VerdictView(str(v.get("id")), str(asset.get("name")), str(asset.get("mediaType")),
                asset.get("size") instanceof Number n ? n.longValue() : 0, str(asset.get("sha256")), label,
                badge(label, matches), str(v.get("electionRisk")), str(v.get("action")), str(v.get("priority")),
                (List<String>) (List<?>) list(v.get("reasons")), str(v.get("scannedAt")), str(v.get("policy")),
                map(v.get("context")), c2pa, credentials, metadata, watermark, matches, hashes, votes, detect, other, failures);
    }

    /** The badge a platform would show for the label (the wording major platforms use). */
    static Badge badge(String label, List<Match> matches) {
        return switch (label == null ? "none" : label) {
            case "ai-generated" -> new Badge("AI-generated", "badge-ai", "Made or generated with AI, as its own Content Credentials or metadata declare.");
            case "ai-edited" -> new Badge("AI info", "badge-info", "Edited with AI tools: parts may be generated or changed.");
            case "likely-ai" -> new Badge("AI info", "badge-info", "Detectors find it likely made with AI; nothing in the file declares it.");
            case "known-deepfake" -> new Badge("Known deepfake - debunked by " + debunker(matches), "badge-fake",
                    "A copy of media that fact-checkers debunked.");
            default -> new Badge("No label", "badge-none", "Nothing found calls for a label.");
        };
    }

    private static String debunker(List<Match> matches) {
        for (Match m : matches) {
            Map<String, Object> d = m.evidence().details();
            Optional<String> host = Optional.ofNullable(str(d.get("debunkUrl"))).flatMap(VerdictView::host);
            if (host.isPresent()) {
                return host.get();
            }
            if (d.get("addedBy") != null) {
                return str(d.get("addedBy"));
            }
            if (m.bank() != null) {
                return "bank " + m.bank();
            }
        }
        return "a fact-checker";
    }

    private static Optional<String> host(String url) {
        try {
            return Optional.ofNullable(URI.create(url).getHost()).map(h -> h.startsWith("www.") ? h.substring(4) : h);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
    }

    static List<Object> list(Object o) {
        return o instanceof List<?> l ? new ArrayList<>(l) : new ArrayList<>();
    }

    /** A score as people write it: 6 rather than 6.0, at most four decimals. */
    static Object number(Object o) {
        if (o instanceof Number n) {
            double v = n.doubleValue();
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? (Object) (long) v
                    : new java.math.BigDecimal(v).setScale(4, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        return o;
    }

    static String str(Object o) {
        return o == null ? null : o.toString();
    }
}
