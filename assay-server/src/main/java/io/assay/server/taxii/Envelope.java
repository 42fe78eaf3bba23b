package io.assay.server.taxii;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** The TAXII envelope (section 3.7): a page of STIX objects, {@code more} and, when there is more, {@code next}. */
final class Envelope {

    private Envelope() {
    }

    static ObjectNode of(ObjectStore.Page page, JsonMapper mapper) {
        ObjectNode env = mapper.createObjectNode();
        env.put("more", page.more());
        if (page.next() != null) {
            env.put("next", page.next());
        }
        if (!page.rows().isEmpty()) {
            ArrayNode objects = env.putArray("objects");
            page.rows().forEach(r -> objects.add(mapper.readTree(r.json())));
        }
        return env;
    }

    /** The objects a POSTed envelope carries; anything else is the client's error. */
    static List<JsonNode> objects(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw TaxiiException.badRequest("the body must be a TAXII envelope: a JSON object with an \"objects\" array");
        }
        JsonNode objects = body.get("objects");
        if (objects == null || !objects.isArray()) {
            throw TaxiiException.badRequest("the envelope has no \"objects\" array");
        }
        List<JsonNode> out = new java.util.ArrayList<>();
        objects.forEach(out::add);
        return out;
    }
}
