package bt.druk.registry.application.record;

import bt.druk.registry.domain.record.LedgerImprint;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;

/**
 * Every {@link LedgerImprint} by its stored code: {@link LedgerImprint#DOCUMENT} plus those the
 * registers provide as CDI beans (a sealed bid's envelope, a batch's Merkle root).
 */
@ApplicationScoped
public class LedgerImprints {

    private final Map<String, LedgerImprint> byCode = new HashMap<>();

    protected LedgerImprints() {
        byCode.put(LedgerImprint.DOCUMENT.code(), LedgerImprint.DOCUMENT);
    }

    @Inject
    public LedgerImprints(@Any Instance<LedgerImprint> provided) {
        this((Iterable<LedgerImprint>) provided);
    }

    public LedgerImprints(Iterable<LedgerImprint> provided) {
        this();
        for (LedgerImprint imprint : provided) {
            LedgerImprint clash = byCode.putIfAbsent(imprint.code(), imprint);
            if (clash != null && clash != imprint) {
                throw new IllegalStateException("two ledger imprints with code " + imprint.code());
            }
        }
    }

    /**
     * @throws IllegalStateException for a code no imprint has: a version stored by a newer portal, or
     *                               a commit-reveal bid ({@code bid-commitment}, {@code bid-reveal})
     *                               of a database from before sealed opening, which this one no longer reads
     */
    public LedgerImprint of(String code) {
        LedgerImprint imprint = byCode.get(code);
        if (imprint == null) {
            throw new IllegalStateException("no ledger imprint with code " + code);
        }
        return imprint;
    }
}
