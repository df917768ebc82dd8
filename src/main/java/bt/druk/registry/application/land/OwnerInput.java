package bt.druk.registry.application.land;

/**
 * An owner as typed by the clerk.
 *
 * @param name  full name
 * @param cid   11-digit citizenship identity card number
 * @param share fraction {@code "1/2"}, decimal {@code "0.5"} or {@code "1"}; all shares must sum to exactly 1
 */
public record OwnerInput(String name, String cid, String share) {
}
