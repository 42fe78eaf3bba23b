package io.assay.coord.share;

import java.util.Arrays;

/**
 * Shares in columns of primitives (accounts, objects, contents and labels interned), in input order. Row order
 * matters to CooRTweet compatibility (ties at equal times are broken by it), so it is kept.
 */
public final class ShareTable {

    private final Dictionary accounts = new Dictionary();
    private final Dictionary objects = new Dictionary();
    private final Dictionary contents = new Dictionary();
    private final Dictionary labels = new Dictionary();
    private final Dictionary platforms = new Dictionary();
    private int[] account = new int[1024];
    private int[] object = new int[1024];
    private int[] content = new int[1024];
    private int[] label = new int[1024];
    private int[] platform = new int[1024];
    private long[] time = new long[1024];
    private int size;

    public ShareTable add(Share s) {
        return add(s.platform(), s.accountKey(), s.object(), s.content(), s.epochMillis(), s.label());
    }

    /** Adds a row; {@code accountKey} is the account's identity (see {@link Share#accountKey()}). */
    public ShareTable add(String platformName, String accountKey, String objectId, String contentId, long epochMillis, String labelName) {
        if (size == time.length) {
            int n = size * 2;
            account = Arrays.copyOf(account, n);
            object = Arrays.copyOf(object, n);
            content = Arrays.copyOf(content, n);
            label = Arrays.copyOf(label, n);
            platform = Arrays.copyOf(platform, n);
            time = Arrays.copyOf(time, n);
        }
        account[size] = accounts.intern(accountKey);
        object[size] = objects.intern(objectId);
        content[size] = contentId == null || contentId.isEmpty() ? -1 : contents.intern(contentId);
        label[size] = labelName == null || labelName.isEmpty() ? -1 : labels.intern(labelName);
        platform[size] = platforms.intern(platformName == null ? "" : platformName);
        time[size] = epochMillis;
        size++;
        return this;
    }

    public static ShareTable of(Iterable<Share> shares) {
        ShareTable t = new ShareTable();
        for (Share s : shares) {
            t.add(s);
        }
        return t;
    }

    public int size() {
        return size;
    }

    public int account(int row) {
        return account[row];
    }

    public int object(int row) {
        return object[row];
    }

    /** The content id, or -1 when the row has none. */
    public int content(int row) {
        return content[row];
    }

    /** The label id, or -1 when the row has none. */
    public int label(int row) {
        return label[row];
    }

    public long time(int row) {
        return time[row];
    }

    public String platformName(int row) {
        return platforms.name(platform[row]);
    }

    public Dictionary accounts() {
        return accounts;
    }

    public Dictionary objects() {
        return objects;
    }

    public Dictionary contents() {
        return contents;
    }

    public Dictionary labels() {
        return labels;
    }

    public Share share(int row) {
        String key = accounts.name(account[row]);
        String p = platforms.name(platform[row]);
        String acc = !p.isEmpty() && key.startsWith(p + ":") ? key.substring(p.length() + 1) : key;
        return new Share(p, acc, objects.name(object[row]), content[row] < 0 ? "" : contents.name(content[row]), time[row],
                label[row] < 0 ? "" : labels.name(label[row]));
    }
}
