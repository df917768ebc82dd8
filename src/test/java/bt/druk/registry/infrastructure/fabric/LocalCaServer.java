package bt.druk.registry.infrastructure.fabric;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * The HTTPS side of a stand-in Fabric CA: a self-signed TLS certificate for localhost and 127.0.0.1,
 * whose PEM is written where the client under test reads the CA's TLS root, and a server on a free
 * loopback port. What the stand-in answers stays with each test's handler; the helpers here give it
 * cfssl's envelope, as fabric-ca-server answers.
 */
final class LocalCaServer {

    /** Protects only the in-memory key store that hands the TLS key to the server; the API wants one. */
    private static final char[] KEY_STORE_PASSWORD = "x".toCharArray();

    private final HttpsServer server;
    private final URI url;
    private final Path tlsRoot;

    private LocalCaServer(HttpsServer server, Path tlsRoot) {
        this.server = server;
        this.url = URI.create("https://localhost:" + server.getAddress().getPort());
        this.tlsRoot = tlsRoot;
    }

    /** Writes the TLS root to tlsRoot and starts serving handler under path. */
    static LocalCaServer start(Path tlsRoot, String path, HttpHandler handler) throws Exception {
        KeyPair tlsKey = TestCertificates.ecKeyPair();
        X509Certificate tlsCert = TestCertificates.selfSigned(tlsKey, "CN=localhost", false, new GeneralNames(new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
        Files.writeString(tlsRoot, TestCertificates.pem(tlsCert));

        KeyStore serverKeys = KeyStore.getInstance("PKCS12");
        serverKeys.load(null, null);
        serverKeys.setKeyEntry("tls", tlsKey.getPrivate(), KEY_STORE_PASSWORD, new Certificate[] {tlsCert});
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(serverKeys, KEY_STORE_PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, new SecureRandom());

        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext(path, handler);
        server.start();
        return new LocalCaServer(server, tlsRoot);
    }

    /** The CA's address, by the name its TLS certificate is for. */
    URI url() {
        return url;
    }

    /** The PEM file of the self-signed certificate the server presents: the CA's TLS root for the client. */
    Path tlsRoot() {
        return tlsRoot;
    }

    /** Serves handler under path, ahead of a handler for a shorter path that contains it. */
    void serve(String path, HttpHandler handler) {
        server.createContext(path, handler);
    }

    void stop() {
        server.stop(0);
    }

    // ---- cfssl's envelope, as fabric-ca-server answers ----

    static JsonObject success(JsonElement result) {
        JsonObject body = new JsonObject();
        body.add("result", result);
        body.add("errors", new JsonArray());
        body.add("messages", new JsonArray());
        body.addProperty("success", true);
        return body;
    }

    /** An enrolment's or re-enrolment's answer: the certificate and the CA's chain, each base64(PEM), as {@code EnrollmentResponseNet}. */
    static JsonObject enrolled(X509Certificate certificate, X509Certificate ca, String caName) throws IOException {
        java.util.Base64.Encoder b64 = java.util.Base64.getEncoder();
        JsonObject serverInfo = new JsonObject();
        serverInfo.addProperty("CAName", caName);
        serverInfo.addProperty("CAChain", b64.encodeToString(TestCertificates.pem(ca).getBytes(StandardCharsets.UTF_8)));
        JsonObject result = new JsonObject();
        result.addProperty("Cert", b64.encodeToString(TestCertificates.pem(certificate).getBytes(StandardCharsets.UTF_8)));
        result.add("ServerInfo", serverInfo);
        return success(result);
    }

    static JsonObject failure(int code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("message", message);
        JsonArray errors = new JsonArray();
        errors.add(error);
        JsonObject body = new JsonObject();
        body.addProperty("result", "");
        body.add("errors", errors);
        body.add("messages", new JsonArray());
        body.addProperty("success", false);
        return body;
    }

    static void answer(HttpExchange exchange, int status, JsonObject body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
