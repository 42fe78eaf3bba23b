package io.assay.server.security;

import io.assay.server.api.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.Optional;
import java.util.UUID;

/**
 * Every {@code /v1/} endpoint (and the HMA-compatible {@code /h/}, {@code /m/}, {@code /c/} ones) needs an API key, as {@code Authorization: Bearer KEY} or {@code X-API-Key: KEY}.
 * The authenticated key's id is kept on the request for the audit trail (which key stored which scan).
 */
@Component
public class ApiKeyFilter extends OncePerRequestFilter {

    public static final String KEY_ID = ApiKeyFilter.class.getName() + ".keyId";

    private final ApiKeys keys;
    private final JsonMapper json;

    public ApiKeyFilter(ApiKeys keys, JsonMapper json) {
        this.keys = keys;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        // /v1 is Assay's API; /h, /m and /c are the HMA-compatible hash, match and bank endpoints.
        return !(uri.startsWith("/v1/") || uri.startsWith("/h/") || uri.startsWith("/m/") || uri.startsWith("/c/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader("X-API-Key");
        String auth = request.getHeader("Authorization");
        if (presented == null && auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = auth.substring(7).trim();
        }
        Optional<UUID> id = keys.authenticate(presented);
        if (id.isEmpty()) {
            ProblemDetail p = Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized",
                    presented == null ? "this endpoint needs an API key (Authorization: Bearer KEY or X-API-Key: KEY)"
                            : "the API key is not valid");
            response.setStatus(401);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"assay\"");
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getWriter().write(json.writeValueAsString(p));
            return;
        }
        request.setAttribute(KEY_ID, id.get());
        chain.doFilter(request, response);
    }
}
