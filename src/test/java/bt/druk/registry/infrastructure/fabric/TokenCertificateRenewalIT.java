package bt.druk.registry.infrastructure.fabric;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.domain.ledger.SigningCertificates.Renewal;
import bt.druk.registry.domain.ledger.SigningCertificates.SigningCertificate;
import bt.druk.registry.domain.ledger.StaffLedgerIdentities;
import bt.druk.registry.network.NetworkScript;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Renewal against the shared network's land CA (fabric-ca-server) and peers: a staff identity issued
 * into the land token as the portal issues one is re-enrolled with the key it has, and the peers take
 * a proposal signed under the new certificate; the CA will not renew an identity it revoked. Each run
 * issues new, unique identities, which stay in the CA and the token.
 */
class TokenCertificateRenewalIT {

    /** The certificate attributes Fabric CA writes (attrmgr.AttrOID), which the chaincode reads. */
    private static final String ATTRIBUTES_OID = "1.2.3.4.5.6.7.8.1";

    private static FabricConnections connections;
    private static FabricStaffIdentities staff;
    private static FabricSigningCertificates certificates;

    @BeforeAll
    static void network() {
        NetworkScript.ensureUp();
        connections = new FabricConnections(NetworkScript.connectionFile());
        staff = new FabricStaffIdentities(connections);
        certificates = new FabricSigningCertificates(connections, Clock.systemUTC());
    }

    @AfterAll
    static void close() {
        if (connections != null) {
            connections.close();
        }
    }

    @Test
    void aStaffIdentityIsRenewedWithItsKeyAndThePeersTakeItsNewCertificate() throws Exception {
        String name = issued();
        X509Certificate before = tokenCertificate(name);
        evaluateAs(name);
        untilTheCaWouldEndANewCertificateLater(Instant.now());

        Renewal renewal = certificates.renew(certificate(name));

        Renewal.Renewed renewed = assertInstanceOf(Renewal.Renewed.class, renewal, renewal::toString);
        X509Certificate after = tokenCertificate(name);
        assertNotEquals(before.getSerialNumber(), after.getSerialNumber());
        assertArrayEquals(before.getPublicKey().getEncoded(), after.getPublicKey().getEncoded(), "the same key");
        assertEquals(before.getIssuerX500Principal(), after.getIssuerX500Principal());
        assertArrayEquals(before.getExtensionValue(ATTRIBUTES_OID), after.getExtensionValue(ATTRIBUTES_OID),
                "the CA writes the registered attributes again");
        assertEquals(renewed.notAfter(), after.getNotAfter().toInstant());
        Duration sinceNotBefore = Duration.between(after.getNotBefore().toInstant(), Instant.now());
        assertTrue(!sinceNotBefore.isNegative() && sinceNotBefore.compareTo(Duration.ofMinutes(3)) < 0,
                "Fabric CA took the NotBefore asked for, about now: " + after.getNotBefore().toInstant());
        assertFalse(certificate(name).dueForRenewal(Instant.now()));
        // The gateway was dropped: this proposal is signed under the new certificate, and the peer validates it.
        evaluateAs(name);
    }

    @Test
    void anIdentityTheCaRevokedIsRefused() throws Exception {
        String name = issued();
        X509Certificate before = tokenCertificate(name);
        FabricConnectionConfig.Authority ca = connections.currentConfig().authority("LandMSP").orElseThrow();
        SigningCredentials registrar = connections.signingTokens().credentials("LandMSP", ca.registrar());
        new FabricCaAdmin(ca.url(), ca.caName(), ca.tlsCaCert(), registrar.certificate(), registrar.signer())
                .revoke(name, "privilegewithdrawn");

        Renewal renewal = certificates.renew(certificate(name));

        // fabric-ca answers a revoked (or expired) certificate's token with its generic authentication failure;
        // its log says "The certificate in the authorization header is a revoked certificate" (code 28).
        Renewal.Refused refused = assertInstanceOf(Renewal.Refused.class, renewal, renewal::toString);
        assertTrue(refused.reason().contains("Authentication failure (code 20)") && refused.reason().contains("HTTP 401"),
                refused.reason());
        assertEquals(before, tokenCertificate(name), "the current certificate stays");
    }

    /**
     * Fabric CA ends a certificate at its request time rounded to the minute plus the signing expiry, so
     * one asked for within the same rounded minute as the enrolment would end no later, and is refused
     * (FabricCaReenrolment). In service renewal comes at two thirds of the lifetime; here, wait up to a minute.
     */
    private static void untilTheCaWouldEndANewCertificateLater(Instant enrolled) throws InterruptedException {
        Instant roundedDown = enrolled.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
        Instant rounded = Duration.between(roundedDown, enrolled).getSeconds() >= 30 ? roundedDown.plusSeconds(60) : roundedDown;
        Instant from = rounded.plusSeconds(31);
        while (Instant.now().isBefore(from)) {
            Thread.sleep(Math.max(1, Duration.between(Instant.now(), from).toMillis()));
        }
    }

    /** A new land clerk's identity, issued into the land token as the portal issues one. */
    private static String issued() {
        String name = "land.renewal-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(4));
        staff.issue(new StaffLedgerIdentities.Holder(name, "LandMSP", "clerk", "land", "THIMPHU", null));
        return name;
    }

    private static SigningCertificate certificate(String name) {
        return certificates.current().stream().filter(c -> c.identity().equals(name)).findFirst().orElseThrow();
    }

    private static X509Certificate tokenCertificate(String name) throws Exception {
        return connections.signingTokens().credentials("LandMSP", name).certificate();
    }

    private static void evaluateAs(String name) throws Exception {
        byte[] answer = connections.networkAs(name).getContract(connections.currentConfig().chaincode())
                .evaluateTransaction("GetNoticePeriod");
        assertTrue(answer.length > 0, "an answer to " + name);
    }
}
