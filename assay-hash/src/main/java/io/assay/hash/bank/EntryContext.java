package io.assay.hash.bank;

import java.time.Instant;

/**
 * What a bank says about a piece of debunked media: the reasons a match reports to whoever scanned the copy.
 *
 * @param label      short name of the fake ("fake robocall of candidate X")
 * @param reason     why it is deceptive
 * @param debunkUrl  where the debunk is published
 * @param election   the election it concerns (an id of the policy's watch list, or free text)
 * @param candidate  the candidate concerned
 * @param addedBy    who added it (an API key's name, a partner)
 * @param addedAt    when
 */
public record EntryContext(String label, String reason, String debunkUrl, String election, String candidate,
                           String addedBy, Instant addedAt) {

    public static final EntryContext NONE = new EntryContext(null, null, null, null, null, null, null);

    /** One line for a verdict's reasons. */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        append(sb, label, "");
        append(sb, reason, "");
        append(sb, election, "election ");
        append(sb, candidate, "candidate ");
        append(sb, debunkUrl, "debunk: ");
        return sb.toString();
    }

    private static void append(StringBuilder sb, String value, String prefix) {
        if (value != null && !value.isBlank()) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(prefix).append(value.strip());
        }
    }
}
