package io.assay.coord.share;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Interns strings to dense int ids (0, 1, 2...) so the detectors work on primitive arrays. */
public final class Dictionary {

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();

    public int intern(String s) {
        Integer id = ids.get(s);
        if (id != null) {
            return id;
        }
        int next = names.size();
        ids.put(s, next);
        names.add(s);
        return next;
    }

    /** The id of {@code s}, or -1 when it was never interned. */
    public int find(String s) {
        Integer id = ids.get(s);
        return id == null ? -1 : id;
    }

    public String name(int id) {
        return names.get(id);
    }

    public int size() {
        return names.size();
    }
}
