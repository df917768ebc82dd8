package bt.druk.registry.verifier;

import bt.druk.registry.verifier.VerifierOptions.PeerSettings;
import bt.druk.registry.verifier.VerifierOptions.UsageException;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads a network's connection file (deploy/network.sh writes one) for one identity: the identity's
 * certificate and key, and the peer of the identity's own organisation, never another's.
 */
public final class ConnectionFile {

    /** What the file says besides the peer: the channel and chaincode it names. */
    public record Settings(PeerSettings peer, String channel, String chaincode) {
    }

    private ConnectionFile() {
    }

    /** @throws UsageException if the file cannot be read or has no such identity or no peer for it */
    public static Settings read(Path file, String identityName) {
        JsonObject root;
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader reader = Json.createReader(in)) {
            root = reader.readObject();
        } catch (IOException e) {
            throw new UsageException("cannot read the connection file " + file + ": " + e);
        } catch (JsonException | IllegalStateException | ClassCastException e) {
            throw new UsageException("the connection file " + file + " is not a JSON object: " + e.getMessage());
        }
        try {
            JsonObject identities = root.getJsonObject("identities");
            JsonObject identity = identities == null ? null : identities.getJsonObject(identityName);
            if (identity == null) {
                throw new UsageException("the connection file " + file + " has no identity named " + identityName);
            }
            String mspId = identity.getString("mspId");
            JsonObject peers = root.getJsonObject("peers");
            JsonObject peer = peers == null ? null : peers.getJsonObject(mspId);
            if (peer == null) {
                throw new UsageException("the connection file " + file + " has no peer of " + mspId + ", the organisation of "
                        + identityName);
            }
            Path folder = file.toAbsolutePath().getParent();
            PeerSettings settings = new PeerSettings(peer.getString("endpoint"), folder.resolve(peer.getString("tlsCaCert")),
                    Optional.ofNullable(peer.getString("hostOverride", null)).filter(s -> !s.isBlank()), mspId,
                    folder.resolve(identity.getString("certificate")), folder.resolve(identity.getString("privateKey")));
            return new Settings(settings, root.getString("channel", "registry"), root.getString("chaincode", "registry"));
        } catch (NullPointerException | ClassCastException e) {
            throw new UsageException("the connection file " + file + " lacks a setting for " + identityName + ": " + e.getMessage());
        }
    }
}
