package bt.druk.registry.verifier;

import java.util.Optional;

/**
 * The few ledger reads the verifier needs, all evaluations (never a submit). A chaincode
 * {@code NOT_FOUND} is an empty answer; anything that stops the read is a {@link LedgerReadException}.
 */
public interface LedgerReader extends AutoCloseable {

    /** Where the answers come from, for the report (e.g. the peer's address). */
    String source();

    /** The chaincode's {@code GetHistory(key)} answer: a JSON array, oldest write first. */
    Optional<String> history(String key);

    /** The chaincode's {@code GetRecord(key)} answer: the current ledger entry's JSON. */
    Optional<String> record(String key);

    /**
     * The chaincode's {@code GetOpeningShares(tenderKey)} answer: a JSON array of the share records
     * the holders of a sealed tender have posted, in holder order,
     * {@code {"holderIndex","msp","shares":{"<bidKey>":"<b64u of 33 bytes>" or null},"submitter","tenderKey","txId","txTime"}};
     * empty when there is no such tender.
     */
    Optional<String> openingShares(String tenderKey);

    /** The committed transaction {@code txId}, read through the peer's qscc. */
    Optional<LedgerTransaction> transaction(String txId);

    @Override
    void close();
}
