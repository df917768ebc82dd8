package org.hyperledger.fabric.contract;

/**
 * Test-only access to the package-private step of {@link ContractRouter} that scans the class path
 * for contracts (what {@code main} does before it starts serving).
 */
public final class RouterAccess {
    private RouterAccess() {
    }

    public static ContractRouter scannedRouter() {
        ContractRouter router = new ContractRouter(new String[] {"--id", "registry_1.0:test"});
        router.findAllContracts();
        return router;
    }
}
