package bt.druk.registry.chaincode;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import org.hyperledger.fabric.contract.Context;
import org.hyperledger.fabric.contract.annotation.Contract;
import org.hyperledger.fabric.contract.annotation.Info;
import org.hyperledger.fabric.contract.annotation.Transaction;
import org.hyperledger.fabric.metrics.Metrics;
import org.hyperledger.fabric.shim.ChaincodeBase;
import org.hyperledger.fabric.shim.ChaincodeException;
import org.hyperledger.fabric.shim.ChaincodeStub;
import org.hyperledger.fabric.traces.Traces;

/**
 * Serves the peer's calls to {@link RegistryContract} as the shim's {@code ContractRouter} does (a
 * function {@code Name} or {@code RegistryContract:Name}, string arguments, the string result as the
 * payload, a {@link ChaincodeException} as an error response with its message and payload, anything
 * else as "Unexpected error"), plus {@code org.hyperledger.fabric:GetMetadata}.
 * <p>
 * Why not {@code ContractRouter}: it finds serializers and contracts by reading every class of the
 * shaded jar (about 23,000) twice, about 3.5 of a service's 4 CPU seconds to start, and every
 * deployment, upgrade and certificate renewal starts a service per organisation. This contract is
 * the jar's only one and its transactions take and return strings only, so a table made from its
 * {@link Transaction} annotations routes the same calls.
 */
public final class RegistryRouter extends ChaincodeBase {

    static final String CONTRACT_NAME = RegistryContract.class.getAnnotation(Contract.class).name();
    /** The shim's namespace of a contract marked {@code @Default}: callers may leave the contract name out. */
    private static final String DEFAULT_NAMESPACE = "default";
    private static final String SYSTEM_NAMESPACE = "org.hyperledger.fabric";
    /** The shim's message for a transaction the contract does not have. */
    static final String UNDEFINED_METHOD = "Undefined contract method called";

    private final RegistryContract contract;
    private final Map<String, Method> transactions = transactionsByName();

    /** As the service starts: the shim's command line and environment options, its metrics and traces, a contract from the environment. */
    public RegistryRouter(String[] args) {
        initializeLogging();
        processEnvironmentOptions();
        processCommandLineOptions(args);
        validateOptions();
        Properties config = getChaincodeConfig();
        Metrics.initialize(config);
        Traces.initialize(config);
        this.contract = new RegistryContract();
    }

    @Override
    public Response init(ChaincodeStub stub) {
        return invoke(stub);
    }

    @Override
    public Response invoke(ChaincodeStub stub) {
        List<byte[]> call = stub.getArgs();
        if (call.isEmpty()) {
            return newSuccessResponse();
        }
        String function = new String(call.get(0), StandardCharsets.UTF_8);
        List<byte[]> args = call.subList(1, call.size());
        int colon = function.indexOf(':');
        String namespace = colon < 0 ? DEFAULT_NAMESPACE : function.substring(0, colon);
        String name = function.substring(colon + 1);
        try {
            if (SYSTEM_NAMESPACE.equals(namespace) && "GetMetadata".equals(name)) {
                return newSuccessResponse(Json.bytes(metadata()));
            }
            if (!DEFAULT_NAMESPACE.equals(namespace) && !CONTRACT_NAME.equals(namespace)) {
                throw new ChaincodeException("No contract named " + namespace + " (this chaincode has " + CONTRACT_NAME + ")");
            }
            Method transaction = transactions.get(name);
            if (transaction == null) {
                throw new ChaincodeException(UNDEFINED_METHOD);
            }
            return call(transaction, stub, args);
        } catch (ChaincodeException refused) {
            return newErrorResponse(refused);
        }
    }

    private Response call(Method transaction, ChaincodeStub stub, List<byte[]> args) {
        int expected = transaction.getParameterCount() - 1;
        if (args.size() != expected) {
            throw new RegistryException(ErrorCode.INVALID_ARGUMENT, transaction.getAnnotation(Transaction.class).name() + " takes "
                    + expected + " argument" + (expected == 1 ? "" : "s") + ", got " + args.size());
        }
        Object[] values = new Object[expected + 1];
        for (int i = 0; i < expected; i++) {
            values[i + 1] = new String(args.get(i), StandardCharsets.UTF_8);
        }
        try {
            Context context = contract.createContext(stub);
            values[0] = context;
            contract.beforeTransaction(context);
            Object result = transaction.invoke(contract, values);
            contract.afterTransaction(context, result);
            return result == null ? newSuccessResponse() : newSuccessResponse(((String) result).getBytes(StandardCharsets.UTF_8));
        } catch (InvocationTargetException e) {
            // A refusal keeps its message and code; anything else is logged with its stack trace and answered "Unexpected error".
            return newErrorResponse(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException e) {
            return newErrorResponse(e);
        }
    }

    /** The contract's transactions by their names: public methods with {@link Transaction}, a {@link Context} and strings in, a string out. */
    static Map<String, Method> transactionsByName() {
        Map<String, Method> found = new TreeMap<>();
        for (Method m : RegistryContract.class.getMethods()) {
            Transaction t = m.getAnnotation(Transaction.class);
            if (t == null) {
                continue;
            }
            Class<?>[] types = m.getParameterTypes();
            boolean strings = types.length > 0 && types[0] == Context.class && m.getReturnType() == String.class;
            for (int i = 1; i < types.length; i++) {
                strings &= types[i] == String.class;
            }
            if (!strings) {
                throw new IllegalStateException(m + ": a transaction takes a Context and strings and returns a string");
            }
            String name = t.name().isEmpty() ? m.getName() : t.name();
            if (found.put(name, m) != null) {
                throw new IllegalStateException("two transactions named " + name);
            }
        }
        return Collections.unmodifiableMap(found);
    }

    /** The contract's description in the shim's metadata format (what {@code GetMetadata} answers). */
    Map<String, Object> metadata() {
        List<Object> described = new ArrayList<>();
        for (Map.Entry<String, Method> tx : transactions.entrySet()) {
            List<Object> parameters = new ArrayList<>();
            Parameter[] declared = tx.getValue().getParameters();
            for (int i = 1; i < declared.length; i++) {
                parameters.add(Map.of("name", declared[i].getName(), "schema", Map.of("type", "string")));
            }
            List<String> tags = tx.getValue().getAnnotation(Transaction.class).intent() == Transaction.TYPE.SUBMIT
                    ? List.of("SUBMIT", "INVOKE") : List.of("EVALUATE", "QUERY");
            described.add(Map.of("name", tx.getKey(), "parameters", parameters, "returns", Map.of("type", "string"), "tags", tags));
        }
        Info info = RegistryContract.class.getAnnotation(Contract.class).info();
        Map<String, Object> infoJson = new LinkedHashMap<>();
        infoJson.put("title", info.title());
        infoJson.put("description", info.description());
        infoJson.put("version", info.version());
        infoJson.put("termsOfService", info.termsOfService());
        infoJson.put("license", Map.of("name", info.license().name()));
        infoJson.put("contact", Map.of("name", info.contact().name()));
        return Map.of("$schema", "https://fabric-shim.github.io/release-1.4/contract-schema.json",
                "info", infoJson,
                "contracts", Map.of(CONTRACT_NAME, Map.of("name", CONTRACT_NAME, "info", infoJson, "transactions", described)),
                "components", Map.of("schemas", Map.of()));
    }
}
