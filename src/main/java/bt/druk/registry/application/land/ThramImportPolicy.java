package bt.druk.registry.application.land;

/** Most rows one bulk-import file of thrams may hold (setting {@code druk.land.import.maxRows}, 20000 by default). */
public record ThramImportPolicy(int maxRows) {
}
