package bt.druk.registry.network;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The office rules of issue 26 on the real network: each refusal sent straight to the ledger by a
 * fabric-gateway client ({@link GatewaySubmitMain#submit}) signed as the wrong office's identity, with
 * nothing of the portal in between. The chaincode reads the office from the certificate
 * ({@code land.clerk2} and {@code notary.clerk2} are of the Paro office, {@code deploy/network.sh}),
 * never from an argument.
 */
class OfficeRulesIT {

    private static final Path CONNECTION = NetworkScript.connectionFile();

    @BeforeAll
    static void network() {
        NetworkScript.ensureUp();
    }

    @Test
    void aParoClerkCannotFirstRegisterAThimphuParcel() {
        String key = uniqueKey("land-title:CHA1");
        String refused = submit("land.clerk2", "RegisterTitle", key, NetworkScript.sha256(key), "PARO", "Thimphu");
        assertRefused(refused, "is in Thimphu dzongkhag, which the PARO land office does not serve");
        assertTrue(NetworkScript.run("query", "inspector", "audit", "GetRecord", key).output().contains("[NOT_FOUND]"),
                "the refusal wrote nothing");
        String lying = submit("land.clerk2", "RegisterTitle", key, NetworkScript.sha256(key), "THIMPHU", "Thimphu");
        assertRefused(lying, "is kept by the THIMPHU office; clerk land.clerk2 is of the PARO office");

        String paro = uniqueKey("land-title:LAM1");
        assertCommitted(submit("land.clerk2", "RegisterTitle", paro, NetworkScript.sha256(paro), "PARO", "Paro"));
    }

    @Test
    void aParoNotaryCannotRevokeAThimphuNotarisation() {
        String key = thimphuNotarisation("revoke");
        String revoke = submit("notary.clerk2", "RevokeNotarisation", key, "2", NetworkScript.sha256(key + "#2"),
                NetworkScript.sha256(key + "#1"), "Forged seal");
        assertRefused(revoke, "is kept by the THIMPHU office; notary notary.clerk2 is of the PARO office");
        assertTrue(NetworkScript.runOrFail("query", "inspector", "audit", "GetRecord", key).output().contains("\"version\":1"),
                "the refusal wrote nothing");
        assertCommitted(submit("notary.clerk", "RevokeNotarisation", key, "2", NetworkScript.sha256(key + "#2"),
                NetworkScript.sha256(key + "#1"), "Forged seal"));
    }

    @Test
    void aParoNotaryCannotSupersedeAThimphuNotarisation() {
        String old = thimphuNotarisation("old");
        String replacement = thimphuNotarisation("new");
        String supersede = submit("notary.clerk2", "SupersedeNotarisation", old, "2", NetworkScript.sha256(old + "#2"),
                NetworkScript.sha256(old + "#1"), replacement, "Corrected deed");
        assertRefused(supersede, "is kept by the THIMPHU office; notary notary.clerk2 is of the PARO office");
        assertTrue(NetworkScript.runOrFail("query", "inspector", "audit", "GetRecord", old).output().contains("\"status\":\"registered\""),
                "the refusal wrote nothing");
    }

    @Test
    void aParoNotaryCannotNotariseOrAnchorInThimphusName() {
        String key = uniqueKey("notarisation:IT-PARO");
        assertRefused(submit("notary.clerk2", "RegisterNotarisation", key, NetworkScript.sha256(key + "#1"),
                NetworkScript.sha256(key + "-document"), "THIMPHU"), "a notary writes for their own office");
        String anchor = uniqueKey("anchor:IT-PARO");
        assertRefused(submit("notary.clerk2", "AnchorBatch", anchor, NetworkScript.sha256(anchor), "4", "THIMPHU"),
                "would be kept by the THIMPHU office; notary notary.clerk2 is of the PARO office");
        assertTrue(NetworkScript.run("query", "inspector", "audit", "GetRecord", anchor).output().contains("[NOT_FOUND]"));
        assertCommitted(submit("notary.clerk2", "AnchorBatch", anchor, NetworkScript.sha256(anchor), "4", "PARO"));
    }

    /** A notarisation the Thimphu notary registers: version 1 of hash SHA-256({@code key#1}). */
    private static String thimphuNotarisation(String what) {
        String key = uniqueKey("notarisation:IT-" + what);
        assertCommitted(submit("notary.clerk", "RegisterNotarisation", key, NetworkScript.sha256(key + "#1"),
                NetworkScript.sha256(key + "-document"), "THIMPHU"));
        return key;
    }

    private static String submit(String identity, String function, String... arguments) {
        return GatewaySubmitMain.submit(CONNECTION, identity, function, arguments);
    }

    private static void assertRefused(String outcome, String messagePart) {
        assertTrue(outcome.startsWith("REFUSED WRONG_OFFICE ") && outcome.contains(messagePart), outcome);
    }

    private static void assertCommitted(String outcome) {
        assertTrue(outcome.startsWith("COMMITTED "), outcome);
    }

    private static String uniqueKey(String prefix) {
        return prefix + "-" + System.nanoTime();
    }
}
