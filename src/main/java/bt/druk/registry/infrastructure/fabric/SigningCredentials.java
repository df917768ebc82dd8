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
 * organisation's PKCS#11 token ({@link Pkcs11Tokens}: the key is a handle, the token signs), from the
 * portal's key store (one entry per identity, under its name), or from the PEM files of a connection
 * file that names neither. The key store's password is read from its file for each load and wiped
 * after use.
 */
record SigningCredentials(X509Certificate certificate, PrivateKey key, Signer signer) {

    /** A key held in memory (PEM file or key store): fabric-gateway's own signer. */
    SigningCredentials(X509Certificate certificate, PrivateKey key) {
        this(certificate, key, Signers.newPrivateKeySigner(key));
    }

    static SigningCredentials fromKeyStore(FabricConnectionConfig.KeyStoreFile file, String alias)
            throws IOException, GeneralSecurityException {
        char[] password = Files.readString(file.passwordFile(), StandardCharsets.UTF_8).strip().toCharArray();
        try (InputStream in = Files.newInputStream(file.path())) {
            KeyStore store = KeyStore.getInstance(file.type());
            store.load(in, password);
            Key key = store.getKey(alias, password);
            Certificate certificate = store.getCertificate(alias);
            if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
                throw new GeneralSecurityException("no private key and certificate for '" + alias + "' in " + file.path());
            }
            return new SigningCredentials(x509, privateKey);
        } finally {
            Arrays.fill(password, '\0');
        }
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
