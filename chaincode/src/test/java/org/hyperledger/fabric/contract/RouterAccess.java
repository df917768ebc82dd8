package org.hyperledger.fabric.contract;

import org.hyperledger.fabric.contract.metadata.MetadataBuilder;

/**
 * Test-only access to the package-private steps of the shim's {@link ContractRouter} (what its
 * {@code main} does before it starts serving): the reference the registry's own router is held to.
 */
public final class RouterAccess {
    private RouterAccess() {
    }

    /** The shim's router after its class path scan, with the metadata {@code GetMetadata} answers. */
    public static ContractRouter scannedRouter() {
        ContractRouter router = new ContractRouter(new String[] {"--id", "registry_1.0:test"});
        router.findAllContracts();
        MetadataBuilder.initialize(router.getRoutingRegistry(), router.getTypeRegistry());
        return router;
    }
}
