package bt.druk.registry.chaincode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.hyperledger.fabric.shim.ChaincodeServerProperties;
import org.hyperledger.fabric.shim.NettyChaincodeServer;

/**
 * The registry's chaincode as a service (the jar's main class): one process per organisation, which
 * only that organisation's peer calls, over mutual TLS, routed by {@link RegistryRouter}.
 * <p>
 * Why not the shim's own {@code ContractRouter} main: it serves TLS but never asks the peer for a
 * certificate, so anyone who reaches the port could drive the contract. Here the server also requires
 * a client certificate issued by the organisation's CA ({@value #CLIENT_CA_ENV}), which its peers present
 * (the package's {@code connection.json} carries the key pair of {@code chaincode-client.<org>}).
 * <p>
 * Settings: {@code CHAINCODE_SERVER_ADDRESS} (host:port) and {@code CORE_CHAINCODE_ID_NAME} (the
 * package id) as for the shim; {@value #CERT_ENV}, {@value #KEY_ENV} (PKCS#8 PEM) and
 * {@value #CLIENT_CA_ENV} for mutual TLS. Without {@value #CERT_ENV} the service refuses to start
 * unless {@value #PLAIN_ENV}{@code =true} (plain text, for a developer's own machine only).
 */
public final class ChaincodeService {

    static final String ADDRESS_ENV = "CHAINCODE_SERVER_ADDRESS";
    static final String CERT_ENV = "DRUK_CHAINCODE_TLS_CERT_FILE";
    static final String KEY_ENV = "DRUK_CHAINCODE_TLS_KEY_FILE";
    static final String CLIENT_CA_ENV = "DRUK_CHAINCODE_TLS_CLIENT_CA_FILE";
    static final String PLAIN_ENV = "DRUK_CHAINCODE_PLAINTEXT";

    private static final Logger LOG = Logger.getLogger(ChaincodeService.class.getName());

    private ChaincodeService() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        RegistryRouter router = new RegistryRouter(args);
        ChaincodeServerProperties server = serverProperties(System.getenv(ADDRESS_ENV), System.getenv(CERT_ENV),
                System.getenv(KEY_ENV), System.getenv(CLIENT_CA_ENV), "true".equals(System.getenv(PLAIN_ENV)));
        // The shim logs its own TLS settings as off: those are for a chaincode that dials its peer, unused here.
        LOG.info(() -> "Serving on " + server.getServerAddress() + (server.isTlsEnabled()
                ? " over mutual TLS, clients certified by " + server.getTrustCertCollectionFile() : " in plain text"));
        new NettyChaincodeServer(router, server).start();
    }

    /** The server's settings; refuses missing or unreadable files with the setting's name. */
    static ChaincodeServerProperties serverProperties(String address, String cert, String key, String clientCa, boolean plainText) {
        ChaincodeServerProperties server = new ChaincodeServerProperties();
        server.setServerAddress(socketAddress(address));
        if (cert == null || cert.isBlank()) {
            if (!plainText) {
                throw new IllegalStateException(CERT_ENV + " is not set: the chaincode service serves only over mutual TLS"
                        + " (" + PLAIN_ENV + "=true for plain text on a developer's machine)");
            }
            return server;
        }
        server.setTlsEnabled(true);
        server.setKeyCertChainFile(readable(CERT_ENV, cert));
        server.setKeyFile(readable(KEY_ENV, key));
        // A trust collection makes the shim's server require the client's certificate (mutual TLS).
        server.setTrustCertCollectionFile(readable(CLIENT_CA_ENV, clientCa));
        return server;
    }

    static InetSocketAddress socketAddress(String address) {
        if (address == null || address.isBlank()) {
            throw new IllegalStateException(ADDRESS_ENV + " is not set (host:port the peer connects to)");
        }
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalStateException(ADDRESS_ENV + " must be host:port, got " + address);
        }
        try {
            return new InetSocketAddress(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ADDRESS_ENV + " must be host:port, got " + address, e);
        }
    }

    private static String readable(String setting, String file) {
        if (file == null || file.isBlank() || !Files.isReadable(Path.of(file))) {
            throw new IllegalStateException(setting + " must name a readable file, got " + file);
        }
        return file;
    }
}
