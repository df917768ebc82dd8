package bt.druk.registry.interfaces.web.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bt.druk.registry.infrastructure.config.Setting;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ClientConnectionsTest {

    /** The portal behind nginx on the same machine and a load balancer's private range. */
    private final ClientConnections behindProxies = new ClientConnections(TrustedProxies.parse("127.0.0.1, 10.0.0.0/8"));
    private final ClientConnections noProxy = new ClientConnections(TrustedProxies.NONE);

    private String address(ClientConnections clients, ForwardedRequest request) {
        return clients.address(request.request());
    }

    @Nested
    class FromAPeerThatIsNoTrustedProxy {

        @Test
        void itsXForwardedForIsIgnoredAndThePeerIsTheClient() {
            ForwardedRequest outsider = ForwardedRequest.from("203.0.113.9").forwardedFor("198.51.100.1");
            assertEquals("203.0.113.9", address(behindProxies, outsider), "anyone can write the header");
            assertEquals("203.0.113.9", address(noProxy, outsider));
        }

        @Test
        void itsXForwardedProtoIsIgnoredAndOnlyItsOwnConnectionCounts() {
            assertFalse(behindProxies.secure(ForwardedRequest.from("203.0.113.9").forwardedProto("https").request()));
            assertTrue(behindProxies.secure(ForwardedRequest.from("203.0.113.9").forwardedProto("http").overTls().request()));
        }

        @Test
        void nothingIsTrustedWhileTheSettingIsEmpty() {
            ForwardedRequest viaNginx = ForwardedRequest.from("127.0.0.1").forwardedFor("198.51.100.1").forwardedProto("https");
            assertEquals("127.0.0.1", address(noProxy, viaNginx));
            assertFalse(noProxy.secure(viaNginx.request()));
        }
    }

    @Nested
    class FromATrustedProxy {

        @Test
        void theAddressItReportsIsTheClient() {
            assertEquals("198.51.100.1", address(behindProxies, ForwardedRequest.from("127.0.0.1").forwardedFor("198.51.100.1")));
        }

        @Test
        void theRightMostAddressThatIsNotItselfATrustedProxyIsTheClient() {
            // client → load balancer 10.0.0.7 → nginx → portal: nginx appended the balancer's address.
            assertEquals("198.51.100.1",
                    address(behindProxies, ForwardedRequest.from("127.0.0.1").forwardedFor("198.51.100.1, 10.0.0.7")));
            // The same chain in two header lines.
            assertEquals("198.51.100.1", address(behindProxies,
                    ForwardedRequest.from("127.0.0.1").forwardedFor("198.51.100.1").forwardedFor("10.0.0.7")));
        }

        @Test
        void aSpoofedChainIsNotBelievedBeyondTheFirstAddressNoTrustedProxyVouchesFor() {
            // The client wrote "X-Forwarded-For: 192.0.2.50, 10.0.0.3" itself; nginx appended its real address.
            ForwardedRequest spoofed = ForwardedRequest.from("127.0.0.1").forwardedFor("192.0.2.50, 10.0.0.3, 203.0.113.9");
            assertEquals("203.0.113.9", address(behindProxies, spoofed), "its guesses count against its own address");
            // Naming a trusted proxy as the client gains nothing either.
            assertEquals("203.0.113.9", address(behindProxies,
                    ForwardedRequest.from("127.0.0.1").forwardedFor("127.0.0.1").forwardedFor("203.0.113.9")));
        }

        @Test
        void garbageInTheChainEndsTheWalkAtTheProxyThatPassedItOn() {
            assertEquals("10.0.0.7", address(behindProxies, ForwardedRequest.from("127.0.0.1").forwardedFor("unknown, 10.0.0.7")));
            assertEquals("127.0.0.1", address(behindProxies, ForwardedRequest.from("127.0.0.1").forwardedFor("evil.example")),
                    "a host name is not looked up");
            assertEquals("127.0.0.1", address(behindProxies, ForwardedRequest.from("127.0.0.1").forwardedFor("203.0.113.9:4711")));
        }

        @Test
        void withoutTheHeaderOrWhenEveryAddressIsAProxyTheLeftMostIsTheClient() {
            assertEquals("127.0.0.1", address(behindProxies, ForwardedRequest.from("127.0.0.1")));
            assertEquals("10.1.2.3", address(behindProxies, ForwardedRequest.from("127.0.0.1").forwardedFor("10.1.2.3, 10.0.0.7")));
        }

        @Test
        void anAddressHasOneSpellingWhicheverWayTheProxyWroteIt() {
            ClientConnections v6 = new ClientConnections(TrustedProxies.parse("::1"));
            assertEquals("2001:db8:0:0:0:0:0:1", address(v6, ForwardedRequest.from("0:0:0:0:0:0:0:1").forwardedFor("[2001:DB8::1]")));
            assertEquals("2001:db8:0:0:0:0:0:1", address(v6, ForwardedRequest.from("::1").forwardedFor("2001:db8::1")));
            assertEquals("192.0.2.1", address(v6, ForwardedRequest.from("::1").forwardedFor("::ffff:192.0.2.1")));
        }

        @Test
        void itsXForwardedProtoSaysWhetherTheClientCameOverHttps() {
            assertTrue(behindProxies.secure(ForwardedRequest.from("127.0.0.1").forwardedFor("198.51.100.1").forwardedProto("https").request()));
            assertTrue(behindProxies.secure(ForwardedRequest.from("127.0.0.1").forwardedProto("HTTPS").request()));
            assertFalse(behindProxies.secure(ForwardedRequest.from("127.0.0.1").forwardedProto("http").request()));
            assertFalse(behindProxies.secure(ForwardedRequest.from("127.0.0.1").request()), "no header: the connection's own");
            assertFalse(behindProxies.secure(ForwardedRequest.from("127.0.0.1").forwardedProto("gopher").request()));
        }

        @Test
        void whenEachProxyAppendsItsProtocolTheClientsOwnCounts() {
            // The client claimed https; the proxy it reached appended what it really spoke.
            ForwardedRequest claimed = ForwardedRequest.from("127.0.0.1").forwardedFor("192.0.2.50, 203.0.113.9")
                    .forwardedProto("https, http");
            assertFalse(behindProxies.secure(claimed.request()));
            ForwardedRequest viaBalancer = ForwardedRequest.from("127.0.0.1").forwardedFor("198.51.100.1, 10.0.0.7")
                    .forwardedProto("https, http");
            assertTrue(behindProxies.secure(viaBalancer.request()), "the client reached the balancer over https");
        }
    }

    @Nested
    class TheSetting {

        @Test
        void takesAddressesAndCidrRangesOfBothFamilies() {
            TrustedProxies proxies = TrustedProxies.parse(" 192.0.2.10 ,10.0.0.0/8,172.16.0.0/12, fd00::/8,::1");
            assertTrue(proxies.trusts("192.0.2.10"));
            assertFalse(proxies.trusts("192.0.2.11"));
            assertTrue(proxies.trusts("10.255.1.2"));
            assertTrue(proxies.trusts("172.31.255.255"));
            assertFalse(proxies.trusts("172.32.0.1"));
            assertTrue(proxies.trusts("fd12:3456::1"));
            assertFalse(proxies.trusts("fe80::1"));
            assertTrue(proxies.trusts("0:0:0:0:0:0:0:1"));
            assertFalse(proxies.trusts("localhost"), "names are never looked up");
            assertTrue(TrustedProxies.parse("").isEmpty());
            assertTrue(TrustedProxies.parse("0.0.0.0/0").trusts("203.0.113.9"));
        }

        @Test
        void anEntryThatIsNeitherStopsThePortalWithTheSettingsName() {
            for (String wrong : new String[] {"nginx.internal", "10.0.0.0/33", "10.0.0.1/", "256.1.1.1", "10.0.0.0/8/8", "::1/129"}) {
                assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse(wrong), wrong);
            }
            System.setProperty(Setting.HTTP_TRUSTED_PROXIES.key(), "10.0.0.0/x");
            try {
                IllegalStateException e = assertThrows(IllegalStateException.class, ClientConnections::new);
                assertTrue(e.getMessage().contains(Setting.HTTP_TRUSTED_PROXIES.key()), e.getMessage());
            } finally {
                System.clearProperty(Setting.HTTP_TRUSTED_PROXIES.key());
            }
        }
    }
}
