package io.assay.c2pa.jumbf;

import io.assay.c2pa.C2paException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JumbfParserTest {

    static byte[] box(String type, byte[]... payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] p : payload) {
            body.writeBytes(p);
        }
        return ByteBuffer.allocate(8 + body.size()).putInt(8 + body.size())
                .put(type.getBytes(StandardCharsets.ISO_8859_1)).put(body.toByteArray()).array();
    }

    static byte[] description(UUID type, String label) {
        byte[] l = (label + "\0").getBytes(StandardCharsets.UTF_8);
        return box("jumd", ByteBuffer.allocate(17 + l.length).putLong(type.getMostSignificantBits())
                .putLong(type.getLeastSignificantBits()).put((byte) 0x03).put(l).array());
    }

    static byte[] superBox(UUID type, String label, byte[]... children) {
        byte[][] all = new byte[children.length + 1][];
        all[0] = description(type, label);
        System.arraycopy(children, 0, all, 1, children.length);
        return box("jumb", all);
    }

    @Test
    void parsesNestedSuperBoxesWithLabelsAndContent() throws C2paException {
        byte[] store = superBox(JumbfTypes.MANIFEST_STORE, "c2pa",
                superBox(JumbfTypes.MANIFEST, "urn:c2pa:1",
                        superBox(JumbfTypes.CBOR_CONTENT, "c2pa.actions", box("cbor", new byte[] {(byte) 0xA0}))));

        JumbfBox.SuperBox root = JumbfParser.parseSuperBox(store, false);

        assertThat(root.label()).isEqualTo("c2pa");
        assertThat(root.description().type()).isEqualTo(JumbfTypes.MANIFEST_STORE);
        assertThat(root.description().requestable()).isTrue();
        JumbfBox.SuperBox manifest = root.child("urn:c2pa:1").orElseThrow();
        JumbfBox.SuperBox assertion = manifest.child("c2pa.actions").orElseThrow();
        JumbfBox.ContentBox cbor = assertion.content("cbor").orElseThrow();
        assertThat(cbor.payload().toByteArray()).containsExactly(0xA0);
        assertThat(cbor.raw().length()).isEqualTo(9);
        // offsets are within the store, so that later hashing addresses the stored bytes
        assertThat(cbor.raw().offset()).isEqualTo(store.length - 9);
    }

    @Test
    void aChildLongerThanItsParentIsRejectedWithItsOffset() {
        byte[] store = superBox(JumbfTypes.MANIFEST_STORE, "c2pa", box("cbor", new byte[4]));
        int child = store.length - 12;
        ByteBuffer.wrap(store).putInt(child, 1000);

        assertThatThrownBy(() -> JumbfParser.parseSuperBox(store, false))
                .isInstanceOf(C2paException.class)
                .hasMessageContaining("offset " + child)
                .hasMessageContaining("declares 1000 bytes");
    }

    @Test
    void anOuterLengthBeyondTheBufferIsRejectedUnlessTheContainerFramesTheStore() throws C2paException {
        byte[] store = superBox(JumbfTypes.MANIFEST_STORE, "c2pa", box("cbor", new byte[4]));
        ByteBuffer.wrap(store).putInt(0, 0x7ffffff0);

        assertThatThrownBy(() -> JumbfParser.parseSuperBox(store, false))
                .isInstanceOf(C2paException.class).hasMessageContaining("offset 0");
        assertThat(JumbfParser.parseSuperBox(store, true).children()).hasSize(1);
    }

    @Test
    void aLengthShorterThanTheHeaderIsRejected() {
        byte[] store = superBox(JumbfTypes.MANIFEST_STORE, "c2pa", box("cbor", new byte[4]));
        ByteBuffer.wrap(store).putInt(store.length - 12, 5);

        assertThatThrownBy(() -> JumbfParser.parseSuperBox(store, false))
                .isInstanceOf(C2paException.class).hasMessageContaining("shorter than its own header");
    }

    @Test
    void aTruncatedHeaderIsRejected() {
        byte[] store = superBox(JumbfTypes.MANIFEST_STORE, "c2pa", new byte[] {0, 0, 0});

        assertThatThrownBy(() -> JumbfParser.parseSuperBox(store, false))
                .isInstanceOf(C2paException.class).hasMessageContaining("truncated box header");
    }

    @Test
    void nestingBeyondTheDepthLimitIsRejected() {
        byte[] nested = box("cbor", new byte[1]);
        for (int i = 0; i < JumbfParser.MAX_DEPTH + 5; i++) {
            nested = superBox(JumbfTypes.CBOR_CONTENT, "level" + i, nested);
        }
        byte[] store = nested;

        assertThatThrownBy(() -> JumbfParser.parseSuperBox(store, false))
                .isInstanceOf(C2paException.class).hasMessageContaining("nested deeper than " + JumbfParser.MAX_DEPTH);
    }

    @Test
    void nestingWithinTheLimitIsAccepted() throws C2paException {
        byte[] nested = box("cbor", new byte[1]);
        for (int i = 0; i < JumbfParser.MAX_DEPTH; i++) {
            nested = superBox(JumbfTypes.CBOR_CONTENT, "level" + i, nested);
        }
        assertThat(JumbfParser.parseSuperBox(nested, false).label()).isEqualTo("level" + (JumbfParser.MAX_DEPTH - 1));
    }

    @Test
    void aSuperBoxMustOpenWithADescription() {
        byte[] store = box("jumb", box("cbor", new byte[2]));

        assertThatThrownBy(() -> JumbfParser.parseSuperBox(store, false))
                .isInstanceOf(C2paException.class).hasMessageContaining("instead of a 'jumd' description box");
    }

    @Test
    void anUnterminatedLabelIsRejected() {
        byte[] jumd = box("jumd", ByteBuffer.allocate(20).putLong(1).putLong(2).put((byte) 0x02)
                .put("abc".getBytes(StandardCharsets.US_ASCII)).array());
        byte[] store = box("jumb", jumd);

        assertThatThrownBy(() -> JumbfParser.parseSuperBox(store, false))
                .isInstanceOf(C2paException.class).hasMessageContaining("unterminated label");
    }

    @Test
    void zeroLengthRunsToTheEndOfTheParentAndExtendedLengthsAreRead() throws C2paException {
        byte[] zero = ByteBuffer.allocate(11).putInt(0).put("cbor".getBytes(StandardCharsets.US_ASCII))
                .put(new byte[] {1, 2, 3}).array();
        byte[] extended = ByteBuffer.allocate(18).putInt(1).put("json".getBytes(StandardCharsets.US_ASCII))
                .putLong(18).put(new byte[] {'{', '}'}).array();
        JumbfBox.SuperBox root = JumbfParser.parseSuperBox(superBox(JumbfTypes.CBOR_CONTENT, "x", extended, zero), false);

        assertThat(root.content("json").orElseThrow().payload().toByteArray()).containsExactly('{', '}');
        assertThat(root.content("cbor").orElseThrow().payload().toByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void anExtendedLengthBeyondTheParentIsRejected() {
        byte[] extended = ByteBuffer.allocate(18).putInt(1).put("json".getBytes(StandardCharsets.US_ASCII))
                .putLong(Long.MAX_VALUE).put(new byte[2]).array();
        byte[] store = superBox(JumbfTypes.CBOR_CONTENT, "x", extended);

        assertThatThrownBy(() -> JumbfParser.parseSuperBox(store, false))
                .isInstanceOf(C2paException.class).hasMessageContaining("extended length");
    }

    @Test
    void garbageNeverEscapesAsAnIndexingError() {
        java.util.Random random = new java.util.Random(42);
        byte[] valid = superBox(JumbfTypes.MANIFEST_STORE, "c2pa",
                superBox(JumbfTypes.MANIFEST, "m", box("cbor", new byte[8])));
        for (int i = 0; i < 5000; i++) {
            byte[] mutated = valid.clone();
            mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            mutated = java.util.Arrays.copyOf(mutated, 1 + random.nextInt(mutated.length));
            try {
                JumbfParser.parseSuperBox(mutated, random.nextBoolean());
            } catch (C2paException expected) {
                // a clean rejection
            }
        }
    }
}
