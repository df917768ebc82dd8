package bt.druk.registry.application.reference;

import java.util.List;

/** A dzongkhag (district) and its gewogs (blocks), from the reference data file. */
public record Dzongkhag(String name, List<String> gewogs) {
    public Dzongkhag {
        gewogs = List.copyOf(gewogs);
    }
}
