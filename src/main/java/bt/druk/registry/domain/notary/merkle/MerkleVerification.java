package bt.druk.registry.domain.notary.merkle;

import java.util.Objects;

/**
 * The answer to "does this proof hold?": {@code ok}, or a stable {@code code} (a message key, like
 * {@link bt.druk.registry.domain.shared.FieldError}'s) and an English {@code reason}. Checking a
 * proof answers with one of these and never throws, whatever the proof holds, so a verify page can
 * show a refusal instead of an error page.
 */
public record MerkleVerification(boolean ok, String code, String reason) {

    private static final MerkleVerification PASSED =
            new MerkleVerification(true, "merkle.ok", "the proof leads to the root");

    public MerkleVerification {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }

    public static MerkleVerification passed() {
        return PASSED;
    }

    public static MerkleVerification failed(String code, String reason) {
        return new MerkleVerification(false, code, reason);
    }
}
