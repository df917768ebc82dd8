package bt.druk.registry.interfaces.web.ocds;

import bt.druk.registry.interfaces.web.certificate.PublicBaseUrl;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import bt.druk.registry.application.procurement.ocds.OcdsCodes;
import bt.druk.registry.application.procurement.ocds.OcdsExport;
import bt.druk.registry.application.procurement.ocds.OcdsLinks;
import bt.druk.registry.application.procurement.ocds.OcdsPackages;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonWriter;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The procurement register as OCDS 1.1.5 open data:
 * <ul>
 * <li>{@code GET /ocds/releases/<ocid>.json}: release package, every release of that tender;</li>
 * <li>{@code GET /ocds/records/<ocid>.json}: record package, its releases linked and compiled;</li>
 * <li>{@code GET /ocds/releases.json}: bulk release package, every release of every tender;</li>
 * <li>{@code GET /ocds/extensions/druk-ledger/extension.json} (and its {@code release-schema.json},
 *     {@code README.md}): the extension declaring our ledger-evidence fields.</li>
 * </ul>
 * {@code application/json} in UTF-8, never a session, an {@code ETag} answered with 304 to a
 * matching {@code If-None-Match}, a minute of public caching (a new version can change a package at
 * any time), readable from any origin. An unknown OCID, or one whose tender the ledger has not
 * committed yet, is a 404 with a small JSON body, not the HTML error page.
 *
 * <p>A tender's packages are built whole and tagged with the SHA-256 of their bytes. The bulk package
 * is streamed as it is read (no length, chunked), so its tag comes first, from a fingerprint of every
 * tender and bid version ({@link OcdsExport#bulkTag}): a 304 reads nothing else.
 */
@WebServlet(urlPatterns = {"/ocds/releases.json", "/ocds/releases/*", "/ocds/records/*", "/ocds/extensions/*"})
public class OcdsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Pattern OCID_PATH = Pattern.compile("/([A-Za-z0-9][A-Za-z0-9._~+:-]{0,159})\\.json");
    private static final String EXTENSION_DIR = "/" + OcdsCodes.LEDGER_EXTENSION_NAME + "/";
    private static final String EXTENSION_RESOURCES = "/bt/druk/registry/ocds/" + OcdsCodes.LEDGER_EXTENSION_NAME + "/";

    @Inject
    transient OcdsExport export;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OcdsLinks links = new OcdsLinks(PublicBaseUrl.of(request));
        String servletPath = request.getServletPath();
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (servletPath) {
            case "/ocds/releases.json" -> bulk(request, response, links);
            case "/ocds/releases" -> byOcid(request, response, path, ocid -> export.releasePackage(ocid, links));
            case "/ocds/records" -> byOcid(request, response, path, ocid -> export.recordPackage(ocid, links));
            case "/ocds/extensions" -> extension(request, response, path, links);
            default -> notFound(response, "Not found");
        }
    }

    private void bulk(HttpServletRequest request, HttpServletResponse response, OcdsLinks links) throws IOException {
        String etag = "\"" + export.bulkTag(links) + "\"";
        if (notModified(request, response, etag)) {
            return;
        }
        Optional<OcdsExport.StreamedPackage> bulk = export.bulkReleasePackage(links);
        if (bulk.isEmpty()) {
            notFound(response, "No release is published yet");
            return;
        }
        headers(response, etag);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        bulk.get().writeTo(response.getOutputStream());
    }

    private static void byOcid(HttpServletRequest request, HttpServletResponse response, String path,
                               Function<String, Optional<JsonObject>> find) throws IOException {
        Matcher m = OCID_PATH.matcher(path);
        if (!m.matches()) {
            notFound(response, "Not found");
            return;
        }
        answer(request, response, find.apply(m.group(1)), "No published tender has the OCID " + m.group(1));
    }

    private static void extension(HttpServletRequest request, HttpServletResponse response, String path, OcdsLinks links)
            throws IOException {
        if (path.equals(EXTENSION_DIR + "extension.json")) {
            send(request, response, bytes(OcdsPackages.ledgerExtension(links)), "application/json");
            return;
        }
        String file = path.startsWith(EXTENSION_DIR) ? path.substring(EXTENSION_DIR.length()) : "";
        String type = file.equals("release-schema.json") ? "application/json" : file.equals("README.md") ? "text/markdown" : null;
        try (InputStream in = type == null ? null : OcdsServlet.class.getResourceAsStream(EXTENSION_RESOURCES + file)) {
            if (in == null) {
                notFound(response, "Not found");
                return;
            }
            send(request, response, in.readAllBytes(), type);
        }
    }

    private static void answer(HttpServletRequest request, HttpServletResponse response, Optional<JsonObject> json,
                               String missing) throws IOException {
        if (json.isEmpty()) {
            notFound(response, missing);
            return;
        }
        send(request, response, bytes(json.get()), "application/json");
    }

    static void send(HttpServletRequest request, HttpServletResponse response, byte[] body, String type) throws IOException {
        String etag = "\"" + sha256(body) + "\"";
        if (notModified(request, response, etag)) {
            return;
        }
        headers(response, etag);
        response.setContentType(type);
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Answers 304 (with the headers the content would have) when the client holds this version already. */
    private static boolean notModified(HttpServletRequest request, HttpServletResponse response, String etag) {
        if (!matches(request.getHeader("If-None-Match"), etag)) {
            return false;
        }
        headers(response, etag);
        response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        return true;
    }

    private static void headers(HttpServletResponse response, String etag) {
        response.setHeader("ETag", etag);
        response.setHeader("Cache-Control", "public, max-age=60");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("X-Content-Type-Options", "nosniff");
    }

    /** Set status and body ourselves: sendError would render the HTML error page (and could start a session). */
    static void notFound(HttpServletResponse response, String message) throws IOException {
        byte[] body = bytes(JSON.createObjectBuilder().add("error", message).build());
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("Access-Control-Allow-Origin", "*");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }

    static byte[] bytes(JsonObject json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonWriter writer = JSON.createWriter(out)) {
            writer.writeObject(json);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
