package bt.druk.registry.infrastructure.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FabricConnectionConfigTest {

    @TempDir
    Path dir;

    @Test
    void eachMspMayNameItsToken() throws Exception {
        Path file = dir.resolve("connection.json");
        Files.writeString(file, """
                {"channel": "registry",
                 "peers": {"LandMSP": {"endpoint": "localhost:7051", "tlsCaCert": "/x/tls.pem"}},
                 "identities": {"land.clerk": {"mspId": "LandMSP", "certificate": "/x/c.pem", "privateKey": "/x/k.pem"}},
                 "tokens": {"LandMSP": {"config": "/etc/druk/pkcs11-land.cfg", "pinFile": "/etc/druk/land.pin"},
                            "NotaryMSP": {"config": "/etc/druk/pkcs11-notary.cfg", "pinFile": "/etc/druk/notary.pin"}}}
                """);
        FabricConnectionConfig config = FabricConnectionConfig.read(file);
        assertEquals(Map.of(
                "LandMSP", new FabricConnectionConfig.Token("LandMSP", Path.of("/etc/druk/pkcs11-land.cfg"), Path.of("/etc/druk/land.pin")),
                "NotaryMSP", new FabricConnectionConfig.Token("NotaryMSP", Path.of("/etc/druk/pkcs11-notary.cfg"), Path.of("/etc/druk/notary.pin"))),
                config.tokens());
        assertEquals(Optional.of(Path.of("/etc/druk/pkcs11-land.cfg")), config.token("LandMSP").map(FabricConnectionConfig.Token::config));
        assertTrue(config.token("CourtMSP").isEmpty());
    }

    @Test
    void aFileWithoutTokensSignsWithThePemFiles() throws Exception {
        Path file = dir.resolve("connection.json");
        Files.writeString(file, """
                {"peers": {},
                 "identities": {"land.clerk": {"mspId": "LandMSP", "certificate": "/x/c.pem", "privateKey": "/x/k.pem"}}}
                """);
        FabricConnectionConfig config = FabricConnectionConfig.read(file);
        assertTrue(config.tokens().isEmpty());
        assertEquals(Path.of("/x/k.pem"), config.identity("land.clerk").orElseThrow().privateKey());
    }
}
