package io.assay.server.taxii;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Collections and memberships (who may read, who may write). */
@Repository
public class Collections {

    /** A collection without a reader's point of view (for the admin API). */
    public record Info(UUID id, String title, String description) {
    }

    private final JdbcClient jdbc;

    public Collections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Info create(String title, String description) {
        Info c = new Info(UUID.randomUUID(), title, description);
        jdbc.sql("insert into taxii_collection (id, title, description, created_at) values (:id, :title, :d, :at)")
                .param("id", c.id()).param("title", title).param("d", description)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        return c;
    }

    public List<Info> all() {
        return jdbc.sql("select id, title, description from taxii_collection order by created_at, id")
                .query((rs, i) -> new Info(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
    }

    public boolean exists(UUID id) {
        return jdbc.sql("select exists (select 1 from taxii_collection where id = :id)").param("id", id)
                .query(Boolean.class).single();
    }

    /** Sets a participant's rights on a collection; no right at all removes the membership. */
    public void setMember(UUID collection, UUID participant, boolean read, boolean write) {
        if (!read && !write) {
            jdbc.sql("delete from taxii_membership where collection_id = :c and participant_id = :p")
                    .param("c", collection).param("p", participant).update();
            return;
        }
        jdbc.sql("""
                        insert into taxii_membership (collection_id, participant_id, can_read, can_write) values (:c, :p, :r, :w)
                        on conflict (collection_id, participant_id) do update set can_read = excluded.can_read, can_write = excluded.can_write""")
                .param("c", collection).param("p", participant).param("r", read).param("w", write).update();
    }

    /** The collections a participant is a member of, with its rights. */
    public List<Collection> visibleTo(Participant p) {
        return jdbc.sql("""
                        select c.id, c.title, c.description, m.can_read, m.can_write
                        from taxii_collection c join taxii_membership m on m.collection_id = c.id
                        where m.participant_id = :p order by c.created_at, c.id""")
                .param("p", p.id()).query((rs, i) -> new Collection(rs.getObject(1, UUID.class), rs.getString(2),
                        rs.getString(3), rs.getBoolean(4), rs.getBoolean(5))).list();
    }

    /** The collection as the participant sees it; empty when it does not exist or the participant is no member. */
    public Optional<Collection> find(String id, Participant p) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select c.id, c.title, c.description, m.can_read, m.can_write
                        from taxii_collection c join taxii_membership m on m.collection_id = c.id
                        where c.id = :c and m.participant_id = :p""")
                .param("c", uuid).param("p", p.id()).query((rs, i) -> new Collection(rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getBoolean(5))).optional();
    }
}
