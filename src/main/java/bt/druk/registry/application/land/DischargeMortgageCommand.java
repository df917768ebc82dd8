package bt.druk.registry.application.land;

/** Discharges an open mortgage. Fields: pin, expectedVersion, mortgageRef. */
public record DischargeMortgageCommand(String pin, Integer expectedVersion, String mortgageRef) {
}
