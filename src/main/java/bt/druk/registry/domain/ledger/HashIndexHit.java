package bt.druk.registry.domain.ledger;

/** A record version whose hash matched a FindByHash query. */
public record HashIndexHit(String key, int version) {
}
