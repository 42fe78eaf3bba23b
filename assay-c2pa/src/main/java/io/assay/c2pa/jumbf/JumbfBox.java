package io.assay.c2pa.jumbf;

/**
 * One box of a JUMBF tree. A superbox groups a description and child boxes; every other box is content whose payload
 * the C2PA layer interprets (CBOR, JSON, embedded file data, a UUID-typed payload).
 */
public sealed interface JumbfBox permits JumbfBox.SuperBox, JumbfBox.ContentBox {

    /** The four-character box type, e.g. {@code jumb}, {@code cbor}, {@code json}, {@code bidb}. */
    String type();

    /** The whole box as stored, header included. */
    ByteSlice raw();

    /** The bytes after the box header (for a superbox: the description box and the children). */
    ByteSlice payload();

    /** A {@code jumb} superbox. */
    record SuperBox(ByteSlice raw, ByteSlice payload, JumbfDescription description,
                    java.util.List<JumbfBox> children) implements JumbfBox {
        public SuperBox {
            children = java.util.List.copyOf(children);
        }

        @Override
        public String type() {
            return JumbfTypes.SUPERBOX;
        }

        public String label() {
            return description.labelOrEmpty();
        }

        /** The child superboxes, in stored order. */
        public java.util.List<SuperBox> superBoxes() {
            return children.stream().filter(SuperBox.class::isInstance).map(SuperBox.class::cast).toList();
        }

        /** The first child superbox with this label. */
        public java.util.Optional<SuperBox> child(String label) {
            return superBoxes().stream().filter(b -> b.label().equals(label)).findFirst();
        }

        /** The first content box of this type. */
        public java.util.Optional<ContentBox> content(String type) {
            return children.stream().filter(ContentBox.class::isInstance).map(ContentBox.class::cast)
                    .filter(b -> b.type().equals(type)).findFirst();
        }
    }

    /** Any box that is not a superbox. */
    record ContentBox(String type, ByteSlice raw, ByteSlice payload) implements JumbfBox {
    }
}
