package bt.druk.registry.infrastructure.fabric;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An organisation with two peers: the portal connects to one that accepts connections. */
class PeerFailoverTest {

    @TempDir
    Path dir;

    @Test
    void aPeerThatRefusesConnectionsIsPassedOverForTheNextOne() throws IOException {
        try (ServerSocket live = listening(); ServerSocket other = listening()) {
            String dead = "127.0.0.1:" + closedPort();
            PeerFailover failover = new PeerFailover();
            FabricConnectionConfig.Peer peer = peer(dead, "127.0.0.1:" + live.getLocalPort());
            assertEquals("127.0.0.1:" + live.getLocalPort(), failover.reachableEndpoint(peer));
            assertEquals("127.0.0.1:" + live.getLocalPort(), failover.reachableEndpoint(peer), "stays with the peer in use");

            FabricConnectionConfig.Peer both = peer("127.0.0.1:" + other.getLocalPort(), "127.0.0.1:" + live.getLocalPort());
            PeerFailover fresh = new PeerFailover();
            assertEquals("127.0.0.1:" + other.getLocalPort(), fresh.reachableEndpoint(both), "the first peer while it answers");
            fresh.moveToNextPeers();
            assertEquals("127.0.0.1:" + live.getLocalPort(), fresh.reachableEndpoint(both),
                    "after a reset the next peer, even if the first still accepts (it may hang)");
        }
    }

    @Test
    void withNoPeerAnsweringTheOneInUseIsKept() throws IOException {
        FabricConnectionConfig.Peer peer = peer("127.0.0.1:" + closedPort(), "127.0.0.1:" + closedPort());
        assertEquals(peer.endpoints().get(0), new PeerFailover().reachableEndpoint(peer));
    }

    @Test
    void theConnectionFileListsEveryPeerOfAnOrganisation() throws IOException {
        Path ca = Files.writeString(dir.resolve("ca.pem"), "x");
        Path file = Files.writeString(dir.resolve("connection.json"), """
                {"channel":"registry","chaincode":"registry","peers":{
                  "LandMSP":{"endpoint":"127.0.0.1:7051","endpoints":["127.0.0.1:7051","127.0.0.1:7061"],"tlsCaCert":"%s"},
                  "AuditMSP":{"endpoint":"127.0.0.1:10051","tlsCaCert":"%s"}},
                 "identities":{}}""".formatted(ca, ca));
        FabricConnectionConfig config = FabricConnectionConfig.read(file);
        assertEquals(List.of("127.0.0.1:7051", "127.0.0.1:7061"), config.peersByMsp().get("LandMSP").endpoints());
        assertEquals(List.of("127.0.0.1:10051"), config.peersByMsp().get("AuditMSP").endpoints(), "one endpoint: that one");
    }

    private static FabricConnectionConfig.Peer peer(String... endpoints) {
        return new FabricConnectionConfig.Peer("LandMSP", List.of(endpoints), null, Path.of("ca.pem"));
    }

    private static ServerSocket listening() throws IOException {
        return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    /** A port nothing listens on (bound, then closed). */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = listening()) {
            return socket.getLocalPort();
        }
    }
}
