package io.assay.exchange.provenance;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The keys of the exchange's participants, looked up by the JWS "kid". */
@FunctionalInterface
public interface KeyRegistry {

    Optional<ParticipantKey> byKid(String kid);

    /** A fixed registry; kids must be unique. */
    static KeyRegistry of(Collection<ParticipantKey> keys) {
        Map<String, ParticipantKey> byKid = keys.stream()
                .collect(Collectors.toUnmodifiableMap(ParticipantKey::kid, Function.identity()));
        return kid -> Optional.ofNullable(byKid.get(kid));
    }
}
