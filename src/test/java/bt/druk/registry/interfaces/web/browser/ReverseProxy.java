package bt.druk.registry.interfaces.web.browser;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Debian's nginx in front of a portal, as an operator would put it there: on 127.0.0.1 it
 * terminates TLS on {@link #tlsPort} (a certificate for IP 127.0.0.1 made for this run) and speaks
 * plain HTTP on {@link #plainPort}, and passes every request to the portal with
 * {@code X-Forwarded-For: $proxy_add_x_forwarded_for} (what the client sent, then the address it
 * connected from) and {@code X-Forwarded-Proto: $scheme}; over TLS it turns the portal's
 * {@code http://} redirects into {@code https://} ones. Its configuration, certificate, logs and
 * temporary files are in a folder of its own; it runs in the foreground as one process, ended by
 * {@link #close()}.
 */
final class ReverseProxy implements AutoCloseable {

    private static final List<Path> WHERE = List.of(Path.of("/usr/sbin/nginx"), Path.of("/usr/local/sbin/nginx"),
            Path.of("/usr/local/nginx/sbin/nginx"));

    final int tlsPort;
    final int plainPort;
    /** Trusts this proxy's certificate, and only it. */
    final SSLContext tls;
    private final Path dir;
    private final Process process;

    private ReverseProxy(int tlsPort, int plainPort, SSLContext tls, Path dir, Process process) {
        this.tlsPort = tlsPort;
        this.plainPort = plainPort;
        this.tls = tls;
        this.dir = dir;
        this.process = process;
    }

    /** The nginx executable: on the PATH or where Debian puts it. */
    static Optional<Path> nginx() {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.concat(Stream.of(path.split(":")).filter(p -> !p.isBlank()).map(p -> Path.of(p, "nginx")), WHERE.stream())
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Starts nginx in {@code dir} in front of {@code http://127.0.0.1:<portalPort>}. */
    static ReverseProxy start(Path folder, int portalPort, int tlsPort, int plainPort) throws IOException, InterruptedException {
        Path nginx = nginx().orElseThrow(() -> new IllegalStateException(
                "nginx is not installed (apt-get install -y nginx): this test runs the portal behind it"));
        Path dir = Files.createDirectories(folder).toAbsolutePath();
        SSLContext tls = certificate(dir);
        Path conf = dir.resolve("nginx.conf");
        Files.writeString(conf, config(dir, portalPort, tlsPort, plainPort));
        Path log = dir.resolve("nginx.out");
        Process process = new ProcessBuilder(nginx.toString(), "-p", dir + "/", "-c", conf.toString(), "-e", dir.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ReverseProxy proxy = new ReverseProxy(tlsPort, plainPort, tls, dir, process);
        try {
            proxy.waitUntilListening(Duration.ofSeconds(20));
        } catch (RuntimeException | InterruptedException e) {
            proxy.close();
            throw e;
        }
        return proxy;
    }

    private static String config(Path dir, int portalPort, int tlsPort, int plainPort) {
        String pass = """
                    location / {
                        proxy_pass http://127.0.0.1:%d;
                        proxy_set_header Host $http_host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_set_header X-Forwarded-Proto $scheme;
                        proxy_buffering off;
                        proxy_read_timeout 120s;
                    }
                """.formatted(portalPort);
        return """
                # nginx in front of the portal for TrustedProxyIT; one process in the foreground.
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 64; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %1$s/client_body;
                    proxy_temp_path %1$s/proxy;
                    fastcgi_temp_path %1$s/fastcgi;
                    uwsgi_temp_path %1$s/uwsgi;
                    scgi_temp_path %1$s/scgi;
                    server {
                        listen 127.0.0.1:%2$d ssl;
                        ssl_certificate %1$s/proxy.crt;
                        ssl_certificate_key %1$s/proxy.key;
                        # the portal's redirects name the scheme it was spoken to in: plain HTTP
                        proxy_redirect http://$http_host/ https://$http_host/;
                %4$s
                    }
                    server {
                        listen 127.0.0.1:%3$d;
                %4$s
                    }
                }
                """.formatted(dir.toAbsolutePath(), tlsPort, plainPort, pass);
    }

    /** A key and a certificate for IP 127.0.0.1 (PEM files for nginx), and a TLS context that trusts that certificate. */
    private static SSLContext certificate(Path dir) throws IOException {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(256);
            KeyPair keys = generator.generateKeyPair();
            X500Name name = new X500Name("CN=127.0.0.1, O=TrustedProxyIT");
            Instant now = Instant.now();
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                            java.util.Date.from(now.minus(Duration.ofHours(1))), java.util.Date.from(now.plus(Duration.ofDays(2))),
                            name, keys.getPublic())
                            .addExtension(Extension.subjectAlternativeName, false,
                                    new GeneralNames(new GeneralName(GeneralName.iPAddress, "127.0.0.1")))
                            .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
            Files.writeString(dir.resolve("proxy.crt"), pem("CERTIFICATE", certificate.getEncoded()));
            Files.writeString(dir.resolve("proxy.key"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("proxy", certificate);
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | org.bouncycastle.operator.OperatorCreationException e) {
            throw new IllegalStateException("could not make the proxy's certificate", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private void waitUntilListening(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited with " + process.exitValue() + ":\n" + log());
            }
            if (listening(tlsPort) && listening(plainPort)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("nginx did not listen on 127.0.0.1:" + tlsPort + " and :" + plainPort
                        + " within " + timeout + ":\n" + log());
            }
            Thread.sleep(100);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    /** nginx's output and error log, for failure messages. */
    String log() {
        StringBuilder text = new StringBuilder();
        for (String name : List.of("nginx.out", "error.log")) {
            Path file = dir.resolve(name);
            if (Files.exists(file)) {
                text.append("--- ").append(name).append('\n').append(PortalUnderTest.tail(file, 40)).append('\n');
            }
        }
        return text.toString();
    }

    @Override
    public void close() {
        process.destroy(); // SIGTERM: nginx's fast shutdown
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
