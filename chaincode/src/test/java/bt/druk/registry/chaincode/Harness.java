package bt.druk.registry.chaincode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.AdditionalAnswers.delegatesTo;
import static org.mockito.Mockito.mock;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.shim.ChaincodeStub;

import bt.druk.registry.chaincode.TestIdentities.Identity;

/**
 * Runs contract transactions against {@link FakeFabric}: each call gets a fresh Mockito-mocked
 * ChaincodeStub delegating to a {@link FakeFabric.Tx}, and a real {@link Context} (so the real
 * ClientIdentity parses the test certificate's attributes). {@link #now} is both the endorsing
 * chaincode's clock and, shifted by {@link #clientOffset} (zero unless a test skews the client), the
 * transaction timestamp.
 */
final class Harness {
    static final Instant T0 = Instant.parse("2026-03-01T08:00:00Z");

    final FakeFabric fabric = new FakeFabric();
    Instant now = T0;
    /** How far the client's clock (the proposal timestamp) is from the chaincode's clock. */
    Duration clientOffset = Duration.ZERO;
    /** The chaincode process's clock: always {@link #now}. */
    final Clock chaincodeClock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    final RegistryContract contract;
    /** The shortest notice period the harness's chaincode accepts. */
    static final long MIN_NOTICE_SECONDS = 60;
    /** The harness's chaincode's floor of the minimum bid period: an hour, the period itself until an admin sets one. */
    static final long MIN_BID_PERIOD_SECONDS = 3600;
    private int txCounter;
    /** The stub of the last transaction run, for Mockito verification. */
    ChaincodeStub lastStub;

    /** A chaincode with the default minimum plot size (10 decimals). */
    Harness() {
        this(RegistryContract.DEFAULT_MIN_PLOT_DECIMALS);
    }

    /** A chaincode whose endorser allows plots down to {@code minimumPlotDecimals}. */
    Harness(long minimumPlotDecimals) {
        contract = new RegistryContract(new ClockSkewGuard(chaincodeClock, Duration.ofSeconds(ClockSkewGuard.DEFAULT_SECONDS)),
                MIN_NOTICE_SECONDS, MIN_BID_PERIOD_SECONDS, minimumPlotDecimals);
    }

    void advance(Duration d) {
        now = now.plus(d);
    }

    /** Runs a submit transaction: its writes and event are committed if it returns normally. */
    String submit(Identity id, Function<Context, String> call) {
        FakeFabric.Tx tx = newTx(id);
        String result = call.apply(new Context(lastStub));
        tx.commit();
        return result;
    }

    /** Runs an evaluate transaction: nothing it might write is committed (and it must write nothing). */
    String evaluate(Identity id, Function<Context, String> call) {
        FakeFabric.Tx tx = newTx(id);
        String result = call.apply(new Context(lastStub));
        assertTrue(tx.writes.isEmpty(), "an evaluate transaction wrote " + tx.writes.keySet());
        assertTrue(tx.eventName == null, "an evaluate transaction set an event");
        return result;
    }

    /**
     * Asserts that a submit is refused with {@code code}, and that the world state, key-level policies
     * and events are exactly as before.
     */
    RegistryException refused(ErrorCode code, Identity id, Function<Context, String> call) {
        Map<String, String> before = snapshot();
        int eventsBefore = fabric.events.size();
        FakeFabric.Tx tx = newTx(id);
        RegistryException e = assertThrows(RegistryException.class, () -> call.apply(new Context(lastStub)));
        assertEquals(code, e.getCode(), () -> "wrong code, message: " + e.getMessage());
        assertTrue(e.getMessage().startsWith("[" + code.name() + "] "), e.getMessage());
        assertEquals(code.name(), new String(e.getPayload(), StandardCharsets.UTF_8));
        // a refused transaction is never committed; make sure nothing leaked into the ledger anyway
        assertEquals(before, snapshot());
        assertEquals(eventsBefore, fabric.events.size());
        assertEquals(0, fabric.openIterators, "iterator left open");
        return e;
    }

    /**
     * Calls a transaction by name with string arguments through the real contract router, as the peer
     * does; commits its writes when the response status is 200.
     */
    org.hyperledger.fabric.shim.Chaincode.Response invoke(org.hyperledger.fabric.shim.Chaincode router,
            Identity id, String function, String... args) {
        FakeFabric.Tx tx = newTx(id);
        List<byte[]> all = new java.util.ArrayList<>();
        all.add(function.getBytes(StandardCharsets.UTF_8));
        for (String a : args) {
            all.add(a.getBytes(StandardCharsets.UTF_8));
        }
        tx.args = all;
        org.hyperledger.fabric.shim.Chaincode.Response r = router.invoke(lastStub);
        if (r.getStatusCode() == 200) {
            tx.commit();
        }
        return r;
    }

    private FakeFabric.Tx newTx(Identity id) {
        txCounter++;
        String txId = String.format("tx%04d", txCounter);
        FakeFabric.Tx tx = fabric.new Tx(txId, now.plus(clientOffset), id.creator());
        lastStub = mock(ChaincodeStub.class, delegatesTo(tx));
        return tx;
    }

    private Map<String, String> snapshot() {
        Map<String, String> m = new TreeMap<>();
        fabric.state.forEach((k, v) -> m.put(k, new String(v, StandardCharsets.UTF_8)));
        fabric.validationParameters.forEach((k, v) -> m.put("sbe:" + k, java.util.HexFormat.of().formatHex(v)));
        return m;
    }

    // ---------------------------------------------------------------- convenience

    LedgerEntry entry(String key) {
        byte[] v = fabric.state.get(key);
        return v == null ? null : LedgerEntry.fromJson(v);
    }

    FakeFabric.Event lastEvent() {
        List<FakeFabric.Event> events = fabric.events;
        return events.isEmpty() ? null : events.get(events.size() - 1);
    }

    static String h(String seed) {
        return Hashes.sha256Hex(seed);
    }

    /** The arguments of the next update of {@code key}: version current+1, a fresh hash, the current hash. */
    record Step(String version, String hash, String previousHash) {
    }

    Step step(String key) {
        LedgerEntry cur = entry(key);
        int next = cur.version() + 1;
        return new Step(Integer.toString(next), h(key + "#v" + next), cur.hash());
    }
}
