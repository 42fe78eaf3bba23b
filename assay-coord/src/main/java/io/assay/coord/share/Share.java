package io.assay.coord.share;

import java.util.Objects;

/**
 * One share: an account (on a platform) posting an object at a time. The object is whatever makes two shares "the
 * same thing": a retweeted post id, a normalised URL, a media cluster, a near-duplicate text cluster.
 *
 * @param platform    platform name, or "" when unknown (accounts are distinct per platform)
 * @param account     the posting account
 * @param object      the shared object's id
 * @param content     the id of the post itself, or "" when unknown
 * @param epochMillis when it was posted (Unix milliseconds)
 * @param label       Assay's label for the shared media (e.g. "ai-generated"), or "" when none
 */
public record Share(String platform, String account, String object, String content, long epochMillis, String label) {

    public Share {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(object, "object");
        platform = platform == null ? "" : platform;
        content = content == null ? "" : content;
        label = label == null ? "" : label;
        if (account.isEmpty() || object.isEmpty()) {
            throw new IllegalArgumentException("a share needs an account and an object");
        }
    }

    public static Share of(String account, String object, long epochMillis) {
        return new Share("", account, object, "", epochMillis, "");
    }

    /** The account's identity across platforms: {@code platform:account}, or the bare account without a platform. */
    public String accountKey() {
        return platform.isEmpty() ? account : platform + ":" + account;
    }
}
