package bt.druk.registry.interfaces.web.record;

import bt.druk.registry.application.audit.TamperWarnings;
import bt.druk.registry.application.record.LedgerBindingGuard;
import bt.druk.registry.application.land.LandPublicService;
import bt.druk.registry.domain.record.RecordStamps;
import bt.druk.registry.interfaces.web.language.Languages;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Serves the public land record page ({@code /records/land.xhtml?pin=…}) to anonymous readers from
 * {@link PublicPageCache}: one cheap query (the record's {@link RecordStamps stamp}) per request
 * instead of a render. The stamp, the latest tamper report (read at most once a second), whether
 * the portal is on its own ledger (the page says when its receipts cannot be checked) and this
 * deployment make the entity tag, with the page's language (chosen by link or cookie, else
 * Accept-Language) in both the cache key and the tag, so {@code If-None-Match} gets a 304 and any change of the record
 * (a version, a commit, a rejection, a receipt) renders the page afresh. Signed-in staff, other
 * parameters ({@code check=ledger}) and anything but GET pass straight through; so does a page
 * whose rendering opened a session or did not answer 200.
 */
@WebFilter(urlPatterns = "/records/land.xhtml")
public class PublicPageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Pattern PIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,63}");
    private static final long TAMPER_READ_NANOS = 1_000_000_000L;
    /** A new deployment may render differently, so its tags differ from the last one's. */
    private static final String DEPLOYMENT = HexFormat.of().formatHex(new SecureRandom().generateSeed(8));

    @Inject
    transient PublicPageCache cache;

    @Inject
    transient RecordStamps stamps;

    @Inject
    transient TamperWarnings tamperWarnings;

    @Inject
    transient LedgerBindingGuard ledgerBinding;

    private volatile long tamperRun;
    private volatile long tamperReadAt;
    private volatile boolean tamperRead;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String recordKey = cacheableRecordKey(request);
        Optional<RecordStamps.Stamp> stamp = recordKey == null ? Optional.empty() : stamps.of(recordKey);
        if (stamp.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = recordKey + " " + request.getServletPath() + " " + language(request);
        boolean foreignLedger = ledgerBinding.verdict() instanceof LedgerBindingGuard.Mismatch;
        String tag = entityTag(key + " " + stamp.get().text() + " " + tamperRun() + " " + foreignLedger + " " + DEPLOYMENT);
        Optional<PublicPageCache.Page> cached = cache.get(key, tag);
        // A browser takes a 304's headers for the copy it keeps, the policy included: the 304 carries the
        // policy whose nonce that copy's scripts hold. Without the page at hand it is rendered afresh.
        if (cached.isPresent() && matches(request.getHeader("If-None-Match"), tag)) {
            headers(response, tag, stamp.get());
            policy(response, cached.get());
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        if (cached.isPresent()) {
            write(response, tag, stamp.get(), cached.get());
            return;
        }
        Capture capture = new Capture(response);
        chain.doFilter(request, capture);
        byte[] body = capture.body();
        if (capture.getStatus() == HttpServletResponse.SC_OK && request.getSession(false) == null && !response.isCommitted()) {
            // The page's inline scripts carry the nonce of the policy it was rendered with: it is sent again
            // with every copy. Whoever injected markup into the record would have had to know the nonce
            // before it existed (any change of the record renders the page afresh with a new one).
            PublicPageCache.Page page = new PublicPageCache.Page(tag, body, capture.getContentType(), null, stamp.get().lastChange(),
                    response.getHeader("Content-Security-Policy"));
            cache.put(key, page);
            write(response, tag, stamp.get(), page);
        } else if (!response.isCommitted()) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    /** The record the request reads if it is an anonymous GET of exactly {@code ?pin=<PIN>}; else null. */
    static String cacheableRecordKey(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod()) || request.getUserPrincipal() != null) {
            return null;
        }
        Map<String, String[]> parameters = request.getParameterMap();
        String[] pin = parameters.get("pin");
        if (parameters.size() != 1 || pin == null || pin.length != 1 || !PIN.matcher(pin[0].trim()).matches()) {
            return null;
        }
        return LandPublicService.recordKeyOf(pin[0]);
    }

    /**
     * The page's language: the reader's choice by link or {@code druk-lang} cookie, else the first
     * supported one the browser accepts ({@link Languages#of}, as {@code LanguageFilter} tells Faces).
     */
    static String language(HttpServletRequest request) {
        return Languages.of(request);
    }

    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals(tag) || c.equals("W/" + tag)) {
                return true;
            }
        }
        return false;
    }

    static String entityTag(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private long tamperRun() {
        long now = System.nanoTime();
        if (!tamperRead || now - tamperReadAt > TAMPER_READ_NANOS) {
            tamperRun = tamperWarnings.latestRunId();
            tamperReadAt = now;
            tamperRead = true;
        }
        return tamperRun;
    }

    private static void headers(HttpServletResponse response, String tag, RecordStamps.Stamp stamp) {
        response.setHeader("ETag", tag);
        // Any cache may keep it, but must ask again each time: the record can change at any moment.
        response.setHeader("Cache-Control", "public, no-cache");
        // The language follows the druk-lang cookie, else Accept-Language: a shared cache must key on both.
        response.setHeader("Vary", "Accept-Language, Cookie");
        if (stamp.lastChange() != null) {
            response.setDateHeader("Last-Modified", stamp.lastChange().toEpochMilli());
        }
    }

    /** The policy the page was rendered with, whose nonce its inline scripts carry. */
    private static void policy(HttpServletResponse response, PublicPageCache.Page page) {
        if (page.policy() != null) {
            response.setHeader("Content-Security-Policy", page.policy());
        }
    }

    private static void write(HttpServletResponse response, String tag, RecordStamps.Stamp stamp, PublicPageCache.Page page)
            throws IOException {
        headers(response, tag, stamp);
        policy(response, page);
        response.setContentType(page.contentType());
        response.setContentLength(page.body().length);
        response.getOutputStream().write(page.body());
    }

    /** Keeps what the page writes until the filter decides what to send. */
    static final class Capture extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(32 * 1024);
        private ServletOutputStream stream;
        private PrintWriter writer;

        Capture(HttpServletResponse response) {
            super(response);
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }

        @Override
        public ServletOutputStream getOutputStream() {
            if (writer != null) {
                throw new IllegalStateException("getWriter() was called");
            }
            if (stream == null) {
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) {
                        buffer.write(b);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        buffer.write(b, off, len);
                    }

                    @Override
                    public boolean isReady() {
                        return true;
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        throw new UnsupportedOperationException("not asynchronous");
                    }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (stream != null) {
                throw new IllegalStateException("getOutputStream() was called");
            }
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(buffer, getCharacterEncoding()));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            // held back until the filter sends the page
        }

        @Override
        public void resetBuffer() {
            if (writer != null) {
                writer.flush();
            }
            buffer.reset();
        }

        @Override
        public void reset() {
            super.reset();
            resetBuffer();
        }

        @Override
        public void setContentLength(int len) {
            // the filter sets the length of what it sends
        }

        @Override
        public void setContentLengthLong(long len) {
            // the filter sets the length of what it sends
        }
    }
}
