package io.assay.server.taxii;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The STIX object versions of each collection. Every read goes through {@link #visible}: it applies the collection,
 * TLP:RED (only the creator and the named recipients see a red version) and the match filters before version
 * selection and paging, so that what a reader cannot see changes neither "last", nor pages, nor {@code more}.
 */
@Repository
public class ObjectStore {

    /** One stored version, as the objects, manifest and versions endpoints list it. */
    public record Row(long seq, String id, String type, String specVersion, Instant version, Instant dateAdded, String json) {
    }

    /** A page of rows in date_added order; {@code next} is set when there are more. */
    public record Page(List<Row> rows, boolean more, String next) {
    }

    private final JdbcClient jdbc;
    private final JsonMapper mapper;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    public ObjectStore(JdbcClient jdbc, JsonMapper mapper,
                       org.springframework.transaction.PlatformTransactionManager transactionManager) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
    }

    /**
     * Stores a version, and returns the date_added it was stored with; empty when that version (id, version) was
     * there already, which is left as it was. Within a collection, writers take turns (a transaction-scoped advisory
     * lock) and each date_added is later than every one before it, so versions become visible in date_added order
     * and no two share one: a reader whose checkpoint is a date_added ({@code added_after}) can never skip a version
     * that committed late or that shared its checkpoint's timestamp.
     */
    public java.util.Optional<Instant> add(UUID collection, StixObject o, Instant proposed) {
        return java.util.Optional.ofNullable(transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(:k)").param("k", lockKey(collection)).query(Object.class).single();
            Instant last = jdbc.sql("select max(date_added) from taxii_object where collection_id = :c")
                    .param("c", collection).query(OffsetDateTime.class).optional().map(OffsetDateTime::toInstant)
                    .orElse(null);
            Instant added = last != null && !proposed.isAfter(last) ? last.plus(1, java.time.temporal.ChronoUnit.MICROS)
                    : proposed;
            int n = jdbc.sql("""
                            insert into taxii_object (collection_id, object_id, type, spec_version, version, created, date_added,
                                created_by_ref, marking_refs, tlp, red_recipients, object)
                            values (:c, :id, :type, :spec, :version, :created, :added, :by, cast(:refs as jsonb), :tlp,
                                cast(:red as jsonb), cast(:object as jsonb))
                            on conflict (collection_id, object_id, version) do nothing""")
                    .param("c", collection).param("id", o.id()).param("type", o.type()).param("spec", o.specVersion())
                    .param("version", TaxiiTime.db(o.version())).param("created", TaxiiTime.db(o.created()))
                    .param("added", TaxiiTime.db(added)).param("by", o.createdByRef())
                    .param("refs", mapper.writeValueAsString(o.markingRefs())).param("tlp", Tlp.of(o.markingRefs()).stored())
                    .param("red", mapper.writeValueAsString(o.redRecipients()))
                    .param("object", mapper.writeValueAsString(o.json()))
                    .update();
            return n == 1 ? added : null;
        }));
    }

    /** The advisory-lock key of a collection (64 bits of its id; a rare collision only makes two collections take turns). */
    private static long lockKey(UUID collection) {
        return collection.getMostSignificantBits() ^ collection.getLeastSignificantBits();
    }

    /** The newest version of every sighting of {@code indicatorId}, in any collection, as JSON text. */
    public List<String> sightingsOf(String indicatorId) {
        return jdbc.sql("""
                        select distinct on (object_id) object::text from taxii_object
                        where type = 'sighting' and object->>'sighting_of_ref' = :ref
                        order by object_id, version desc""")
                .param("ref", indicatorId).query(String.class).list();
    }

    /** The newest stored version of an object in a collection, as JSON text. */
    public java.util.Optional<String> latest(UUID collection, String objectId) {
        return jdbc.sql("""
                        select object::text from taxii_object where collection_id = :c and object_id = :id
                        order by version desc limit 1""")
                .param("c", collection).param("id", objectId).query(String.class).optional();
    }

    /** A page of the versions the reader may see that match the query. */
    public Page find(UUID collection, Participant reader, ObjectQuery q, boolean withObjects) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder sql = new StringBuilder(visible(collection, reader, q, params));
        sql.append(" select seq, object_id, type, spec_version, version, date_added, ")
                .append(withObjects ? "object::text" : "null").append(" from v where ").append(versionFilter(q, params));
        if (q.addedAfter() != null) {
            sql.append(" and date_added > :after");
            params.put("after", TaxiiTime.db(q.addedAfter()));
        }
        if (q.next() != null) {
            sql.append(" and (date_added, seq) > (:nextAdded, :nextSeq)");
            params.put("nextAdded", TaxiiTime.db(q.next().dateAdded()));
            params.put("nextSeq", q.next().seq());
        }
        sql.append(" order by date_added, seq limit :limit");
        params.put("limit", q.limit() + 1);
        List<Row> rows = new ArrayList<>(jdbc.sql(sql.toString()).params(params).query((rs, i) -> new Row(
                rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getObject(5, OffsetDateTime.class).toInstant(), rs.getObject(6, OffsetDateTime.class).toInstant(),
                rs.getString(7))).list());
        boolean more = rows.size() > q.limit();
        if (more) {
            rows.removeLast();
            Row last = rows.getLast();
            return new Page(rows, true, new ObjectQuery.Cursor(last.dateAdded(), last.seq()).toString());
        }
        return new Page(rows, false, null);
    }

    /** Deletes the versions of one object that the query selects and the deleter can see; returns how many. */
    public int delete(UUID collection, Participant deleter, ObjectQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        String sql = visible(collection, deleter, q, params)
                + " delete from taxii_object where seq in (select seq from v where " + versionFilter(q, params) + ")";
        return jdbc.sql(sql).params(params).update();
    }

    /**
     * The CTE {@code v}: versions in the collection that pass TLP and the id, type and spec_version filters, each
     * ranked from the newest and from the oldest of its object's visible versions. Without match[spec_version] only
     * the newest spec version of each object is kept (section 3.4.4; "2.0" < "2.1" as text).
     */
    private static String visible(UUID collection, Participant reader, ObjectQuery q, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("""
                with b as (
                    select seq, object_id, type, spec_version, version, date_added, object,
                        max(spec_version) over (partition by object_id) as newest_spec
                    from taxii_object
                    where collection_id = :c
                      and (tlp <> 'red' or created_by_ref = :me or red_recipients @> jsonb_build_array(cast(:me as text)))""");
        params.put("c", collection);
        params.put("me", reader.identity());
        if (!q.ids().isEmpty()) {
            sql.append(" and object_id in (:ids)");
            params.put("ids", q.ids());
        }
        if (!q.types().isEmpty()) {
            sql.append(" and type in (:types)");
            params.put("types", q.types());
        }
        sql.append("""
                ), v as (
                    select seq, object_id, type, spec_version, version, date_added, object,
                        row_number() over (partition by object_id order by version desc) as newest,
                        row_number() over (partition by object_id order by version asc) as oldest
                    from b where\s""");
        if (q.specVersions().isEmpty()) {
            sql.append("spec_version = newest_spec");
        } else {
            sql.append("spec_version in (:specs)");
            params.put("specs", q.specVersions());
        }
        return sql.append(")").toString();
    }

    private static String versionFilter(ObjectQuery q, Map<String, Object> params) {
        List<String> any = new ArrayList<>();
        if (q.versionKeywords().contains("all")) {
            return "true";
        }
        if (q.versionKeywords().contains("last")) {
            any.add("newest = 1");
        }
        if (q.versionKeywords().contains("first")) {
            any.add("oldest = 1");
        }
        if (!q.versions().isEmpty()) {
            any.add("version in (:versions)");
            params.put("versions", q.versions().stream().map(TaxiiTime::db).toList());
        }
        return "(" + String.join(" or ", any) + ")";
    }
}
