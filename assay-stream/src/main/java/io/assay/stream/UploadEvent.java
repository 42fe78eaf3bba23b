package io.assay.stream;

import io.assay.core.scan.ScanContext;

import java.util.List;

/**
 * One upload on the input topic, as JSON. The media comes inline ({@code media}: base64 bytes, bounded by the
 * instance's byte limit) or by reference ({@code path}: a file under the instance's media root). URLs are not
 * fetched.
 *
 * <pre>{"id":"u-1","name":"a.jpg","media":"/9j/4AAQ...","context":{"platform":"example-social","account":"acct-9"},
 *  "object":"post-77","time":1764054000000}</pre>
 *
 * @param id      the upload's id (defaults to the record key); the verdict carries it
 * @param name    a display name for the file (optional)
 * @param media   the file's bytes (base64 in JSON), or null when {@code path} is given
 * @param path    a path relative to the media root, or null when {@code media} is given
 * @param context where the upload was posted (platform, account, caption, election...)
 * @param object  what makes two shares "the same thing" for coordination windows (a post id, a URL); defaults to
 *                the media's SHA-256
 * @param time    when it was posted, Unix milliseconds (defaults to the record's timestamp)
 */
public record UploadEvent(String id, String name, byte[] media, String path, Context context, String object, Long time) {

    /** The request context; every field optional. */
    public record Context(String platform, String account, String postId, String caption, String election,
                          String region, List<String> candidates) {

        public ScanContext toScanContext() {
            return new ScanContext(platform, account, postId, caption, election, region, candidates);
        }
    }

    public ScanContext scanContext() {
        return context == null ? ScanContext.NONE : context.toScanContext();
    }
}
