package bt.druk.registry.domain.ledger;

/** The chaincode event every write emits. */
public record RecordWritten(String kind, String key, int version, String hash, String txId) {
}
