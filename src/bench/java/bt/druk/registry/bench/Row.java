package bt.druk.registry.bench;

/**
 * One line of the table. {@code portal} and {@code raw} are the figures measured (NaN where the
 * scenario has none), {@code unit} what they count, {@code p50}/{@code p99} milliseconds,
 * {@code rssMiB} the portal's resident set at the end of the scenario (-1 if unknown).
 */
public record Row(String scenario, double portal, double raw, String unit, double p50, double p99, long rssMiB, String note) {

    static Row unavailable(String scenario, String reason) {
        return new Row(scenario, Double.NaN, Double.NaN, "", Double.NaN, Double.NaN, -1, reason);
    }

    /** portal / raw, NaN unless both were measured. */
    public double ratio() {
        return Double.isNaN(portal) || Double.isNaN(raw) || raw <= 0 ? Double.NaN : portal / raw;
    }

    /** The figure this row measured: the portal's, else the raw one. */
    public double measured() {
        return Double.isNaN(portal) ? raw : portal;
    }
}
