package bt.druk.registry.domain.notary;

/** The changes a notarisation goes through, each one chaincode transaction (chaincode/README.md, Notary). */
public enum NotaryOperation {
    /** {@code (key, hash, documentHash, office)}. */
    REGISTER("RegisterNotarisation"),
    /** {@code (key, version, hash, previousHash, reason)}. */
    REVOKE("RevokeNotarisation"),
    /** {@code (key, version, hash, previousHash, supersededByKey, reason)}. */
    SUPERSEDE("SupersedeNotarisation");

    private final String chaincodeFunction;

    NotaryOperation(String chaincodeFunction) {
        this.chaincodeFunction = chaincodeFunction;
    }

    public String chaincodeFunction() {
        return chaincodeFunction;
    }
}
