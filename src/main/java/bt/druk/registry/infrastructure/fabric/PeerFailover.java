package bt.druk.registry.infrastructure.fabric;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Which of an organisation's peers the connections go to: the one in use, else the next that
 * accepts a TCP connection. A reset after failed calls ({@link FabricConnections#failed}) first
 * moves every organisation on to its next peer ({@link #moveToNextPeers}), so a peer that died, or
 * hangs with its port open, is left for the other one; the gateway peer then finds the other
 * organisations' live endorsers itself, and the commit follower's next block stream resumes from
 * its checkpoint there. Not thread-safe: {@link FabricConnections} uses it under its lock.
 */
final class PeerFailover {

    private static final Logger LOG = Logger.getLogger(PeerFailover.class.getName());

    /** How long a peer may take to accept a TCP connection before the next peer of its organisation is tried. */
    private static final int PROBE_MILLIS = 1000;

    /** Per MSP, the index of the peer in use. */
    private final Map<String, Integer> endpointInUse = new HashMap<>();
    /** Per MSP, the endpoint chosen last, so that only a move to another peer is logged. */
    private final Map<String, String> endpointChosen = new HashMap<>();

    /** The endpoint to connect to; when no peer accepts, the one in use: its calls fail as unavailable and are retried. */
    String reachableEndpoint(FabricConnectionConfig.Peer peer) {
        List<String> endpoints = peer.endpoints();
        if (endpoints.size() == 1) {
            return endpoints.get(0);
        }
        int start = Math.floorMod(endpointInUse.getOrDefault(peer.mspId(), 0), endpoints.size());
        for (int k = 0; k < endpoints.size(); k++) {
            int index = (start + k) % endpoints.size();
            if (accepts(endpoints.get(index))) {
                endpointInUse.put(peer.mspId(), index);
                String before = endpointChosen.put(peer.mspId(), endpoints.get(index));
                if (!endpoints.get(index).equals(before == null ? endpoints.get(0) : before)) {
                    LOG.info(() -> "Ledger connections of " + peer.mspId() + " now go to its peer " + endpoints.get(index));
                }
                return endpoints.get(index);
            }
        }
        endpointInUse.put(peer.mspId(), start);
        return endpoints.get(start);
    }

    /** After a reset: each organisation's connections try its next peer first. */
    void moveToNextPeers() {
        endpointInUse.replaceAll((msp, index) -> index + 1);
    }

    private static boolean accepts(String endpoint) {
        int colon = endpoint.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(endpoint.substring(0, colon), Integer.parseInt(endpoint.substring(colon + 1))),
                    PROBE_MILLIS);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
