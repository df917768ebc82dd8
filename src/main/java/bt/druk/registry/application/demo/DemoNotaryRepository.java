package bt.druk.registry.application.demo;

import java.time.Instant;
import java.util.Optional;

/**
 * The notary demo's memory across restarts: which notarisation each item of the plan became (its
 * number is drawn when it is registered). Table demo_notary.
 */
public interface DemoNotaryRepository {

    /** The record key the plan item {@code planRef} became, if the demo registered it. */
    Optional<String> recordKeyOf(String planRef);

    /** Number of notarisations the demo registered (0: the notary demo never started here). */
    long count();

    /** Remembers a notarisation the demo just registered, in the same transaction. */
    void add(String planRef, String recordKey, Instant createdAt);
}
