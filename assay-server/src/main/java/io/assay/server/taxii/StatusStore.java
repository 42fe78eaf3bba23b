package io.assay.server.taxii;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Status resources of POSTed envelopes; only the participant that posted may read one. */
@Repository
public class StatusStore {

    private final JdbcClient jdbc;
    private final JsonMapper mapper;

    public StatusStore(JdbcClient jdbc, JsonMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public void save(UUID collection, Participant poster, StatusResource status) {
        jdbc.sql("""
                        insert into taxii_status (id, collection_id, participant_id, request_timestamp, resource)
                        values (:id, :c, :p, :at, cast(:r as jsonb))""")
                .param("id", UUID.fromString(status.id())).param("c", collection).param("p", poster.id())
                .param("at", TaxiiTime.db(Instant.parse(status.request_timestamp())))
                .param("r", mapper.writeValueAsString(status)).update();
    }

    public Optional<JsonNode> find(String id, Participant reader) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return jdbc.sql("select resource::text from taxii_status where id = :id and participant_id = :p")
                .param("id", uuid).param("p", reader.id()).query(String.class).optional().map(mapper::readTree);
    }
}
