package bt.druk.registry.infrastructure.fabric;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Security;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organisations' PKCS#11 tokens (SoftHSM2 here and in CI, a hardware HSM in production: only
 * the SunPKCS11 configuration file differs). Each token is opened once, on first use: a SunPKCS11
 * provider configured from its file, and a key store logged in with the PIN, which is read from its
 * file (refused if group or others may read it) and wiped straight after. Each identity's key and
 * certificate are in its organisation's token under the identity's name; the key never leaves the
 * token, which signs ({@link HsmSigner}). Thread-safe.
 */
public final class Pkcs11Tokens {

    /** A logged-in token: its provider (the token signs through it) and its key store. */
    public record OpenToken(FabricConnectionConfig.Token token, Provider provider, KeyStore keyStore) {
    }

    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private final Map<String, FabricConnectionConfig.Token> tokens;
    private final Map<String, OpenToken> open = new ConcurrentHashMap<>();

    /** @param tokens by MSP id, as the connection file names them */
    public Pkcs11Tokens(Map<String, FabricConnectionConfig.Token> tokens) {
        this.tokens = Map.copyOf(tokens);
    }

    public Map<String, FabricConnectionConfig.Token> tokens() {
        return tokens;
    }

    /** The certificate and token signer of the identity {@code name} of {@code mspId}. */
    SigningCredentials credentials(String mspId, String name) throws IOException, GeneralSecurityException {
        return credentials(open(mspId), name);
    }

    /** The certificate and token signer of the identity {@code name} in an open token. */
    static SigningCredentials credentials(OpenToken token, String name) throws GeneralSecurityException {
        Key key;
        Certificate certificate;
        synchronized (token) {
            key = token.keyStore().getKey(name, null);
            certificate = token.keyStore().getCertificate(name);
        }
        if (!(key instanceof PrivateKey privateKey) || !(certificate instanceof X509Certificate x509)) {
            throw new GeneralSecurityException("no private key and certificate for '" + name + "' in the token"
                    + (token.token().mspId().isEmpty() ? "" : " of " + token.token().mspId()) + " ("
                    + token.token().config() + "); enrol it into the token first (EnrolIntoToken)");
        }
        return new SigningCredentials(x509, privateKey, new HsmSigner(privateKey, token.provider()));
    }

    /**
     * The organisation whose token holds an identity of this name: a staff member's own identity,
     * enrolled when the account was made, is named by the account and is not in the connection file.
     */
    Optional<String> mspHolding(String name) throws IOException, GeneralSecurityException {
        for (String mspId : tokens.keySet()) {
            OpenToken token = open(mspId);
            synchronized (token) {
                if (token.keyStore().isKeyEntry(name)) {
                    return Optional.of(mspId);
                }
            }
        }
        return Optional.empty();
    }

    /** The token of {@code mspId}, opened and logged in on first use. */
    public OpenToken open(String mspId) throws IOException, GeneralSecurityException {
        OpenToken token = open.get(mspId);
        if (token != null) {
            return token;
        }
        synchronized (open) {
            token = open.get(mspId);
            if (token == null) {
                FabricConnectionConfig.Token configured = tokens.get(mspId);
                if (configured == null) {
                    throw new GeneralSecurityException("no PKCS#11 token for " + mspId + " in the connection file");
                }
                token = open(configured);
                open.put(mspId, token);
            }
            return token;
        }
    }

    /** Configures a SunPKCS11 provider for the token and logs in with the PIN from its file. */
    public static OpenToken open(FabricConnectionConfig.Token token) throws IOException, GeneralSecurityException {
        char[] pin = readPin(token.pinFile());
        try {
            Provider sunPkcs11 = Security.getProvider("SunPKCS11");
            if (sunPkcs11 == null) {
                throw new GeneralSecurityException("this JDK has no SunPKCS11 provider");
            }
            Provider provider;
            try {
                provider = sunPkcs11.configure(token.config().toString());
            } catch (RuntimeException e) {
                String why = e.getCause() == null || e.getCause().getMessage() == null ? e.getMessage()
                        : e.getMessage() + ": " + e.getCause().getMessage();
                throw new GeneralSecurityException("cannot configure the PKCS#11 token"
                        + (token.mspId().isEmpty() ? "" : " of " + token.mspId()) + " from " + token.config() + ": " + why, e);
            }
            KeyStore keyStore = KeyStore.getInstance("PKCS11", provider);
            keyStore.load(null, pin);
            return new OpenToken(token, provider, keyStore);
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /**
     * The PIN in the file (trailing white space dropped). Like an ssh key, a file that group or others
     * may read, write or execute is refused. The caller wipes the array.
     */
    static char[] readPin(Path file) throws IOException {
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> permissions = posix.readAttributes().permissions();
            if (permissions.stream().anyMatch(GROUP_OR_OTHERS::contains)) {
                throw new IOException("PIN file " + file + " is accessible by group or others ("
                        + PosixFilePermissions.toString(permissions) + "); it must be readable by its owner only: chmod 0400 "
                        + file);
            }
        }
        return readSecret(file);
    }

    /** The text of a secret's file (trailing white space dropped), without the permission check. The caller wipes it. */
    static char[] readSecret(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CharBuffer chars = null;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            int end = chars.limit();
            while (end > 0 && Character.isWhitespace(chars.get(end - 1))) {
                end--;
            }
            char[] pin = new char[end];
            chars.get(pin, 0, end);
            if (pin.length == 0) {
                throw new IOException(file + " is empty");
            }
            return pin;
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            if (chars != null && chars.hasArray()) {
                Arrays.fill(chars.array(), '\0');
            }
        }
    }
}
