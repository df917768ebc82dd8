package bt.druk.registry.interfaces.web.browser;

import bt.druk.registry.testing.PortalHttp;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser session over plain HTTP: its own cookie jar, full-page GETs and posts, and the
 * partial (ajax) posts PrimeFaces makes, with the Faces view state carried from each response to
 * the next request exactly as the browser does. Redirects are followed by hand so that a redirect
 * to the sign-in page is seen, not silently followed.
 */
final class FacesHttpSession {

    private static final Pattern VIEW_STATE_INPUT = Pattern.compile(
            "name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern VIEW_STATE_UPDATE = Pattern.compile(
            "<update id=\"[^\"]*jakarta\\.faces\\.ViewState[^\"]*\"><!\\[CDATA\\[(.*?)]]>");
    /** The page's script nonce, which PrimeFaces' script adds to every form as {@code primefaces.nonce}. */
    private static final Pattern NONCE = Pattern.compile("PrimeFaces\\.csp\\.init\\('([^']+)'\\)");
    private static final Pattern PARTIAL_REDIRECT = Pattern.compile("<redirect url=\"([^\"]+)\"");
    private static final Pattern ERROR_TEXT = Pattern.compile(
            "class=\"(?:ui-message-error-detail|ui-messages-error-summary|ui-messages-error-detail)\"[^>]*>([^<]*)<");

    /** A response: its status, the address it came from, its body, and for a redirect where it points. */
    record Page(int status, URI uri, String body, String location) {

        String viewState() {
            Matcher m = VIEW_STATE_INPUT.matcher(body);
            return m.find() ? m.group(1) : null;
        }

        String nonce() {
            Matcher m = NONCE.matcher(body);
            return m.find() ? m.group(1) : null;
        }

        /** Error messages shown on the page or in a partial response (field and global). */
        List<String> errors() {
            List<String> errors = new ArrayList<>();
            Matcher m = ERROR_TEXT.matcher(body);
            while (m.find()) {
                errors.add(unescape(m.group(1)));
            }
            return errors;
        }

        /** The target of a partial response's {@code <redirect>}, or null. */
        String partialRedirect() {
            Matcher m = PARTIAL_REDIRECT.matcher(body);
            return m.find() ? unescape(m.group(1)) : null;
        }

        /** The option values of a {@code <select>} (PrimeFaces renders {@code <id>_input}), blank ones left out. */
        List<String> options(String selectId) {
            int start = body.indexOf("id=\"" + selectId + "\"");
            if (start < 0) {
                return List.of();
            }
            int end = body.indexOf("</select>", start);
            List<String> values = new ArrayList<>();
            Matcher m = Pattern.compile("<option value=\"([^\"]*)\"").matcher(body.substring(start, end));
            while (m.find()) {
                if (!m.group(1).isEmpty()) {
                    values.add(unescape(m.group(1)));
                }
            }
            return values;
        }

        String summary() {
            String text = body.replaceAll("(?s)<script.*?</script>", " ").replaceAll("<[^>]+>", " ")
                    .replaceAll("\\s+", " ").trim();
            return "HTTP " + status + " " + uri + ": " + (text.length() > 300 ? text.substring(0, 300) + "…" : text);
        }
    }

    private final String baseUrl;
    private final HttpClient http;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private String viewState;
    private String nonce;

    FacesHttpSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = PortalHttp.builder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The current session cookie's value, or null before the portal made a session. */
    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(java.net.HttpCookie::getValue).findFirst().orElse(null);
    }

    /** GET a page of the portal (path from the context root, e.g. {@code /login.xhtml}), following redirects. */
    Page get(String path) throws IOException, InterruptedException {
        return follow(send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()));
    }

    /** A full (non-ajax) form post, as {@code ajax="false"} buttons make; follows the redirect after it. */
    Page post(String path, Map<String, String> fields) throws IOException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put("jakarta.faces.ViewState", viewState);
        putNonce(body);
        return follow(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(body)))));
    }

    /** A full multipart form post with one file (as a form with {@code enctype="multipart/form-data"} sends it); follows the redirect. */
    Page postMultipart(String path, Map<String, String> fields, String fileField, String fileName, String contentType, byte[] content)
            throws IOException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>(fields);
        body.put("jakarta.faces.ViewState", viewState);
        putNonce(body);
        String boundary = "----druk" + Long.toHexString(ThreadLocalRandom.current().nextLong());
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (Map.Entry<String, String> field : body.entrySet()) {
            out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + (field.getValue() == null ? "" : field.getValue()) + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return follow(send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))));
    }

    /**
     * A PrimeFaces ajax post: the whole form's fields plus the partial-request parameters. The
     * response is the partial-response XML (or, when something refused it, whatever page came back).
     */
    Page ajax(String path, String source, String execute, String render, String event, Map<String, String> formFields)
            throws IOException, InterruptedException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("jakarta.faces.partial.ajax", "true");
        body.put("jakarta.faces.source", source);
        body.put("jakarta.faces.partial.execute", execute);
        body.put("jakarta.faces.partial.render", render);
        if (event != null) {
            body.put("jakarta.faces.behavior.event", event);
            body.put("jakarta.faces.partial.event", "change");
        } else {
            body.put(source, source);
        }
        body.putAll(formFields);
        body.put("jakarta.faces.ViewState", viewState);
        putNonce(body);
        Page page = send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .header("Faces-Request", "partial/ajax")
                .header("X-Requested-With", "XMLHttpRequest")
                .POST(HttpRequest.BodyPublishers.ofString(formEncoded(body))));
        Matcher m = VIEW_STATE_UPDATE.matcher(page.body());
        if (m.find()) {
            viewState = m.group(1);
        }
        return page;
    }

    // ---- what a clerk does, step by step as the browser does it (shared by the HTTP-level tests) ----

    static final String REGISTER = "/clerk/land/register.xhtml";

    /** Opens the sign-in page and signs in; the page it lands on (the dashboard when it worked). */
    Page signIn(String username, String password) throws IOException, InterruptedException {
        get("/login.xhtml");
        return postSignIn(username, password);
    }

    /** Posts the sign-in form of the sign-in page already open (a full post, as its button makes). */
    Page postSignIn(String username, String password) throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("login", "login");
        fields.put("login:next", "");
        fields.put("login:username", username);
        fields.put("login:password", password);
        fields.put("login:signIn", "");
        return post("/login.xhtml", fields);
    }

    /** The outcome of one registration through the form: the failure (null when saved) and the save's response. */
    record Registration(String pin, String dzongkhag, String gewog, Page response, String failure) {
        boolean saved() {
            return failure == null;
        }
    }

    /**
     * Registers a parcel through the real form: open it, choose a dzongkhag (the ajax step that fills
     * the gewogs), a gewog from its answer, save. {@code variant} picks the dzongkhag, gewog and land
     * type among the page's options. Saved means the save answered with the redirect to the title page.
     */
    Registration registerParcel(String pin, int variant) throws IOException, InterruptedException {
        Page form = get(REGISTER);
        List<String> dzongkhags = form.options("register:dzongkhag_input");
        List<String> landTypes = form.options("register:landType_input");
        if (form.status() != 200 || dzongkhags.isEmpty() || landTypes.isEmpty()) {
            return new Registration(pin, null, null, form, "register page: " + form.summary());
        }
        String dzongkhag = dzongkhags.get(Math.floorMod(variant, dzongkhags.size()));
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("register", "register");
        fields.put("register:pin", pin);
        fields.put("register:thramNo", "T" + pin);
        fields.put("register:dzongkhag_input", dzongkhag);
        fields.put("register:areaAcres", "1.25");
        fields.put("register:landType_input", landTypes.get(Math.floorMod(variant, landTypes.size())));
        fields.put("register:owners:0:name", "Owner " + pin);
        fields.put("register:owners:0:cid", "1" + String.format("%010d", ThreadLocalRandom.current().nextLong(10_000_000_000L)));
        fields.put("register:owners:0:share", "1");
        Page step = ajax(REGISTER, "register:dzongkhag", "register:dzongkhag", "register:gewogField", "valueChange", fields);
        List<String> gewogs = step.options("register:gewog_input");
        if (step.status() != 200 || gewogs.isEmpty()) {
            return new Registration(pin, dzongkhag, null, step,
                    "dzongkhag step: no gewogs of " + dzongkhag + " came back: " + step.summary());
        }
        String gewog = gewogs.get(Math.floorMod(variant, gewogs.size()));
        fields.put("register:gewog_input", gewog);
        Page saved = ajax(REGISTER, "register:save", "register", "register", null, fields);
        if (saved.status() != 200 || saved.partialRedirect() == null) {
            return new Registration(pin, dzongkhag, gewog, saved, "save: " + saved.errors() + " " + saved.summary());
        }
        return new Registration(pin, dzongkhag, gewog, saved, null);
    }

    /** Follows a partial response's redirect with a GET, as PrimeFaces does. */
    Page followPartialRedirect(Page partial) throws IOException, InterruptedException {
        String target = partial.partialRedirect();
        if (target == null) {
            throw new IllegalStateException("no redirect in " + partial.summary());
        }
        return follow(send(HttpRequest.newBuilder(URI.create(baseUrl).resolve(target)).GET()));
    }

    private Page follow(Page page) throws IOException, InterruptedException {
        for (int hops = 0; page.status() / 100 == 3 && hops < 5; hops++) {
            page = send(HttpRequest.newBuilder(page.uri().resolve(page.location())).GET());
        }
        String state = page.viewState();
        if (state != null) {
            viewState = state;
            nonce = page.nonce();
        }
        return page;
    }

    /** As the page's script does: a post of a form carries the page's nonce (a page rendered again without it is refused). */
    private void putNonce(Map<String, String> body) {
        if (nonce != null) {
            body.put("primefaces.nonce", nonce);
        }
    }

    private Page send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        return new Page(response.statusCode(), response.uri(), response.body(),
                response.headers().firstValue("Location").orElse(null));
    }

    /** A form body, {@code application/x-www-form-urlencoded}. */
    static String formEncoded(Map<String, String> fields) {
        StringBuilder body = new StringBuilder();
        fields.forEach((name, value) -> {
            if (body.length() > 0) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8));
        });
        return body.toString();
    }

    static String unescape(String html) {
        return html.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
