package io.assay.server.coord;

import java.time.Instant;

/**
 * A share a platform reports ({@code POST /v1/shares}): who posted what, when. Exactly one of {@code url},
 * {@code text}, {@code pdq} or {@code object} names what was shared.
 *
 * @param platform the platform ("" when one platform only)
 * @param account  the posting account
 * @param postedAt when it was posted
 * @param url      a link (normalised by rules: tracking parameters dropped, youtu.be expanded; no network)
 * @param text     post text (case, whitespace and links normalised; exact after that - near-duplicates are batch only)
 * @param pdq      a PDQ hash of posted media (hex): joins the upload clusters of scans
 * @param object   an object id the platform assigned itself (e.g. its own media cluster)
 * @param postId   the post's id on the platform
 * @param label    a label the platform knows for it, if any
 */
public record ReportedShare(String platform, String account, Instant postedAt, String url, String text, String pdq,
                            String object, String postId, String label) {
}
