package bt.druk.registry.application.land;

/**
 * An owner as shown to anonymous visitors: name partially masked (e.g. "Ka**** Wa****"),
 * no CID at all.
 *
 * @param share exact fraction, e.g. "1/2"
 */
public record PublicOwner(String maskedName, String share) {
}
