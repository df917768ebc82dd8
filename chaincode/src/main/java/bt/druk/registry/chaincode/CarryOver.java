package bt.druk.registry.chaincode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.shim.ChaincodeStub;

/**
 * Writes onto this ledger a record version that an earlier ledger committed, when a portal's
 * database is bound to a new network (its old ledger lost or left behind). The version goes through
 * the very rule its own function applies, with the time it was first committed, so that a carried
 * title's notice period or a carried tender's deadline keep their meaning; and it is marked
 * {@code carriedOver} (earlier ledger, transaction and time, time carried), so nobody mistakes it
 * for a write of this ledger's own lifetime.
 * <p>
 * What keeps back-dating out of this ledger's own records:
 * <ul>
 * <li>one carry-over window per ledger, opened by the first carry-over (naming the earlier ledger)
 * and closed {@link #WINDOW} later;</li>
 * <li>a carried version claims a time before the window opened, and no earlier than the record's
 * version before it;</li>
 * <li>only onto a record whose every version here was carried (never after a write of this ledger),
 * and a carried bid only onto a carried tender.</li>
 * </ul>
 * A holder's opening shares ({@code PostOpeningShares}) are no record version and are not carried:
 * to carry a sealed bid's {@code OpenBid}, k holders post their shares again on this ledger first.
 */
final class CarryOver {

    /** How long a ledger accepts carried versions after the first one. */
    static final Duration WINDOW = Duration.ofDays(7);
    static final String WINDOW_KEY = "config:carryOver";
    /** The kind-specific field that marks a carried version. */
    static final String FIELD = "carriedOver";
    private static final int MAX_TX_ID = 128;

    /**
     * Submit transactions that take only strings but are not carried: they write no record version
     * (nothing to carry), or several records at once (a subdivision, merger or boundary adjustment:
     * one carried mark on one key would leave the others unmarked, so they are not carried yet).
     */
    private static final Set<String> WRITE_NO_RECORD = Set.of("CarryOver", "PostOpeningShares", "SubdivideParcel",
            "MergeParcels", "AdjustBoundary");
    /** The functions a version can be carried with, by ledger name: every record write of the contract. */
    private static final Map<String, Method> CARRYABLE = carryable();
    /** Functions whose version refers to another record that must be carried too: argument index of its key. */
    private static final Map<String, Integer> REFERENCED = Map.of("LodgeSealedBid", 1);

    private final ChaincodeStub stub;
    private final Ledger ledger;

    CarryOver(ChaincodeStub stub) {
        this.stub = stub;
        this.ledger = new Ledger(stub);
    }

    /**
     * Runs {@code function} with {@code argumentsJson} as first committed at {@code originalTxTime}
     * and marks what it wrote. The caller's own rights are checked by the function itself.
     */
    String carry(RegistryContract contract, String function, String argumentsJson, String fromLedger, String originalTxId,
            String originalTxTime) {
        Method method = CARRYABLE.get(function);
        if (method == null) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s is not a record write that can be carried over; one of %s", Args.clip(function),
                    new TreeSet<>(CARRYABLE.keySet()));
        }
        List<String> arguments = arguments(argumentsJson, method.getParameterCount() - 1, function);
        Args.hash("fromLedger", fromLedger);
        if (originalTxId == null || originalTxId.isBlank() || originalTxId.length() > MAX_TX_ID) {
            throw ErrorCode.INVALID_ARGUMENT.error("originalTxId must be the earlier ledger's transaction id (1 to %d characters)", MAX_TX_ID);
        }
        Instant claimed = Args.deadline("originalTxTime", originalTxTime);
        Instant now = stub.getTxTimestamp();
        Map<String, Object> window = window(fromLedger, now);
        Instant opened = Instant.parse((String) window.get("openedAt"));
        if (!claimed.isBefore(opened)) {
            throw ErrorCode.INVALID_ARGUMENT.error("a carried version was committed before this ledger's carry-over began (%s); %s is not",
                    window.get("openedAt"), TxInfo.iso(claimed));
        }
        String key = arguments.get(0);
        requireCarriedSoFar(key, claimed);
        Integer referenced = REFERENCED.get(function);
        if (referenced != null) {
            Optional<LedgerEntry> other = ledger.find(arguments.get(referenced));
            if (other.isPresent() && !isCarried(other.get())) {
                throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s was written on this ledger, not carried over; nothing may be carried onto it",
                        Ledger.describe(other.get().key()));
            }
        }
        LedgerEntry written = LedgerEntry.fromJson(invoke(contract, method, new ClaimedTimeContext(stub, claimed), arguments)
                .getBytes(StandardCharsets.UTF_8));
        Map<String, Object> mark = new TreeMap<>();
        mark.put("fromLedger", fromLedger);
        mark.put("txId", originalTxId);
        mark.put("txTime", TxInfo.iso(claimed));
        mark.put("carriedAt", TxInfo.iso(now));
        TreeMap<String, Object> fields = new TreeMap<>(written.fields());
        fields.put(FIELD, mark);
        LedgerEntry marked = new LedgerEntry(written.key(), written.kind(), written.version(), written.hash(), written.previousHash(),
                written.status(), written.register(), written.office(), written.submitter(), written.txId(), written.txTime(), fields);
        stub.putState(marked.key(), marked.toJson());
        return new String(marked.toJson(), StandardCharsets.UTF_8);
    }

    static boolean isCarried(LedgerEntry entry) {
        return entry.fields().containsKey(FIELD);
    }

    /** The ledger's carry-over window: opened now by the first carry-over, else the one open for the same earlier ledger. */
    private Map<String, Object> window(String fromLedger, Instant now) {
        byte[] stored = stub.getState(WINDOW_KEY);
        if (stored == null || stored.length == 0) {
            Map<String, Object> window = new TreeMap<>();
            window.put("key", WINDOW_KEY);
            window.put("kind", "config");
            window.put("fromLedger", fromLedger);
            window.put("openedAt", TxInfo.iso(now));
            window.put("closesAt", TxInfo.iso(now.plus(WINDOW)));
            window.put("txId", stub.getTxId());
            stub.putState(WINDOW_KEY, Json.bytes(window));
            return window;
        }
        Map<String, Object> window = Json.parseObject(stored);
        if (!fromLedger.equals(window.get("fromLedger"))) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("this ledger carries versions over from ledger %s only, not from %s",
                    window.get("fromLedger"), fromLedger);
        }
        if (!now.isBefore(Instant.parse((String) window.get("closesAt")))) {
            throw ErrorCode.DEADLINE_PASSED.error("this ledger's carry-over window closed at %s", window.get("closesAt"));
        }
        return window;
    }

    private void requireCarriedSoFar(String key, Instant claimed) {
        Optional<LedgerEntry> current = ledger.find(key);
        if (current.isEmpty()) {
            return;
        }
        if (!isCarried(current.get())) {
            throw ErrorCode.NOT_ALLOWED_IN_STATE.error("%s has versions written on this ledger; earlier ones cannot be carried onto it",
                    Ledger.describe(key));
        }
        if (claimed.isBefore(Instant.parse(current.get().txTime()))) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s version %d was committed at %s; the next cannot be older (%s)", Ledger.describe(key),
                    current.get().version(), current.get().txTime(), TxInfo.iso(claimed));
        }
    }

    private static List<String> arguments(String json, int count, String function) {
        Object value;
        try {
            value = Json.parse(json == null ? "" : json);
        } catch (IllegalArgumentException e) {
            value = null;
        }
        if (!(value instanceof List<?> parsed)) {
            throw ErrorCode.INVALID_ARGUMENT.error("argumentsJson must be a JSON array of strings");
        }
        if (parsed.size() != count || parsed.stream().anyMatch(a -> !(a instanceof String))) {
            throw ErrorCode.INVALID_ARGUMENT.error("%s takes %d string arguments; argumentsJson has %d", function, count, parsed.size());
        }
        List<String> strings = new ArrayList<>();
        parsed.forEach(a -> strings.add((String) a));
        return strings;
    }

    private static String invoke(RegistryContract contract, Method method, Context context, List<String> arguments) {
        Object[] values = new Object[arguments.size() + 1];
        values[0] = context;
        for (int i = 0; i < arguments.size(); i++) {
            values[i + 1] = arguments.get(i);
        }
        try {
            return (String) method.invoke(contract, values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Every submit transaction of the contract that takes only strings and writes one record (not
     * configuration, not this one, not a holder's opening shares).
     */
    private static Map<String, Method> carryable() {
        Map<String, Method> found = new HashMap<>();
        for (Method m : RegistryContract.class.getMethods()) {
            Transaction t = m.getAnnotation(Transaction.class);
            if (t == null || t.intent() != Transaction.TYPE.SUBMIT || m.getParameterCount() < 2
                    || m.getParameterTypes()[0] != Context.class || WRITE_NO_RECORD.contains(t.name()) || t.name().startsWith("Set")) {
                continue;
            }
            boolean strings = true;
            for (int i = 1; i < m.getParameterCount(); i++) {
                strings &= m.getParameterTypes()[i] == String.class;
            }
            if (strings) {
                found.put(t.name(), m);
            }
        }
        return Collections.unmodifiableMap(found);
    }

    /** The transaction as the rules see it: the time the version was first committed, everything else as it is. */
    static final class ClaimedTimeContext extends Context {
        private final Instant realTime;

        ClaimedTimeContext(ChaincodeStub stub, Instant claimed) {
            super((ChaincodeStub) Proxy.newProxyInstance(ChaincodeStub.class.getClassLoader(), new Class<?>[] {ChaincodeStub.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("getTxTimestamp") && method.getParameterCount() == 0) {
                            return claimed;
                        }
                        try {
                            return method.invoke(stub, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    }));
            this.realTime = stub.getTxTimestamp();
        }

        /** The proposal's own timestamp, which the clock-skew guard checks. */
        static Instant realTime(Context ctx) {
            return ctx instanceof ClaimedTimeContext carried ? carried.realTime : ctx.getStub().getTxTimestamp();
        }
    }
}
