package bt.druk.registry.interfaces.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.interfaces.web.client.ClientConnections;
import bt.druk.registry.interfaces.web.client.TrustedProxies;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecurityHeadersFilterTest {

    /** A request of this method, path and dispatch, over TLS or not. */
    private static HttpServletRequest request(String method, String uri, boolean secure, DispatcherType dispatch) {
        return (HttpServletRequest) Proxy.newProxyInstance(SecurityHeadersFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> uri;
                    case "getContextPath" -> "/druk-registry";
                    case "isSecure" -> secure;
                    case "getDispatcherType" -> dispatch;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> method + " " + uri;
                    default -> null;
                });
    }

    /** A response that keeps its headers (one value a name, as setHeader leaves it) and the error sent. */
    private static final class Response {
        final Map<String, String> headers = new LinkedHashMap<>();
        final List<Integer> errors = new ArrayList<>();
        final HttpServletResponse proxy = (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (p, m, args) -> switch (m.getName()) {
                    case "setHeader", "addHeader" -> {
                        headers.put((String) args[0], (String) args[1]);
                        yield null;
                    }
                    case "getHeader" -> headers.get((String) args[0]);
                    case "sendError" -> {
                        errors.add((Integer) args[0]);
                        yield null;
                    }
                    case "hashCode" -> System.identityHashCode(p);
                    case "equals" -> p == args[0];
                    default -> null;
                });
    }

    private static Response filter(HttpServletRequest request, List<HttpServletRequest> passedOn) throws Exception {
        return filter(request, passedOn, TrustedProxies.NONE);
    }

    private static Response filter(HttpServletRequest request, List<HttpServletRequest> passedOn, TrustedProxies proxies)
            throws Exception {
        Response response = new Response();
        SecurityHeadersFilter filter = new SecurityHeadersFilter();
        filter.clients = new ClientConnections(proxies);
        filter.doFilter(request, response.proxy, (req, res) -> passedOn.add((HttpServletRequest) req));
        return response;
    }

    /** A plain-HTTP GET from {@code peer} carrying {@code X-Forwarded-Proto: https}. */
    private static HttpServletRequest saysHttps(String peer) {
        HttpServletRequest plain = request("GET", "/druk-registry/index.xhtml", false, DispatcherType.REQUEST);
        return (HttpServletRequest) Proxy.newProxyInstance(SecurityHeadersFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "getRemoteAddr" -> peer;
                    case "getHeaders" -> java.util.Collections.enumeration("X-Forwarded-Proto".equalsIgnoreCase((String) args[0])
                            ? List.of("https") : List.of());
                    default -> m.invoke(plain, args);
                });
    }

    @Test
    void everyResponseGetsThePolicyAndTheOtherHeadersButNoHstsOverPlainHttp() throws Exception {
        List<HttpServletRequest> passedOn = new ArrayList<>();
        Response response = filter(request("GET", "/druk-registry/index.xhtml", false, DispatcherType.REQUEST), passedOn);

        assertEquals(1, passedOn.size(), "the page is served");
        String policy = response.headers.get("Content-Security-Policy");
        assertTrue(policy.contains("script-src 'self';"), policy);
        assertFalse(policy.replaceAll("style-src [^;]*;", "").contains("unsafe-inline"), "only styles may be inline: " + policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertTrue(policy.contains("object-src 'none'") && policy.contains("base-uri 'self'") && policy.contains("form-action 'self'"));
        assertEquals("DENY", response.headers.get("X-Frame-Options"));
        assertEquals("nosniff", response.headers.get("X-Content-Type-Options"));
        assertEquals("same-origin", response.headers.get("Referrer-Policy"));
        assertTrue(response.headers.containsKey("Permissions-Policy"));
        assertNull(response.headers.get("Strict-Transport-Security"), "HSTS means nothing over plain HTTP");
    }

    @Test
    void theSetUpPageTheAdministratorsPagesAndTheApiTokensPageSendNoReferrerAndAreNeverCached() throws Exception {
        for (String page : List.of("/druk-registry/account/setup.xhtml", "/druk-registry/admin/staff.xhtml",
                "/druk-registry/admin/account.xhtml", "/druk-registry/clerk/api-tokens.xhtml")) {
            Response response = filter(request("GET", page, false, DispatcherType.REQUEST), new ArrayList<>());
            assertEquals("no-referrer", response.headers.get("Referrer-Policy"), page);
            assertEquals("no-store", response.headers.get("Cache-Control"), page);
            assertTrue(response.headers.get("Content-Security-Policy").contains("frame-ancestors 'none'"), page);
        }
        Response other = filter(request("GET", "/druk-registry/clerk/index.xhtml", false, DispatcherType.REQUEST), new ArrayList<>());
        assertEquals("same-origin", other.headers.get("Referrer-Policy"));
        assertNull(other.headers.get("Cache-Control"), "other pages keep their own caching");
    }

    @Test
    void hstsOnlyWhenTheRequestCameOverTls() throws Exception {
        Response response = filter(request("GET", "/druk-registry/index.xhtml", true, DispatcherType.REQUEST), new ArrayList<>());
        assertEquals("max-age=31536000", response.headers.get("Strict-Transport-Security"));
    }

    @Test
    void hstsBehindATrustedProxyThatSaysHttpsAndNotWhenAnyoneElseSaysIt() throws Exception {
        TrustedProxies proxy = TrustedProxies.parse("127.0.0.1");
        assertEquals("max-age=31536000",
                filter(saysHttps("127.0.0.1"), new ArrayList<>(), proxy).headers.get("Strict-Transport-Security"),
                "the proxy terminated TLS");
        assertNull(filter(saysHttps("203.0.113.9"), new ArrayList<>(), proxy).headers.get("Strict-Transport-Security"),
                "a client's own X-Forwarded-Proto is not believed");
        assertNull(filter(saysHttps("127.0.0.1"), new ArrayList<>()).headers.get("Strict-Transport-Security"),
                "nor anyone's while no proxy is trusted");
    }

    @Test
    void anErrorPageGetsTheHeadersAgainAndIsRenderedAsForAGet() throws Exception {
        List<HttpServletRequest> passedOn = new ArrayList<>();
        Response response = filter(request("PATCH", "/druk-registry/index.xhtml", true, DispatcherType.ERROR), passedOn);
        assertTrue(response.headers.containsKey("Content-Security-Policy"));
        assertTrue(response.headers.containsKey("Strict-Transport-Security"));
        assertEquals("GET", passedOn.get(0).getMethod(), "Faces renders no page for a method it does not know");

        List<HttpServletRequest> get = new ArrayList<>();
        HttpServletRequest plain = request("POST", "/druk-registry/index.xhtml", false, DispatcherType.ERROR);
        filter(plain, get);
        assertSame(plain, get.get(0), "a page method is passed on as it is");
    }

    @Test
    void pagesTakeGetHeadAndPostOnlyTheApiDecidesForItself() throws Exception {
        for (String method : List.of("PUT", "DELETE", "OPTIONS", "PATCH", "PROPFIND")) {
            List<HttpServletRequest> passedOn = new ArrayList<>();
            Response response = filter(request(method, "/druk-registry/records/land.xhtml", false, DispatcherType.REQUEST), passedOn);
            assertEquals(List.of(405), response.errors, method);
            assertEquals("GET, HEAD, POST", response.headers.get("Allow"), method);
            assertTrue(passedOn.isEmpty(), method + " reaches no page");
            assertTrue(response.headers.containsKey("Content-Security-Policy"), "the error page is a page too");
        }
        for (String method : List.of("GET", "HEAD", "POST")) {
            List<HttpServletRequest> passedOn = new ArrayList<>();
            assertTrue(filter(request(method, "/druk-registry/verify.xhtml", false, DispatcherType.REQUEST), passedOn).errors.isEmpty());
            assertEquals(1, passedOn.size(), method);
        }
        List<HttpServletRequest> api = new ArrayList<>();
        assertTrue(filter(request("DELETE", "/druk-registry/api/records/land-title:X", false, DispatcherType.REQUEST), api).errors.isEmpty());
        assertEquals(1, api.size(), "the REST API answers 405 itself, as a problem document");
    }

    @Test
    void primeFacesNonceIsFoldedIntoTheOnePolicy() throws Exception {
        Response response = new Response();
        HttpServletResponse[] inner = new HttpServletResponse[1];
        SecurityHeadersFilter filter = new SecurityHeadersFilter();
        filter.clients = new ClientConnections(TrustedProxies.NONE);
        filter.doFilter(request("GET", "/druk-registry/login.xhtml", false, DispatcherType.REQUEST), response.proxy,
                (req, res) -> inner[0] = (HttpServletResponse) res);

        // What PrimeFaces' CSP start-up adds once the page's nonce exists.
        inner[0].addHeader("Content-Security-Policy", "script-src 'self' 'nonce-NDM0MGUwOGEtZWIxMS00OTU4LWFlMmMtMmI0MDRhZDNiOTlh';");

        assertEquals(SecurityHeadersFilter.policy("NDM0MGUwOGEtZWIxMS00OTU4LWFlMmMtMmI0MDRhZDNiOTlh"),
                response.headers.get("Content-Security-Policy"), "one policy, the portal's, with PrimeFaces' nonce");
        assertTrue(response.headers.get("Content-Security-Policy")
                .contains("script-src 'self' 'nonce-NDM0MGUwOGEtZWIxMS00OTU4LWFlMmMtMmI0MDRhZDNiOTlh';"));
        assertTrue(response.headers.get("Content-Security-Policy").contains("frame-ancestors 'none'"));
    }

    @Test
    void aServletsOwnStricterPolicyStandsAndIsNeverFrameable() {
        assertEquals("default-src 'none'; sandbox; frame-ancestors 'none'", SecurityHeadersFilter.merged("default-src 'none'; sandbox"));
        assertEquals("default-src 'none'; frame-ancestors 'self'", SecurityHeadersFilter.merged("default-src 'none'; frame-ancestors 'self'"));
        assertEquals(SecurityHeadersFilter.policy(null), SecurityHeadersFilter.merged(null));
    }
}
