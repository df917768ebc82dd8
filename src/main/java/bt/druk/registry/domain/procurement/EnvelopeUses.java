package bt.druk.registry.domain.procurement;

import java.util.List;

/**
 * Which sealed bids name which stored envelope: every lodging this database holds, refused ones
 * too. What the envelope sweep asks before it removes anything.
 */
public interface EnvelopeUses {

    /** Every lodging of a sealed bid. */
    List<EnvelopeUse> all();

    /** The lodgings that name this envelope (one, unless a supplier lodged the very same text again). */
    List<EnvelopeUse> ofEnvelope(String sha256);
}
