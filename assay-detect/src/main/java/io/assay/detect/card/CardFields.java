package io.assay.detect.card;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One mapping of a card's YAML, read strictly: every accessor names the full field path in its error, and
 * {@link #only} rejects keys the format does not define, so a typo is an error rather than a silent default.
 */
final class CardFields {

    private final Path card;
    private final String path;
    private final Map<String, Object> values;

    private CardFields(Path card, String path, Map<String, Object> values) {
        this.card = card;
        this.path = path;
        this.values = values;
    }

    static CardFields root(Path card, Object yaml) throws ModelCardException {
        if (!(yaml instanceof Map<?, ?>)) {
            throw new ModelCardException("model card " + card + ": the document must be a mapping of fields");
        }
        return new CardFields(card, "", cast(yaml));
    }

    String field(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    ModelCardException error(String key, String problem) {
        return ModelCardException.field(card, field(key), problem);
    }

    boolean has(String key) {
        return values.get(key) != null;
    }

    void only(Set<String> known) throws ModelCardException {
        for (String k : values.keySet()) {
            if (!known.contains(k)) {
                throw error(k, "unknown field (known here: " + String.join(", ", new TreeSet<>(known)) + ")");
            }
        }
    }

    private Object required(String key) throws ModelCardException {
        Object v = values.get(key);
        if (v == null) {
            throw error(key, "missing");
        }
        return v;
    }

    CardFields section(String key) throws ModelCardException {
        Object v = required(key);
        if (!(v instanceof Map<?, ?>)) {
            throw error(key, "must be a mapping");
        }
        return new CardFields(card, field(key), cast(v));
    }

    String string(String key) throws ModelCardException {
        Object v = required(key);
        if (!(v instanceof String s) || s.isBlank()) {
            throw error(key, "must be a non-empty text, not " + describe(v));
        }
        return s.strip();
    }

    String string(String key, String dflt) throws ModelCardException {
        return has(key) ? string(key) : dflt;
    }

    /** A text, or a number or boolean written without quotes (a version such as 1.2). */
    String text(String key) throws ModelCardException {
        Object v = required(key);
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            throw error(key, "must be a text, not " + describe(v));
        }
        return String.valueOf(v).strip();
    }

    boolean bool(String key, boolean dflt) throws ModelCardException {
        if (!has(key)) {
            return dflt;
        }
        if (values.get(key) instanceof Boolean b) {
            return b;
        }
        throw error(key, "must be true or false, not " + describe(values.get(key)));
    }

    double number(String key, double min, double max) throws ModelCardException {
        return checkRange(key, number(key, required(key)), min, max);
    }

    double number(String key, double min, double max, double dflt) throws ModelCardException {
        return has(key) ? number(key, min, max) : dflt;
    }

    int integer(String key, int min, int max) throws ModelCardException {
        Object v = required(key);
        if (!(v instanceof Integer i)) {
            throw error(key, "must be a whole number, not " + describe(v));
        }
        checkRange(key, i, min, max);
        return i;
    }

    List<Object> list(String key) throws ModelCardException {
        Object v = required(key);
        if (!(v instanceof List<?> l) || l.isEmpty()) {
            throw error(key, "must be a non-empty list, not " + describe(v));
        }
        return new ArrayList<>(l);
    }

    double[] numbers(String key, int count) throws ModelCardException {
        List<Object> l = list(key);
        if (l.size() != count) {
            throw error(key, "must list exactly " + count + " numbers, not " + l.size());
        }
        double[] out = new double[count];
        for (int i = 0; i < count; i++) {
            out[i] = number(key + "[" + i + "]", l.get(i));
        }
        return out;
    }

    /** An enumerated value: one of {@code choices}, written in lower case. */
    <E extends Enum<E>> E choice(String key, Class<E> type) throws ModelCardException {
        String v = string(key);
        for (E e : type.getEnumConstants()) {
            if (id(e).equals(v)) {
                return e;
            }
        }
        List<String> ids = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            ids.add(id(e));
        }
        throw error(key, "unknown value '" + v + "' (one of: " + String.join(", ", ids) + ")");
    }

    <E extends Enum<E>> E choice(String key, Class<E> type, E dflt) throws ModelCardException {
        return has(key) ? choice(key, type) : dflt;
    }

    static String id(Enum<?> e) {
        return e.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    private double number(String key, Object v) throws ModelCardException {
        if (v instanceof Number n && !(Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue()))) {
            return n.doubleValue();
        }
        throw error(key, "must be a number, not " + describe(v));
    }

    private double checkRange(String key, double v, double min, double max) throws ModelCardException {
        if (v < min || v > max) {
            throw error(key, "must be within " + fmt(min) + ".." + fmt(max) + ", not " + fmt(v));
        }
        return v;
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    private static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof Map<?, ?>) {
            return "a mapping";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        String s = String.valueOf(v);
        return "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object v) {
        return (Map<String, Object>) v;
    }
}
