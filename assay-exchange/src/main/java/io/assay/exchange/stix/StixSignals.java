package io.assay.exchange.stix;

import io.assay.exchange.json.StixJson;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the STIX objects Assay shares and reads Assay's content back out of received ones. Every factory takes the
 * creator's identity id (the participant that will sign) and the time, so results are reproducible in tests.
 */
public final class StixSignals {

    /** file:hashes comparisons Assay reads from peers' patterns: 'SHA-256', SHA256, MD5, quoted or not. */
    private static final Pattern HASH_COMPARISON = Pattern.compile(
            "file:hashes\\.(?:'(SHA-256|SHA256|MD5)'|(SHA256|MD5))\\s*=\\s*'([0-9a-fA-F]+)'", Pattern.CASE_INSENSITIVE);

    private StixSignals() {
    }

    /**
     * An indicator for flagged media: SHA-256/MD5 as standard {@code file:hashes} comparisons, perceptual hashes in
     * Assay's extension (matched by distance, not equality) and also in the pattern under {@code x_assay_<algorithm>}
     * custom hash names so that non-Assay peers see them.
     */
    public static Indicator indicator(String creatorRef, List<MediaSignal> signals, DeepfakeFlag flag, Tlp tlp,
                                      Instant now) {
        if (signals == null || signals.isEmpty()) {
            throw new IllegalArgumentException("an indicator needs at least one media signal");
        }
        List<String> comparisons = new ArrayList<>();
        ArrayNode perceptual = StixJson.mapper().createArrayNode();
        for (MediaSignal s : new LinkedHashSet<>(signals)) {
            if (MediaSignal.isCryptographic(s.type())) {
                String name = s.stixHashName().equals("MD5") ? "MD5" : "'SHA-256'";
                comparisons.add("[file:hashes." + name + " = '" + s.value() + "']");
            } else {
                comparisons.add("[file:hashes.x_assay_" + s.type().replaceAll("[^a-z0-9_]", "_") + " = '"
                        + quote(s.value()) + "']");
                ObjectNode p = perceptual.addObject().put("algorithm", s.type()).put("value", s.value());
                if (s.quality() != null) {
                    p.put("quality", s.quality());
                }
            }
        }
        Common common = Common.create(Indicator.TYPE, creatorRef, now)
                .withLabels(List.of(flag.label()))
                .withMarkings(List.of(tlp.markingId()));
        if (flag.debunkUrl() != null) {
            common = common.withExternalReference("debunk", flag.debunkUrl(), null);
        }
        ObjectNode body = AssayExtension.bodyOf(common);
        if (!perceptual.isEmpty()) {
            body.set("perceptual_hashes", perceptual);
        }
        body.put("media_label", flag.label());
        if (flag.election() != null) {
            body.put("election", flag.election());
        }
        if (flag.candidate() != null) {
            body.put("candidate", flag.candidate());
        }
        common = common.withExtension(AssayExtension.ID, body);
        return new Indicator(common, "Flagged media: " + flag.label(), flag.reason(), List.of("malicious-activity"),
                String.join(" OR ", comparisons), "stix", "2.1", Timestamp.of(now), null);
    }

    /**
     * The media signals a (possibly foreign) indicator carries: SHA-256 and MD5 from its STIX pattern, perceptual hashes
     * from Assay's extension. Malformed extension entries are skipped, not guessed.
     */
    public static List<MediaSignal> signals(Indicator indicator) {
        Set<MediaSignal> out = new LinkedHashSet<>();
        if (indicator.pattern() != null && "stix".equals(indicator.patternType())) {
            Matcher m = HASH_COMPARISON.matcher(indicator.pattern());
            while (m.find()) {
                String name = (m.group(1) != null ? m.group(1) : m.group(2)).toUpperCase(Locale.ROOT);
                String type = name.startsWith("SHA") ? MediaSignal.SHA256 : MediaSignal.MD5;
                try {
                    out.add(MediaSignal.of(type, m.group(3)));
                } catch (IllegalArgumentException wrongLength) {
                    // not a hash of that algorithm: skip rather than match on garbage
                }
            }
        }
        ObjectNode body = indicator.common().extension(AssayExtension.ID);
        if (body != null && body.path("perceptual_hashes").isArray()) {
            for (JsonNode p : body.get("perceptual_hashes")) {
                JsonNode quality = p.path("quality");
                if (!p.path("algorithm").isString() || !p.path("value").isString()) {
                    continue;
                }
                try {
                    out.add(new MediaSignal(p.get("algorithm").stringValue(), p.get("value").stringValue(),
                            quality.isIntegralNumber() && quality.canConvertToInt() ? quality.intValue() : null));
                } catch (IllegalArgumentException malformed) {
                    // skip
                }
            }
        }
        return List.copyOf(out);
    }

    /** A sighting of an indicator on a platform (an identity id) over a time window, with the reach if known. */
    public static Sighting sighting(String creatorRef, String indicatorId, String platformRef, Instant firstSeen,
                                    Instant lastSeen, int count, Long reach, Tlp tlp, Instant now) {
        Common common = Common.create(Sighting.TYPE, creatorRef, now).withMarkings(List.of(tlp.markingId()));
        if (reach != null) {
            if (reach < 0) {
                throw new IllegalArgumentException("reach must be >= 0");
            }
            ObjectNode body = AssayExtension.bodyOf(common);
            // an int node when it fits, as a parser reads it back, so that equal objects have equal JSON trees
            if (reach <= Integer.MAX_VALUE) {
                body.put("reach", reach.intValue());
            } else {
                body.put("reach", reach.longValue());
            }
            common = common.withExtension(AssayExtension.ID, body);
        }
        return new Sighting(common, null, indicatorId, List.of(), platformRef == null ? List.of() : List.of(platformRef),
                firstSeen == null ? null : Timestamp.of(firstSeen), lastSeen == null ? null : Timestamp.of(lastSeen),
                count, null);
    }

    /** The reach a sighting reports in Assay's extension, if any. */
    public static OptionalLong reach(Sighting sighting) {
        ObjectNode body = sighting.common().extension(AssayExtension.ID);
        JsonNode reach = body == null ? null : body.get("reach");
        return reach != null && reach.isIntegralNumber() && reach.canConvertToLong() && reach.longValue() >= 0
                ? OptionalLong.of(reach.longValue()) : OptionalLong.empty();
    }

    /** A note carrying the debunk (ClaimReview-like) about the given objects. */
    public static Note debunk(String creatorRef, List<String> objectRefs, ClaimReview review, Tlp tlp, Instant now) {
        Common common = Common.create(Note.TYPE, creatorRef, now).withMarkings(List.of(tlp.markingId()));
        ObjectNode cr = StixJson.newObject();
        putIfSet(cr, "author", review.author());
        putIfSet(cr, "date_published", review.datePublished() == null ? null : review.datePublished().text());
        putIfSet(cr, "url", review.url());
        putIfSet(cr, "rating", review.rating());
        putIfSet(cr, "claim_reviewed", review.claimReviewed());
        common = common.withExtension(AssayExtension.ID, AssayExtension.bodyOf(common).set("claim_review", cr));
        if (review.url() != null) {
            common = common.withExternalReference("debunk", review.url(), review.author());
        }
        String content = "Rated " + (review.rating() == null ? "unrated" : review.rating())
                + (review.author() == null ? "" : " by " + review.author())
                + (review.claimReviewed() == null ? "" : ": " + review.claimReviewed());
        return new Note(common, "Debunk", content, review.author() == null ? List.of() : List.of(review.author()),
                objectRefs);
    }

    /** The ClaimReview a note carries in Assay's extension, if any. */
    public static Optional<ClaimReview> claimReview(Note note) {
        ObjectNode body = note.common().extension(AssayExtension.ID);
        JsonNode cr = body == null ? null : body.get("claim_review");
        if (cr == null || !cr.isObject()) {
            return Optional.empty();
        }
        String published = text(cr, "date_published");
        return Optional.of(new ClaimReview(text(cr, "author"),
                published == null || !Timestamp.isValid(published) ? null : new Timestamp(published),
                text(cr, "url"), text(cr, "rating"), text(cr, "claim_reviewed")));
    }

    /** A participant's own identity (self-created, as STIX identities usually are). */
    public static Identity participant(String name, String identityClass, Instant now) {
        Common common = Common.create(Identity.TYPE, null, now);
        common = new Common(common.type(), common.id(), common.specVersion(), common.id(), common.created(),
                common.modified(), null, List.of(), null, null, null, List.of(Tlp.GREEN.markingId()), null, null, null);
        return new Identity(common, name, null, List.of(), identityClass, List.of(), null);
    }

    public static Campaign campaign(String creatorRef, String name, String objective, Instant firstSeen, Tlp tlp,
                                    Instant now) {
        Common common = Common.create(Campaign.TYPE, creatorRef, now).withMarkings(List.of(tlp.markingId()));
        return new Campaign(common, name, null, List.of(), firstSeen == null ? null : Timestamp.of(firstSeen), null,
                objective);
    }

    public static Report report(String creatorRef, String name, List<String> objectRefs, Tlp tlp, Instant now) {
        Common common = Common.create(Report.TYPE, creatorRef, now).withMarkings(List.of(tlp.markingId()));
        return new Report(common, name, null, List.of("threat-report"), Timestamp.of(now), objectRefs);
    }

    /** The object with the identities allowed to read it under TLP:RED (Assay extension {@code recipient_refs}). */
    public static <T extends StixObject> T withRecipients(T object, List<String> identityRefs) {
        return edit(object, json -> {
            ObjectNode ext = json.has("extensions") && json.get("extensions").isObject()
                    ? (ObjectNode) json.get("extensions") : json.putObject("extensions");
            ObjectNode body = ext.get(AssayExtension.ID) instanceof ObjectNode o
                    ? o : ext.putObject(AssayExtension.ID).put("extension_type", "property-extension");
            ArrayNode refs = body.putArray("recipient_refs");
            identityRefs.forEach(refs::add);
            return json;
        });
    }

    /** The identity ids a TLP:RED object names as its recipients. */
    public static List<String> recipients(StixObject object) {
        ObjectNode body = object.common().extension(AssayExtension.ID);
        List<String> out = new ArrayList<>();
        if (body != null && body.path("recipient_refs").isArray()) {
            body.get("recipient_refs").forEach(r -> {
                if (r.isString()) {
                    out.add(r.stringValue());
                }
            });
        }
        return out;
    }

    /** Changes an object through its JSON form and reads it back as the same type. */
    @SuppressWarnings("unchecked")
    public static <T extends StixObject> T edit(T object, UnaryOperator<ObjectNode> change) {
        return (T) StixCodec.read(change.apply(StixCodec.write(object)));
    }

    private static String text(JsonNode node, String name) {
        JsonNode v = node.get(name);
        return v != null && v.isString() ? v.stringValue() : null;
    }

    private static void putIfSet(ObjectNode node, String name, String value) {
        if (value != null) {
            node.put(name, value);
        }
    }

    /** STIX patterning string literal escaping: backslash and single quote. */
    private static String quote(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
