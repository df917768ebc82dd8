package bt.druk.registry.chaincode;

/**
 * The invoking identity: MSP id, certificate subject common name and the Fabric CA attributes
 * {@code role}, {@code register}, {@code office} and {@code agency} (null when absent).
 */
public record Caller(String mspId, String subject, String role, String register, String office, String agency) {

    public Submitter submitter() {
        return new Submitter(mspId, subject);
    }
}
