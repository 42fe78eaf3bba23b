package io.assay.core.scan;

import java.util.List;

/**
 * Where and how an asset was seen, as the platform reports it. Everything is optional; the label policy uses the
 * caption, election, region and candidates to judge election risk.
 *
 * @param platform   the platform the upload came from (e.g. {@code example-social})
 * @param account    the uploading account's identifier on that platform
 * @param postId     the post's identifier on that platform
 * @param caption    the text posted with the media
 * @param election   an election identifier the platform associates with the post
 * @param region     an ISO 3166 country or subdivision code for the audience
 * @param candidates candidate names the platform has tagged
 */
public record ScanContext(
        String platform,
        String account,
        String postId,
        String caption,
        String election,
        String region,
        List<String> candidates) {

    public static final ScanContext NONE = new ScanContext(null, null, null, null, null, null, List.of());

    public ScanContext {
        candidates = candidates == null ? List.of() : List.copyOf(candidates);
    }

    public boolean isEmpty() {
        return platform == null && account == null && postId == null && caption == null && election == null
                && region == null && candidates.isEmpty();
    }
}
