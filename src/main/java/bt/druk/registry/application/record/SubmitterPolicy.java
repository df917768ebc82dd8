package bt.druk.registry.application.record;

import java.time.Duration;
import java.util.Objects;

/**
 * How the ledger submitter sends.
 *
 * @param window most transactions in flight at once. Fabric's throughput here is latency-bound (each
 *               commit waits for the orderer's batch timeout), so throughput grows with what is in
 *               flight: raw fabric-gateway submits measured 1.9 tx/s one at a time, 60 with 64 and
 *               101 with 128 in flight on the 2-core development machine.
 * @param lease  how long a claimed outbox entry stays this portal's; longer than endorsing, ordering
 *               and waiting for the commit status can take, so nobody else sends it meanwhile
 * @param owner  this portal instance's name on its leases; portals sharing a database need distinct ones
 */
public record SubmitterPolicy(int window, Duration lease, String owner) {

    public SubmitterPolicy {
        if (window < 1) {
            throw new IllegalArgumentException("the submit window must be at least 1, not " + window);
        }
        Objects.requireNonNull(lease);
        Objects.requireNonNull(owner);
    }
}
