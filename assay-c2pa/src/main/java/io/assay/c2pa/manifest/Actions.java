package io.assay.c2pa.manifest;

import com.upokecenter.cbor.CBORObject;
import io.assay.c2pa.C2paException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code c2pa.actions} (v1) or {@code c2pa.actions.v2} assertion: what was done to the asset, and for creation
 * actions, how it came to be (its digital source type).
 *
 * @param label   the assertion label as stored
 * @param version 1 or 2
 * @param actions the actions in stored order
 */
public record Actions(String label, int version, List<Action> actions) {

    public static final String LABEL = "c2pa.actions";

    public Actions {
        actions = List.copyOf(actions);
    }

    /** Whether the assertion is an actions assertion of any version. */
    public static boolean is(Assertion a) {
        return a.typeLabel().equals(LABEL);
    }

    @SuppressWarnings("unchecked")
    public static Actions parse(Assertion a) throws C2paException {
        CBORObject data = a.data().orElseThrow(() -> new C2paException("assertion " + a.label()
                + " is neither CBOR nor JSON"));
        if (!Cbor.isMap(data)) {
            throw new C2paException("assertion " + a.label() + " is not a map");
        }
        List<Action> out = new ArrayList<>();
        for (CBORObject item : Cbor.array(data, "actions")) {
            if (!Cbor.isMap(item)) {
                continue;
            }
            Object params = Cbor.map(item, "parameters").map(Cbor::toJava).orElse(Map.of());
            out.add(new Action(Cbor.text(item, "action").orElse(""), Cbor.text(item, "digitalSourceType"),
                    Cbor.get(item, "softwareAgent").flatMap(GeneratorInfo::of), Cbor.text(item, "when"),
                    (Map<String, Object>) params));
        }
        return new Actions(a.label(), a.labelVersion(), out);
    }
}
