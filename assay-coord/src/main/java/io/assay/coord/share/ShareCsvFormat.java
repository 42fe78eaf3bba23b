package io.assay.coord.share;

/** The column layouts {@link ShareCsvReader} reads. */
public enum ShareCsvFormat {
    /**
     * CooRTweet's input: {@code object_id, account_id, content_id, timestamp_share} (Unix seconds). Other columns
     * are ignored; a row with an empty {@code object_id} is skipped (CooRTweet's preparation drops them).
     */
    COORTWEET,
    /**
     * Assay's layout: {@code account, time} and an object given by the first non-empty of {@code object},
     * {@code url} (normalised by {@link UrlNormalizer}), {@code media_hash} (PDQ hex, clustered by
     * {@link MediaObjectClusterer}) or {@code text} (near-duplicates clustered by {@link TextObjectClusterer});
     * optional {@code platform, content, label}. {@code time} is Unix seconds or ISO-8601 ({@code 2024-05-01T10:00:00Z}).
     */
    ASSAY;

    public static ShareCsvFormat parse(String s) {
        return switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "cootweet", "coortweet" -> COORTWEET;
            case "assay" -> ASSAY;
            default -> throw new IllegalArgumentException("unknown share CSV format '" + s + "' (cootweet or assay)");
        };
    }
}
