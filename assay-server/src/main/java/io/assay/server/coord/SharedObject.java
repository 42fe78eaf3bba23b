package io.assay.server.coord;

/**
 * What a share is a share of: two shares are "the same thing" when their object ids are equal.
 *
 * @param kind {@code signal} (a banked signal the upload matched), {@code media} (a perceptual-hash cluster of uploads),
 *             {@code file} (the upload's exact bytes, when it has no perceptual hash), {@code url} (a normalised link),
 *             {@code text} (normalised text) or {@code object} (an id the reporting platform assigned)
 * @param id   the object id, prefixed with its kind so kinds never collide
 */
public record SharedObject(String kind, String id) {

    public static SharedObject of(String kind, String value) {
        return new SharedObject(kind, kind + ":" + value);
    }
}
