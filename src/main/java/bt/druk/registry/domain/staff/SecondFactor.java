package bt.druk.registry.domain.staff;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An account's enrolled second factor: its TOTP secret, the last time step a code was accepted for
 * (no code of that step or an earlier one is taken again) and the SHA-256 hashes of the recovery
 * codes not used yet. The codes themselves are shown once, at enrolment, and never stored.
 */
public record SecondFactor(TotpSecret secret, long lastStep, List<String> recoveryCodeHashes) {

    public SecondFactor {
        Objects.requireNonNull(secret, "secret");
        recoveryCodeHashes = List.copyOf(recoveryCodeHashes);
        for (String hash : recoveryCodeHashes) {
            if (!hash.matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException("not a SHA-256 hex hash");
            }
        }
    }

    public SecondFactor withLastStep(long step) {
        return new SecondFactor(secret, step, recoveryCodeHashes);
    }

    /** The same factor without one recovery code (it is single use). */
    public SecondFactor withoutRecoveryCode(String hash) {
        List<String> rest = new ArrayList<>(recoveryCodeHashes);
        rest.remove(hash);
        return new SecondFactor(secret, lastStep, rest);
    }
}
