package io.assay.core.policy;

import io.assay.core.evidence.DetectionDetails;
import io.assay.core.evidence.Evidence;
import io.assay.core.evidence.EvidenceKind;
import io.assay.core.scan.ScanContext;

import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The one place where evidence becomes a label, an election risk and a recommended action. Precedence, highest
 * first:
 * <ol>
 *   <li>a match against a bank of debunked media: {@code known-deepfake};</li>
 *   <li>a declaration of AI origin with at least {@code minimumAssuranceForAi}: the label its digital source type
 *       maps to ({@code ai-generated} before {@code ai-edited}); conflicting capture claims are cited;</li>
 *   <li>a detector score at or above the threshold, or a detector ensemble whose outcome is {@code synthetic}
 *       (see {@link DetectionDetails}): {@code likely-ai}, unless a capture declaration with at least
 *       {@code minimumAssuranceForCapture} overrules it, in which case the label is {@code none} and the file goes
 *       to review;</li>
 *   <li>a detector ensemble whose outcome is {@code uncertain}: {@code none}, sent to review, unless such a capture
 *       declaration vouches for the file;</li>
 *   <li>otherwise {@code none} (an ensemble outcome of {@code authentic} or {@code not-applicable} changes
 *       nothing).</li>
 * </ol>
 * Among declarations of the same label the most strongly bound one is cited first.
 */
public final class LabelPolicy {

    private final PolicyConfig config;
    private final Clock clock;

    public LabelPolicy(PolicyConfig config) {
        this(config, Clock.systemUTC());
    }

    public LabelPolicy(PolicyConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public PolicyConfig config() {
        return config;
    }

    public Decision decide(List<Evidence> evidence, ScanContext context) {
        Optional<Evidence> reviewed = evidence.stream().filter(e -> e.kind() == EvidenceKind.DECISION).findFirst();
        if (reviewed.isPresent()) {
            return reviewed(reviewed.get(), evidence, context);
        }
        List<String> reasons = new ArrayList<>();
        Label label = Label.NONE;
        String sourceType = null;
        boolean forceReview = false;

        List<Evidence> matches = evidence.stream().filter(e -> e.kind() == EvidenceKind.MATCH).toList();
        List<Evidence> aiDeclarations = evidence.stream()
                .filter(e -> e.kind() == EvidenceKind.DECLARATION)
                .filter(e -> labelOf(e) != Label.NONE)
                .sorted(Comparator.comparingInt((Evidence e) -> rank(labelOf(e))).reversed()
                        .thenComparing(Comparator.comparing(Evidence::assurance).reversed())
                        .thenComparing(Comparator.comparingDouble(Evidence::confidence).reversed()))
                .toList();
        List<Evidence> countedAi = aiDeclarations.stream()
                .filter(e -> e.assurance().compareTo(config.minimumAssuranceForAi()) >= 0).toList();
        List<Evidence> captureDeclarations = evidence.stream()
                .filter(e -> e.kind() == EvidenceKind.DECLARATION && e.sourceType().isPresent() && labelOf(e) == Label.NONE)
                .sorted(Comparator.comparing(Evidence::assurance).reversed())
                .toList();
        // Plain detector scores count from the threshold; an ensemble counts by its outcome, which already
        // weighed each detector against its own calibrated thresholds.
        List<Evidence> detections = evidence.stream()
                .filter(e -> e.kind() == EvidenceKind.DETECTION)
                .filter(e -> DetectionDetails.isEnsemble(e)
                        ? DetectionDetails.outcome(e).orElse(null) == DetectionDetails.Outcome.SYNTHETIC
                        : e.confidence() >= config.likelyAiThreshold())
                .sorted(Comparator.comparingDouble(Evidence::confidence).reversed())
                .toList();
        List<Evidence> uncertain = evidence.stream()
                .filter(e -> DetectionDetails.outcome(e).orElse(null) == DetectionDetails.Outcome.UNCERTAIN)
                .toList();
        Optional<Evidence> strongCapture = captureDeclarations.stream()
                .filter(c -> c.assurance().compareTo(config.minimumAssuranceForCapture()) >= 0).findFirst();

        if (!matches.isEmpty()) {
            label = Label.KNOWN_DEEPFAKE;
            for (Evidence m : matches) {
                reasons.add("known-deepfake: " + m.finding());
            }
            sourceType = countedAi.isEmpty() ? null : countedAi.getFirst().digitalSourceType();
        } else if (!countedAi.isEmpty()) {
            Evidence top = countedAi.getFirst();
            label = labelOf(top);
            sourceType = top.digitalSourceType();
            for (Evidence e : countedAi) {
                reasons.add(labelOf(e).id() + ": " + e.finding() + " [" + e.source() + ", " + e.assurance().id() + "]");
            }
            for (Evidence c : captureDeclarations) {
                reasons.add("conflicting declaration, outweighed by the AI disclosure: " + c.finding()
                        + " [" + c.source() + ", " + c.assurance().id() + "]");
            }
        } else if (!detections.isEmpty()) {
            Evidence top = detections.getFirst();
            Optional<Evidence> overruling = strongCapture;
            if (overruling.isPresent()) {
                sourceType = overruling.get().digitalSourceType();
                forceReview = true;
                reasons.add("none: " + overruling.get().finding() + " [" + overruling.get().source() + ", "
                        + overruling.get().assurance().id() + "]");
                reasons.add("detector disagrees, sent to review: " + top.finding() + " (score "
                        + String.format(Locale.ROOT, "%.2f", top.confidence()) + ")");
            } else {
                label = Label.LIKELY_AI;
                for (Evidence d : detections) {
                    reasons.add("likely-ai: " + d.finding() + (DetectionDetails.isEnsemble(d)
                            ? " (ensemble outcome synthetic, combined score " + String.format(Locale.ROOT, "%.2f", d.confidence()) + ")"
                            : " (score " + String.format(Locale.ROOT, "%.2f", d.confidence())
                            + " >= threshold " + config.likelyAiThreshold() + ")"));
                }
                for (Evidence c : captureDeclarations) {
                    reasons.add("capture claim too weakly bound to overrule the detector: " + c.finding()
                            + " [" + c.source() + ", " + c.assurance().id() + "]");
                }
            }
        } else if (!uncertain.isEmpty()) {
            if (strongCapture.isPresent()) {
                Evidence c = strongCapture.get();
                sourceType = c.digitalSourceType();
                reasons.add("none: " + c.finding() + " [" + c.source() + ", " + c.assurance().id() + "]");
                reasons.add("detectors uncertain, outweighed by the capture claim: " + uncertain.getFirst().finding());
            } else {
                forceReview = true;
                if (!captureDeclarations.isEmpty()) {
                    sourceType = captureDeclarations.getFirst().digitalSourceType();
                }
                reasons.add("none: detectors uncertain, sent to review: " + uncertain.getFirst().finding());
                for (Evidence c : captureDeclarations) {
                    reasons.add("capture claim too weakly bound to settle it: " + c.finding()
                            + " [" + c.source() + ", " + c.assurance().id() + "]");
                }
            }
        } else {
            if (!captureDeclarations.isEmpty()) {
                Evidence top = captureDeclarations.getFirst();
                sourceType = top.digitalSourceType();
                reasons.add("none: " + top.finding() + " [" + top.source() + ", " + top.assurance().id() + "]");
            } else {
                reasons.add("none: no declaration of AI origin, no detector above threshold, no bank match");
            }
        }
        for (Evidence e : aiDeclarations) {
            if (!countedAi.contains(e)) {
                reasons.add("not counted (assurance " + e.assurance().id() + " is below "
                        + config.minimumAssuranceForAi().id() + "): " + e.finding());
            }
        }

        Optional<String> riskReason = electionRisk(context, clock.instant().atZone(clock.getZone()).toLocalDate());
        ElectionRisk risk = riskReason.isPresent() ? ElectionRisk.HIGH : ElectionRisk.NORMAL;
        riskReason.ifPresent(r -> reasons.add("election risk high: " + r));

        Action action = (config.incidentMode() ? config.incidentActions() : config.actions()).get(risk).get(label);
        if (forceReview) {
            action = Action.REVIEW;
        }
        Priority priority = action == Action.REVIEW && risk == ElectionRisk.HIGH && config.incidentMode()
                ? Priority.HIGH : Priority.NORMAL;
        if (action != Action.NONE) {
            reasons.add("action " + action.id() + ": " + label.id() + " at " + risk.id() + " election risk"
                    + (config.incidentMode() ? " (election incident mode)" : "")
                    + (priority == Priority.HIGH ? ", priority review" : ""));
        }
        return new Decision(label, sourceType, risk, action, priority, reasons);
    }

    /**
     * A person decided these bytes' label: it stands over every automated signal, which stays in the verdict. The
     * action is the table's for that label, except that a decided file is not sent to review again (a label to show
     * instead, or nothing for {@code none}).
     */
    private Decision reviewed(Evidence decision, List<Evidence> evidence, ScanContext context) {
        Label label = Label.of(String.valueOf(decision.details().get("label")));
        List<String> reasons = new ArrayList<>();
        reasons.add(label.id() + ": " + decision.finding() + " [" + decision.source() + "]");
        long overruled = evidence.stream().filter(e -> e != decision)
                .filter(e -> e.kind() == EvidenceKind.MATCH || e.kind() == EvidenceKind.DETECTION
                        || (e.kind() == EvidenceKind.DECLARATION && e.sourceType().isPresent()))
                .count();
        if (overruled > 0) {
            reasons.add("the reviewer's decision stands over " + overruled + " automated finding(s), kept in the evidence");
        }
        Optional<String> riskReason = electionRisk(context, clock.instant().atZone(clock.getZone()).toLocalDate());
        ElectionRisk risk = riskReason.isPresent() ? ElectionRisk.HIGH : ElectionRisk.NORMAL;
        riskReason.ifPresent(r -> reasons.add("election risk high: " + r));
        Action action = (config.incidentMode() ? config.incidentActions() : config.actions()).get(risk).get(label);
        if (action == Action.REVIEW) {
            action = label == Label.NONE ? Action.NONE : Action.LABEL;
        }
        if (action != Action.NONE) {
            reasons.add("action " + action.id() + ": " + label.id() + " decided by a reviewer at " + risk.id()
                    + " election risk");
        }
        return new Decision(label, null, risk, action, Priority.NORMAL, reasons);
    }

    private Label labelOf(Evidence e) {
        return e.sourceType().map(t -> config.sourceTypeLabels().getOrDefault(t, Label.NONE)).orElse(Label.NONE);
    }

    /** Precedence among labels; the enum's order is presentation order, not precedence. */
    static int rank(Label label) {
        return switch (label) {
            case NONE -> 0;
            case LIKELY_AI -> 1;
            case AI_EDITED -> 2;
            case AI_GENERATED -> 3;
            case KNOWN_DEEPFAKE -> 4;
        };
    }

    /** Why the context touches a watched election, if it does. */
    Optional<String> electionRisk(ScanContext context, LocalDate today) {
        if (context == null || context.isEmpty()) {
            return Optional.empty();
        }
        String caption = fold(context.caption());
        List<String> tagged = context.candidates().stream().map(LabelPolicy::fold).toList();
        for (WatchedElection e : config.elections()) {
            if (!e.activeOn(today)) {
                continue;
            }
            if (context.election() != null && context.election().equalsIgnoreCase(e.id())) {
                return Optional.of("the request names election '" + e.id() + "' (" + e.name() + ")");
            }
            for (String candidate : e.candidates()) {
                String c = fold(candidate);
                if (c.isBlank()) {
                    continue;
                }
                if (containsWord(caption, c) || tagged.stream().anyMatch(t -> t.equals(c))) {
                    return Optional.of("mentions candidate '" + candidate + "' of " + e.name());
                }
            }
            boolean inRegion = context.region() != null && e.regions().stream().anyMatch(r -> r.equalsIgnoreCase(context.region()));
            if (inRegion) {
                for (String keyword : e.keywords()) {
                    if (containsWord(caption, fold(keyword))) {
                        return Optional.of("caption uses '" + keyword + "' in region " + context.region() + " during " + e.name());
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static boolean containsWord(String text, String phrase) {
        if (text.isEmpty() || phrase.isEmpty()) {
            return false;
        }
        int from = 0;
        while (true) {
            int i = text.indexOf(phrase, from);
            if (i < 0) {
                return false;
            }
            int end = i + phrase.length();
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return true;
            }
            from = i + 1;
        }
    }

    /** Lower case without accents, so that "Élection" matches "election". */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        String d = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return d.toLowerCase(Locale.ROOT).trim();
    }
}
