package io.assay.server.exchange;

import io.assay.server.api.ProblemHandler.BadRequestException;
import io.assay.server.api.ProblemHandler.NotFoundException;
import io.assay.server.taxii.Collections;
import io.assay.server.taxii.Participant;
import io.assay.server.taxii.Participants;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.UUID;

/**
 * Administration of the TAXII exchange: participants (a token each, shown once), collections, and who may read or
 * write which collection. Under {@code /v1/}, so the server's API key guards it; participant tokens do not.
 */
@RestController
@RequestMapping("/v1/exchange")
public class ExchangeAdminController {

    private final Participants participants;
    private final Collections collections;

    public ExchangeAdminController(Participants participants, Collections collections) {
        this.participants = participants;
        this.collections = collections;
    }

    public record NewParticipant(String name, String identity) {
    }

    /** The participant and its token: the token is in no other response. */
    public record CreatedParticipant(UUID id, String name, String identity, String token) {
    }

    public record NewCollection(String title, String description) {
    }

    public record Rights(boolean read, boolean write) {
    }

    public record Membership(UUID collection, UUID participant, boolean read, boolean write) {
    }

    @PostMapping("/participants")
    @ResponseStatus(HttpStatus.CREATED)
    CreatedParticipant createParticipant(@RequestBody NewParticipant body) {
        String name = text(body == null ? null : body.name(), "name", 200);
        String identity = body.identity();
        if (identity != null && !identity.isBlank() && !Participants.IDENTITY.matcher(identity).matches()) {
            throw new BadRequestException("identity must be a STIX identity id: identity--<uuid>");
        }
        Participants.Created c = participants.create(name, identity)
                .orElseThrow(() -> new BadRequestException("a participant with this name or identity exists already"));
        Participant p = c.participant();
        return new CreatedParticipant(p.id(), p.name(), p.identity(), c.token());
    }

    @GetMapping("/participants")
    List<Participant> participants() {
        return participants.list();
    }

    /** A new token for a participant; the old one stops working. */
    @PostMapping("/participants/{id}/token")
    CreatedParticipant rotate(@PathVariable UUID id) {
        Participant p = participants.find(id).orElseThrow(() -> new NotFoundException("no participant " + id));
        String token = participants.rotate(id).orElseThrow(() -> new NotFoundException("no participant " + id));
        return new CreatedParticipant(p.id(), p.name(), p.identity(), token);
    }

    /** Revokes a participant: its token stops working; what it posted stays. */
    @DeleteMapping("/participants/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        if (!participants.revoke(id)) {
            throw new NotFoundException("no participant " + id);
        }
    }

    @PostMapping("/collections")
    @ResponseStatus(HttpStatus.CREATED)
    Collections.Info createCollection(@RequestBody NewCollection body) {
        String title = text(body == null ? null : body.title(), "title", 200);
        String description = body.description();
        if (description != null && description.length() > 2000) {
            throw new BadRequestException("description is longer than 2000 characters");
        }
        return collections.create(title, description);
    }

    @GetMapping("/collections")
    List<Collections.Info> collections() {
        return collections.all();
    }

    /** Sets a participant's rights on a collection ({read:false, write:false} removes the membership). */
    @PutMapping("/collections/{collection}/members/{participant}")
    Membership member(@PathVariable UUID collection, @PathVariable UUID participant, @RequestBody Rights rights) {
        if (!collections.exists(collection)) {
            throw new NotFoundException("no collection " + collection);
        }
        if (participants.find(participant).isEmpty()) {
            throw new NotFoundException("no participant " + participant);
        }
        collections.setMember(collection, participant, rights.read(), rights.write());
        return new Membership(collection, participant, rights.read(), rights.write());
    }

    private static String text(String value, String name, int max) {
        if (value == null || value.isBlank()) {
            throw new BadRequestException(name + " is required");
        }
        if (value.length() > max) {
            throw new BadRequestException(name + " is longer than " + max + " characters");
        }
        return value.strip();
    }
}
