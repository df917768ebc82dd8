package bt.druk.registry.testing;

import bt.druk.registry.domain.ledger.LedgerUnavailableException;
import bt.druk.registry.domain.ledger.StaffLedgerIdentities;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Staff ledger identities kept in memory, for unit tests; {@link #unreachable} plays a CA that does not answer. */
public final class FakeStaffLedgerIdentities implements StaffLedgerIdentities {

    public final Map<String, Issued> issued = new LinkedHashMap<>();
    public final Map<String, Holder> holders = new LinkedHashMap<>();
    public boolean unreachable;
    private int serials;

    @Override
    public boolean issuing() {
        return true;
    }

    @Override
    public synchronized Issued issue(Holder holder) {
        if (unreachable) {
            throw new LedgerUnavailableException("Fabric CA ca-land at https://localhost:7054 did not answer");
        }
        holders.put(holder.name(), holder);
        return issued.computeIfAbsent(holder.name(), name -> new Issued(name, holder.mspId(), Integer.toHexString(++serials), false));
    }

    @Override
    public synchronized Issued revoke(String name) {
        if (unreachable) {
            throw new LedgerUnavailableException("orderer 127.0.0.1:7050 did not answer");
        }
        Issued before = issued.get(name);
        if (before == null) {
            throw new LedgerUnavailableException("the portal holds no ledger identity named " + name);
        }
        Issued revoked = new Issued(name, before.mspId(), before.serial(), true);
        issued.put(name, revoked);
        return revoked;
    }

    @Override
    public synchronized Optional<Issued> find(String name) {
        return Optional.ofNullable(issued.get(name));
    }
}
