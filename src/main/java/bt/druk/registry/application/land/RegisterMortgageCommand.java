package bt.druk.registry.application.land;

/** Notes a mortgage (lien) for a lender. Fields: pin, expectedVersion, mortgageRef, lender. */
public record RegisterMortgageCommand(String pin, Integer expectedVersion, String mortgageRef, String lender) {
}
