package io.assay.exchange.stix;

import io.assay.exchange.json.StixJson;
import io.assay.exchange.json.StixJsonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/** STIX 2.1 §8 bundle: a transport wrapper (no spec_version, not versioned). Unknown bundle properties round-trip. */
public record Bundle(String id, List<StixObject> objects, ObjectNode custom) {

    public static final String TYPE = "bundle";

    public Bundle {
        objects = List.copyOf(objects);
        custom = custom == null ? StixJson.newObject() : custom.deepCopy();
    }

    public static Bundle of(List<? extends StixObject> objects) {
        return new Bundle(StixIds.random(TYPE), List.copyOf(objects), null);
    }

    /** Reads a bundle from untrusted JSON; an object the codec refuses fails the whole bundle, naming its index. */
    public static Bundle read(String json) {
        ObjectNode node = StixJson.parseObject(json).deepCopy();
        if (!TYPE.equals(node.path("type").asString(null))) {
            throw new StixJsonException("not a bundle");
        }
        JsonNode id = node.remove("id");
        node.remove("type");
        JsonNode list = node.remove("objects");
        List<StixObject> objects = new ArrayList<>();
        if (list != null) {
            if (!list.isArray()) {
                throw new StixJsonException("bundle objects must be a list");
            }
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                if (!item.isObject()) {
                    throw new StixJsonException("bundle object " + i + " is not a JSON object");
                }
                try {
                    objects.add(StixCodec.read((ObjectNode) item));
                } catch (StixJsonException e) {
                    throw new StixJsonException("bundle object " + i + ": " + e.getMessage());
                }
            }
        }
        return new Bundle(id != null && id.isString() ? id.stringValue() : null, objects, node);
    }

    public ObjectNode toJson() {
        ObjectNode out = StixJson.newObject();
        out.put("type", TYPE);
        out.put("id", id);
        ArrayNode list = out.putArray("objects");
        objects.forEach(o -> list.add(StixCodec.write(o)));
        custom.properties().forEach(e -> out.set(e.getKey(), e.getValue().deepCopy()));
        return out;
    }
}
