package bt.druk.registry.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.testing.RunsAlone;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each organisation's peer executes the contract in a chaincode service of its own, reached over
 * mutual TLS (issue 12): the auditor's endorsement is an independent execution, and nobody without
 * the organisation's certificate can drive its service.
 */
@RunsAlone
class ChaincodeServicesIT {

    private static final List<String> ORGS = List.of("land", "procurement", "justice", "audit");

    /** The auditor's chaincode service's port: it changes with the sequence (upgrade-chaincode). */
    private static int auditChaincodePort() {
        return NetworkScript.port("chaincode-audit");
    }
    /** An HTTP/2 SETTINGS frame's type byte: the first frame a gRPC server sends on a connection it serves. */
    private static final int SETTINGS_FRAME = 4;

    @BeforeAll
    static void network() {
        NetworkScript.ensureUp();
    }

    @Test
    void everyOrganisationRunsItsOwnChaincodeService() {
        String status = NetworkScript.runOrFail("status").output();
        for (String org : ORGS) {
            assertTrue(status.lines().anyMatch(l -> l.startsWith("chaincode-" + org + " ") && l.contains(" OK ")),
                    "chaincode-" + org + " runs:\n" + status);
        }
    }

    @Test
    void theAuditServiceServesOnlyClientsWithTheAuditorsCertificate() throws Exception {
        Path orgs = NetworkScript.stateDir().resolve("orgs");
        Path auditCa = orgs.resolve("audit/msp/tlscacerts/ca.pem");
        Path auditPeer = orgs.resolve("audit/nodes/peer0.audit/tls");
        Path landPeer = orgs.resolve("land/nodes/peer0.land/tls");

        assertEquals(SETTINGS_FRAME, firstFrameType(tls(auditCa, auditPeer)), "the auditor's peer certificate is served");
        assertThrows(IOException.class, () -> firstFrameType(tls(auditCa, null)), "no client certificate: refused");
        assertThrows(IOException.class, () -> firstFrameType(tls(auditCa, landPeer)),
                "a certificate of the land register's CA: refused");
        assertThrows(IOException.class, () -> firstFrameType(plainText()), "plain text: refused");
    }

    @Test
    void theAuditPeerExecutesTheContractInItsOwnProcess() throws InterruptedException {
        NetworkScript.runOrFail("query", "inspector", "audit", "GetNoticePeriod");
        NetworkScript.runOrFail("kill", "chaincode-audit");
        try {
            NetworkScript.Result audit = NetworkScript.run("query", "inspector", "audit", "GetNoticePeriod");
            assertFalse(audit.succeeded(), "the auditor's peer cannot execute without its own service: " + audit.output());
            NetworkScript.runOrFail("query", "inspector", "land", "GetNoticePeriod");
            String key = "land-title:CCS-" + System.nanoTime();
            NetworkScript.Result write = NetworkScript.run("invoke", "land.clerk", "RegisterTitle", key, NetworkScript.sha256(key), "THIMPHU", "Thimphu");
            assertFalse(write.succeeded(), "a write needs the auditor's own execution: " + write.output());
        } finally {
            NetworkScript.runOrFail("start");
        }
        NetworkScript.runOrFail("query", "inspector", "audit", "GetNoticePeriod");
        String key = "land-title:CCS-" + System.nanoTime();
        NetworkScript.runOrFail("invoke", "land.clerk", "RegisterTitle", key, NetworkScript.sha256(key), "THIMPHU", "Thimphu");
        assertTrue(NetworkScript.runOrFail("query", "inspector", "audit", "GetRecord", key).output().contains(NetworkScript.sha256(key)));
    }

    /** Sends the HTTP/2 preface and gives the type of the server's first frame; an IOException if it refuses. */
    private static int firstFrameType(java.net.Socket socket) throws IOException {
        try (socket) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            byte[] header = in.readNBytes(9);
            if (header.length < 9) {
                throw new IOException("connection closed after " + header.length + " bytes");
            }
            return header[3];
        }
    }

    private static java.net.Socket plainText() throws IOException {
        java.net.Socket socket = new java.net.Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", auditChaincodePort()), 5000);
        return socket;
    }

    /** A TLS connection (ALPN h2) trusting {@code ca}, presenting the key pair in {@code client} if not null. */
    private static SSLSocket tls(Path ca, Path client) throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", certificate(ca));
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (client != null) {
            keys.setKeyEntry("client", privateKey(client.resolve("keystore/key.pem")), new char[0],
                    new Certificate[] {certificate(client.resolve("signcerts/cert.pem"))});
        }
        keyManagers.init(keys, new char[0]);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"h2"});
        socket.setSSLParameters(parameters);
        socket.connect(new InetSocketAddress("127.0.0.1", auditChaincodePort()), 5000);
        socket.startHandshake();
        assertArrayEquals(new String[] {"h2"}, new String[] {socket.getApplicationProtocol()}, "gRPC over HTTP/2 negotiated");
        return socket;
    }

    private static X509Certificate certificate(Path pem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static PrivateKey privateKey(Path pem) throws IOException, GeneralSecurityException {
        String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }
}
