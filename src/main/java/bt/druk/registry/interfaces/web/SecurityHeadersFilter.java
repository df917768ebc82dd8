package bt.druk.registry.interfaces.web;

import bt.druk.registry.interfaces.web.client.ClientConnections;
import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The security headers of every response of the portal, decided here and nowhere else (mapped first
 * in {@code web.xml}, for requests, forwards and error pages alike).
 *
 * <ul>
 * <li>{@code Content-Security-Policy} ({@link #policy(String)}): scripts only from the portal itself
 *     and, on a Faces page, the inline scripts that carry the page's nonce. PrimeFaces writes its
 *     widgets' set-up and every {@code on…} handler as such scripts ({@code primefaces.CSP} in
 *     {@code web.xml}) and announces its nonce in a header of its own; {@link NonceAware} folds that
 *     nonce into this policy, so a response has exactly one policy. Styles may be inline (PrimeFaces
 *     writes {@code style} attributes); nothing may frame the portal.</li>
 * <li>A servlet that sets a policy of its own without a nonce (a stored file is served with
 *     {@code default-src 'none'; sandbox}) keeps it, with {@code frame-ancestors 'none'} added if
 *     it has none.</li>
 * <li>{@code X-Frame-Options: DENY} for browsers that predate {@code frame-ancestors};
 *     {@code X-Content-Type-Options: nosniff}; {@code Referrer-Policy: same-origin}, since a page
 *     address may hold a PIN or a document's hash that no other site needs to learn;
 *     {@code Permissions-Policy} switching off what the portal never uses.</li>
 * <li>Pages that hold a secret in their address or show one ({@link #isSecretPage}: the staff account
 *     set-up page, whose address carries a one-time token, the administrators' pages, which show
 *     that link once, and {@value #API_TOKENS_PAGE}, which shows a new API token once) are sent with {@code Referrer-Policy: no-referrer} and
 *     {@code Cache-Control: no-store}, so no other site learns the token from a link followed and no
 *     browser or proxy cache keeps the page.</li>
 * <li>{@code Strict-Transport-Security} only on a request that came over TLS, to the portal or to a
 *     trusted proxy in front of it ({@link ClientConnections}): on plain HTTP the header means nothing
 *     (and a browser ignores it), and sent from a plain-HTTP development portal behind
 *     {@code localhost} it would pin other local sites to HTTPS.</li>
 * <li>Pages take GET, HEAD and POST only; any other method gets 405 (with {@code Allow}) and the
 *     portal's own error page instead of a page rendered for a PUT. The REST API under {@code /api}
 *     answers methods itself (a problem document with {@code Allow}). Every status without a page
 *     of its own in {@code web.xml} gets {@code error.xhtml}, rendered as for a GET
 *     ({@link #asPageRequest}).</li>
 * </ul>
 */
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String CSP = "Content-Security-Policy";
    static final String HSTS = "Strict-Transport-Security";
    /** One year; a portal that has once been reached over TLS is reached only over TLS. */
    static final String HSTS_VALUE = "max-age=31536000";
    static final String PAGE_METHODS = "GET, HEAD, POST";
    private static final Set<String> PAGE_METHOD_SET = Set.of("GET", "HEAD", "POST");
    /** PrimeFaces' nonce: base64 of a UUID. */
    private static final Pattern NONCE = Pattern.compile("'nonce-([A-Za-z0-9+/_=-]{16,128})'");

    @Inject
    transient ClientConnections clients;

    /**
     * The policy of a page, with the nonce its inline scripts carry (null: no inline script may run).
     * {@code data:} images and fonts are the PrimeFaces theme's; the verify page hashes files in the
     * browser and sends only the hash, to the portal itself.
     */
    static String policy(String nonce) {
        return "default-src 'self'; script-src 'self'" + (nonce == null ? "" : " 'nonce-" + nonce + "'")
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'"
                + "; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        apply(response, clients.secure(request));
        if (isSecretPage(request)) {
            applySecretPage(response);
        }
        if (!allowedMethod(request)) {
            response.setHeader("Allow", PAGE_METHODS);
            response.sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
            return;
        }
        chain.doFilter(asPageRequest(request), new NonceAware(response));
    }

    /**
     * An error page is rendered as for a GET, whatever the method of the request it answers: Faces
     * renders no page for a method it does not know (PATCH, PROPFIND) and would answer 400 with an
     * empty body instead of the 405 and the portal's page.
     */
    static HttpServletRequest asPageRequest(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.ERROR
                || PAGE_METHOD_SET.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return request;
        }
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getMethod() {
                return "GET";
            }
        };
    }

    /**
     * Sets every header on {@code response} (again on an error page: the container may have reset
     * them); HSTS when the client came over TLS ({@code secure}).
     */
    static void apply(HttpServletResponse response, boolean secure) {
        response.setHeader(CSP, policy(null));
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()");
        if (secure) {
            response.setHeader(HSTS, HSTS_VALUE);
        }
    }

    /** The page where staff make personal API tokens, whose value it shows once. */
    static final String API_TOKENS_PAGE = "/clerk/api-tokens.xhtml";

    /**
     * The set-up page (its address holds a one-time token), the administrators' pages (they show
     * one) and the API tokens page (it shows a new token).
     */
    static boolean isSecretPage(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/account/") || path.startsWith("/admin/") || path.equals(API_TOKENS_PAGE);
    }

    /** No referrer and no cache, on top of {@link #apply}. */
    static void applySecretPage(HttpServletResponse response) {
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Pragma", "no-cache");
    }

    /** Pages: GET, HEAD, POST; the REST API decides for itself; an error dispatch keeps the method it was for. */
    static boolean allowedMethod(HttpServletRequest request) {
        if (request.getDispatcherType() != DispatcherType.REQUEST) {
            return true;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api") || path.startsWith("/api/")) {
            return true;
        }
        return PAGE_METHOD_SET.contains(request.getMethod().toUpperCase(Locale.ROOT));
    }

    /**
     * The one policy a response carries once something inside sets its own: with a nonce (PrimeFaces'
     * header) the portal's policy with that nonce; without one (a servlet's stricter policy) that policy,
     * never frameable.
     */
    static String merged(String offered) {
        if (offered == null || offered.isBlank()) {
            return policy(null);
        }
        Matcher nonce = NONCE.matcher(offered);
        if (nonce.find()) {
            return policy(nonce.group(1));
        }
        return offered.contains("frame-ancestors") ? offered : offered.strip().replaceAll(";\\s*$", "") + "; frame-ancestors 'none'";
    }

    /** Turns every {@code Content-Security-Policy} set or added inside the chain into the one {@link #merged} policy. */
    static final class NonceAware extends HttpServletResponseWrapper {

        NonceAware(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, CSP.equalsIgnoreCase(name) ? merged(value) : value);
        }

        @Override
        public void addHeader(String name, String value) {
            if (CSP.equalsIgnoreCase(name)) {
                super.setHeader(CSP, merged(value));
            } else {
                super.addHeader(name, value);
            }
        }
    }
}
