package bt.druk.registry.interfaces.web.security;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/** An {@code Authorization: Basic …} header (RFC 7617, UTF-8) as a user name and password. */
final class BasicCredentials {

    private static final String SCHEME = "basic ";
    /** Longer than any user name (64) and password we accept together; refused before decoding. */
    private static final int MAX_HEADER = 1024;

    private BasicCredentials() {
    }

    /** Empty when the header is missing, another scheme, not Base64, or has no colon. */
    static Optional<UsernamePasswordCredential> parse(String header) {
        if (header == null || header.length() > MAX_HEADER || header.length() <= SCHEME.length()
                || !header.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(SCHEME.length()).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        return Optional.of(new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }
}
