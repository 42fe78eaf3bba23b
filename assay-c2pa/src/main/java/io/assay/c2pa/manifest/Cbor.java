package io.assay.c2pa.manifest;

import com.upokecenter.cbor.CBORException;
import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import io.assay.c2pa.C2paException;
import io.assay.c2pa.jumbf.ByteSlice;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Typed, null-safe access to decoded CBOR (and JSON, which is read into the same model). */
public final class Cbor {

    private static final int MAX_DEPTH = 64;

    private Cbor() {
    }

    /** Decodes exactly one CBOR item; anything else is a {@link C2paException} naming {@code what}. */
    public static CBORObject decode(ByteSlice bytes, String what) throws C2paException {
        try {
            return CBORObject.DecodeFromBytes(bytes.toByteArray());
        } catch (CBORException | IllegalArgumentException | IllegalStateException e) {
            throw new C2paException(what + " is not valid CBOR (at store offset " + bytes.offset() + "): "
                    + e.getMessage());
        }
    }

    /** Decodes a JSON document into the CBOR data model. */
    public static CBORObject decodeJson(ByteSlice bytes, String what) throws C2paException {
        try {
            return CBORObject.FromJSONBytes(bytes.toByteArray());
        } catch (CBORException | IllegalArgumentException | IllegalStateException e) {
            throw new C2paException(what + " is not valid JSON (at store offset " + bytes.offset() + "): "
                    + e.getMessage());
        }
    }

    public static boolean isMap(CBORObject o) {
        return o != null && o.getType() == CBORType.Map;
    }

    public static Optional<CBORObject> get(CBORObject map, String key) {
        if (!isMap(map)) {
            return Optional.empty();
        }
        CBORObject v = map.get(key);
        return v == null || v.isNull() || v.isUndefined() ? Optional.empty() : Optional.of(v);
    }

    public static Optional<String> text(CBORObject map, String key) {
        return get(map, key).filter(v -> v.getType() == CBORType.TextString).map(CBORObject::AsString);
    }

    public static Optional<byte[]> bytes(CBORObject map, String key) {
        return get(map, key).filter(v -> v.getType() == CBORType.ByteString).map(CBORObject::GetByteString);
    }

    public static Optional<CBORObject> map(CBORObject map, String key) {
        return get(map, key).filter(Cbor::isMap);
    }

    /** The array under {@code key}; empty when absent or not an array. */
    public static List<CBORObject> array(CBORObject map, String key) {
        return get(map, key).map(Cbor::items).orElse(List.of());
    }

    public static List<CBORObject> items(CBORObject array) {
        if (array == null || array.getType() != CBORType.Array) {
            return List.of();
        }
        List<CBORObject> out = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            out.add(array.get(i));
        }
        return out;
    }

    /** An integer value that fits a long. */
    public static Optional<Long> integer(CBORObject v) {
        if (v == null || v.getType() != CBORType.Integer || !v.AsNumber().CanFitInInt64()) {
            return Optional.empty();
        }
        return Optional.of(v.AsInt64Value());
    }

    /**
     * Plain Java values for reporting: maps with string keys, lists, strings, numbers, booleans, byte arrays; null
     * for CBOR null. Nesting beyond 64 levels is cut off with a marker string.
     */
    public static Object toJava(CBORObject v) {
        return toJava(v, 0);
    }

    private static Object toJava(CBORObject v, int depth) {
        if (v == null || v.isNull() || v.isUndefined()) {
            return null;
        }
        if (depth > MAX_DEPTH) {
            return "(nested too deeply)";
        }
        return switch (v.getType()) {
            case Map -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (Map.Entry<CBORObject, CBORObject> e : v.getEntries()) {
                    CBORObject k = e.getKey();
                    m.put(k.getType() == CBORType.TextString ? k.AsString() : k.toString(), toJava(e.getValue(), depth + 1));
                }
                yield Collections.unmodifiableMap(m);
            }
            case Array -> {
                List<Object> l = new ArrayList<>();
                for (CBORObject item : items(v)) {
                    l.add(toJava(item, depth + 1));
                }
                yield Collections.unmodifiableList(l);
            }
            case TextString -> v.AsString();
            case ByteString -> v.GetByteString();
            case Boolean -> v.isTrue();
            case Integer -> v.AsNumber().CanFitInInt64() ? (Object) v.AsInt64Value() : v.AsNumber().toString();
            case FloatingPoint -> v.AsDoubleValue();
            default -> v.toString();
        };
    }
}
