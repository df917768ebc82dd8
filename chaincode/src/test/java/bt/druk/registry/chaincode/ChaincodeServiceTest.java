package bt.druk.registry.chaincode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChaincodeServiceTest {

    @TempDir
    Path dir;

    @Test
    void withCertificatesTheServerRequiresTheClientsCertificateFromTheGivenCa() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "c");
        Path key = Files.writeString(dir.resolve("key.pem"), "k");
        Path ca = Files.writeString(dir.resolve("ca.pem"), "a");
        ChaincodeServerProperties server = ChaincodeService.serverProperties("127.0.0.1:7057", cert.toString(), key.toString(),
                ca.toString(), false);
        assertTrue(server.isTlsEnabled());
        assertEquals(cert.toString(), server.getKeyCertChainFile());
        assertEquals(key.toString(), server.getKeyFile());
        assertEquals(ca.toString(), server.getTrustCertCollectionFile(), "a trust collection is what makes the shim require client certificates");
        assertEquals(new InetSocketAddress("127.0.0.1", 7057), server.getServerAddress());
    }

    @Test
    void withoutACertificateItRefusesToStartUnlessPlainTextIsAskedFor() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ChaincodeService.serverProperties("127.0.0.1:7057", null, null, null, false));
        assertTrue(refused.getMessage().contains(ChaincodeService.CERT_ENV), refused.getMessage());
        assertFalse(ChaincodeService.serverProperties("127.0.0.1:7057", null, null, null, true).isTlsEnabled());
    }

    @Test
    void aMissingClientCaIsNamed() throws IOException {
        Path cert = Files.writeString(dir.resolve("cert.pem"), "c");
        Path key = Files.writeString(dir.resolve("key.pem"), "k");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ChaincodeService.serverProperties(
                "127.0.0.1:7057", cert.toString(), key.toString(), dir.resolve("nowhere.pem").toString(), false));
        assertTrue(refused.getMessage().startsWith(ChaincodeService.CLIENT_CA_ENV), refused.getMessage());
    }

    @Test
    void anAddressWithoutAPortIsRefused() {
        assertThrows(IllegalStateException.class, () -> ChaincodeService.socketAddress("127.0.0.1"));
        assertThrows(IllegalStateException.class, () -> ChaincodeService.socketAddress("127.0.0.1:x"));
        assertThrows(IllegalStateException.class, () -> ChaincodeService.socketAddress(null));
    }
}
