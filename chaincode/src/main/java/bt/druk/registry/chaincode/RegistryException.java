package bt.druk.registry.chaincode;

import java.nio.charset.StandardCharsets;

import org.hyperledger.fabric.shim.ChaincodeException;

/**
 * A refusal by the registry chaincode. The contract router returns it to the client as an error
 * response with {@link #getMessage()} as message and the error code as payload.
 */
public final class RegistryException extends ChaincodeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public RegistryException(ErrorCode code, String text) {
        super("[" + code.name() + "] " + text, code.name().getBytes(StandardCharsets.UTF_8));
        this.code = code;
    }

    public ErrorCode getCode() {
        return code;
    }
}
