package io.assay.server.taxii;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Optional;

/**
 * Guards every {@code /taxii2/} request before a controller sees it: a participant token
 * ({@code Authorization: Bearer TOKEN}), an Accept header this server can answer (406; {@code text/event-stream} on
 * the event streams), and on POST a TAXII
 * Content-Type (415) and a declared length within {@code max_content_length} (413). Refusals are TAXII error messages.
 */
@Component
public class TaxiiFilter extends OncePerRequestFilter {

    public static final String PREFIX = "/taxii2/";
    static final String PARTICIPANT = TaxiiFilter.class.getName() + ".participant";

    private final Participants participants;
    private final TaxiiProperties props;
    private final JsonMapper json;

    public TaxiiFilter(Participants participants, TaxiiProperties props, JsonMapper json) {
        this.participants = participants;
        this.props = props;
        this.json = json;
    }

    /** The authenticated participant of a request that passed this filter. */
    public static Participant participant(HttpServletRequest request) {
        return (Participant) request.getAttribute(PARTICIPANT);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !(uri.startsWith(PREFIX) || uri.equals("/taxii2"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String auth = request.getHeader("Authorization");
        String token = auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7) ? auth.substring(7).trim() : null;
        Optional<Participant> p = participants.authenticate(token);
        if (p.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"assay-taxii\"");
            refuse(response, new TaxiiException(401, "Unauthorized", "unauthorized", token == null
                    ? "TAXII endpoints need a participant token (Authorization: Bearer TOKEN)" : "the token is not valid"));
            return;
        }
        String accept = String.join(",", java.util.Collections.list(request.getHeaders("Accept")));
        boolean stream = "GET".equals(request.getMethod()) && EventsController.isEventStream(request.getRequestURI());
        if (stream ? !TaxiiMedia.acceptsEventStream(accept) : !TaxiiMedia.acceptable(accept)) {
            refuse(response, new TaxiiException(406, "Not acceptable", "not-acceptable",
                    "this server answers with " + (stream ? "text/event-stream" : TaxiiMedia.TAXII)
                            + "; send it in the Accept header"));
            return;
        }
        if ("POST".equals(request.getMethod())) {
            if (!TaxiiMedia.postable(request.getContentType())) {
                refuse(response, new TaxiiException(415, "Unsupported media type", "unsupported-media-type",
                        "POST a TAXII envelope as " + TaxiiMedia.TAXII));
                return;
            }
            if (request.getContentLengthLong() > props.maxContentLength().toBytes()) {
                refuse(response, TaxiiException.tooLarge(props.maxContentLength().toBytes()));
                return;
            }
        }
        request.setAttribute(PARTICIPANT, p.get());
        chain.doFilter(request, response);
    }

    private void refuse(HttpServletResponse response, TaxiiException e) throws IOException {
        response.setStatus(e.status());
        response.setContentType(TaxiiMedia.TAXII);
        // Bytes (JSON is UTF-8), so that no charset parameter is added to the TAXII media type.
        response.getOutputStream().write(json.writeValueAsBytes(e.error()));
    }
}
