package bt.druk.registry.interfaces.rest;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends a fresh kept answer of {@code GET /api/verify/<sha256>} ({@link VerifyAnswers}) straight
 * away: a document many check at once costs a map lookup, not a pass through Jakarta REST. Anything
 * else (no fresh answer, another path, a query, another method) goes on to {@link VerifyResource},
 * which reads the answer and keeps it.
 */
@WebFilter(urlPatterns = "/api/verify/*")
public class VerifyAnswerFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern SHA256 = Pattern.compile("/api/verify/([0-9a-f]{64})");

    @Inject
    transient VerifyAnswers answers;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Matcher path = SHA256.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Optional<VerifyAnswers.Answer> kept = "GET".equals(request.getMethod()) && request.getQueryString() == null
                && path.matches() ? answers.fresh(path.group(1)) : Optional.empty();
        if (kept.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = kept.get().json().getBytes(StandardCharsets.UTF_8);
        response.setStatus(kept.get().status());
        response.setContentType(ApiJson.JSON);
        response.setHeader("Cache-Control", VerifyAnswers.CACHE_CONTROL);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
