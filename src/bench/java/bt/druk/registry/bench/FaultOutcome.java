package bt.druk.registry.bench;

/**
 * One row of the faults table: the processes killed, how many registrations the portal
 * acknowledged under the fault, how many of them are committed (in the portal and on the
 * auditor's ledger, with the acknowledged hash), lost (acknowledged, not committed) and duplicated
 * (more than one ledger write or a version above 1), and the seconds from the restart until every
 * acknowledged registration was committed (NaN if they never all were). {@code ran} is false when
 * the fault could not be injected on this network, e.g. an orderer on a 1-orderer network.
 */
public record FaultOutcome(String fault, String killed, int acknowledged, int committed, int lost, int duplicated,
                           double recoverySeconds, String note, boolean ran) {

    static FaultOutcome notRun(String fault, String reason) {
        return new FaultOutcome(fault, "-", 0, 0, 0, 0, Double.NaN, "not run: " + reason, false);
    }

    /** The harness could not do its part (kill, restart): nothing is shown, so the row fails. */
    static FaultOutcome broken(String fault, String killed, String reason) {
        return new FaultOutcome(fault, killed, 0, 0, 0, 0, Double.NaN, reason, true);
    }

    /** Every acknowledged registration committed exactly once; a fault not run on this network passes. */
    public boolean exactlyOnce() {
        return !ran || (acknowledged > 0 && committed == acknowledged && lost == 0 && duplicated == 0);
    }
}
