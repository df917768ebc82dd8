package bt.druk.registry.infrastructure.fabric;

import static bt.druk.registry.domain.shared.JsonProviders.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The connection file written by deploy/network.sh: channel, chaincode, each MSP's peers, the
 * enrolled identities (absolute paths to the certificate and key of their copy for command-line
 * clients and tests) and the PKCS#11 token of each organisation (MSP) whose identities sign inside an
 * HSM. An identity whose MSP has a token signs with the token's key of its name (the portal's own
 * enrolment, docs/hsm.md); otherwise with its PEM files.
 */
public record FabricConnectionConfig(String channel, String chaincode, Map<String, Peer> peersByMsp,
                                     Map<String, IdentityFiles> identities, Map<String, Token> tokens,
                                     Map<String, Authority> authorities, List<Orderer> orderers) {

    public FabricConnectionConfig {
        tokens = Map.copyOf(tokens);
        authorities = Map.copyOf(authorities);
        orderers = List.copyOf(orderers);
    }

    /** An orderer, where channel configuration updates are sent. */
    public record Orderer(String endpoint, String hostOverride, Path tlsCaCert) {
    }

    /**
     * An organisation's certificate authority and the portal's registrar there, whose key is in the
     * organisation's token: it registers, enrols and revokes staff members' own identities.
     */
    public record Authority(String mspId, java.net.URI url, String caName, Path tlsCaCert, String registrar, String crlAdmin) {
    }

    /**
     * An organisation's PKCS#11 token (one per agency), holding each of its identities' key and
     * certificate under the identity's name.
     *
     * @param config  the SunPKCS11 configuration file (library, slot, key attributes); see docs/hsm.md
     * @param pinFile the file holding the token's user PIN, readable by the portal's user only
     */
    public record Token(String mspId, Path config, Path pinFile) {
    }

    /**
     * An organisation's peers as a client reaches them.
     *
     * @param endpoints every peer of the organisation, in order of preference (from {@code "endpoints"},
     *                  else the one {@code "endpoint"})
     */
    public record Peer(String mspId, List<String> endpoints, String hostOverride, Path tlsCaCert) {

        public Peer {
            if (endpoints.isEmpty()) {
                throw new IllegalArgumentException("no endpoint for " + mspId);
            }
            endpoints = List.copyOf(endpoints);
        }
    }

    public record IdentityFiles(String name, String mspId, Path certificate, Path privateKey, String role) {
    }

    public static FabricConnectionConfig read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); JsonReader reader = JSON.createReader(in)) {
            JsonObject root = reader.readObject();
            Map<String, Peer> peers = new LinkedHashMap<>();
            root.getJsonObject("peers").forEach((msp, value) -> {
                JsonObject p = value.asJsonObject();
                List<String> endpoints = p.containsKey("endpoints")
                        ? p.getJsonArray("endpoints").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                        : List.of(p.getString("endpoint"));
                peers.put(msp, new Peer(msp, endpoints, p.getString("hostOverride", null), Path.of(p.getString("tlsCaCert"))));
            });
            Map<String, IdentityFiles> identities = new LinkedHashMap<>();
            root.getJsonObject("identities").forEach((name, value) -> {
                JsonObject i = value.asJsonObject();
                identities.put(name, new IdentityFiles(name, i.getString("mspId"), Path.of(i.getString("certificate")),
                        Path.of(i.getString("privateKey")), i.getString("role", null)));
            });
            Map<String, Token> tokens = new LinkedHashMap<>();
            JsonObject tokenObjects = root.getJsonObject("tokens");
            if (tokenObjects != null) {
                tokenObjects.forEach((msp, value) -> {
                    JsonObject t = value.asJsonObject();
                    tokens.put(msp, new Token(msp, Path.of(t.getString("config")), Path.of(t.getString("pinFile"))));
                });
            }
            Map<String, Authority> authorities = new LinkedHashMap<>();
            JsonObject authorityObjects = root.getJsonObject("authorities");
            if (authorityObjects != null) {
                authorityObjects.forEach((msp, value) -> {
                    JsonObject a = value.asJsonObject();
                    authorities.put(msp, new Authority(msp, java.net.URI.create(a.getString("url")), a.getString("caName"),
                            Path.of(a.getString("tlsCaCert")), a.getString("registrar"), a.getString("crlAdmin", null)));
                });
            }
            List<Orderer> orderers = new java.util.ArrayList<>();
            if (root.containsKey("orderers")) {
                root.getJsonArray("orderers").getValuesAs(JsonObject.class).forEach(o -> orderers.add(new Orderer(
                        o.getString("endpoint"), o.getString("hostOverride", null), Path.of(o.getString("tlsCaCert")))));
            }
            return new FabricConnectionConfig(root.getString("channel", "registry"), root.getString("chaincode", "registry"),
                    peers, identities, tokens, authorities, orderers);
        }
    }

    /** The certificate authority of this MSP where the portal registers staff members, if it has one. */
    public Optional<Authority> authority(String mspId) {
        return Optional.ofNullable(authorities.get(mspId));
    }

    /** The token the identities of this MSP sign with, if it has one. */
    public Optional<Token> token(String mspId) {
        return Optional.ofNullable(tokens.get(mspId));
    }

    public Optional<IdentityFiles> identity(String name) {
        return Optional.ofNullable(identities.get(name));
    }

    /**
     * The identity the portal reads with: {@code druk.fabric.reader} if given, else the first of
     * inspector, admin (both may read every register).
     */
    public Optional<IdentityFiles> readerIdentity(Optional<String> configured) {
        if (configured.isPresent()) {
            return identity(configured.get());
        }
        for (String candidate : new String[] {"portal.reader", "portal", "inspector", "admin"}) {
            if (identities.containsKey(candidate)) {
                return identity(candidate);
            }
        }
        return identities.values().stream().filter(i -> "inspector".equals(i.role()) || "admin".equals(i.role())).findFirst();
    }
}
