package bt.druk.registry.infrastructure.fabric;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.hyperledger.fabric.client.identity.Identities;
import org.hyperledger.fabric.client.identity.Signer;
import org.hyperledger.fabric.client.identity.Signers;

/**
 * An identity's certificate, private key and the signer the gateway signs with: from the
 * organisation's PKCS#11 token ({@link Pkcs11Tokens}: the key is a handle, the token signs) or from
 * the PEM files of a connection file that names no token for the identity's organisation.
 */
record SigningCredentials(X509Certificate certificate, PrivateKey key, Signer signer) {

    /** A key held in memory (PEM file): fabric-gateway's own signer. */
    SigningCredentials(X509Certificate certificate, PrivateKey key) {
        this(certificate, key, Signers.newPrivateKeySigner(key));
    }

    static SigningCredentials fromPemFiles(Path certificate, Path privateKey) throws IOException, GeneralSecurityException {
        X509Certificate x509;
        try (Reader in = Files.newBufferedReader(certificate)) {
            x509 = Identities.readX509Certificate(in);
        }
        try (Reader in = Files.newBufferedReader(privateKey)) {
            return new SigningCredentials(x509, Identities.readPrivateKey(in));
        }
    }
}
