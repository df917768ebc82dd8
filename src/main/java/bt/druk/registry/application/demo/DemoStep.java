package bt.druk.registry.application.demo;

import bt.druk.registry.application.land.DischargeMortgageCommand;
import bt.druk.registry.application.land.FinaliseTransferCommand;
import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.application.land.LodgeCaveatCommand;
import bt.druk.registry.application.land.LodgeTransferCommand;
import bt.druk.registry.application.land.ObjectToTransferCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.land.RegisterMortgageCommand;
import bt.druk.registry.application.land.ReleaseCaveatCommand;
import bt.druk.registry.application.record.ReceiptView;
import bt.druk.registry.application.record.VersionView;
import bt.druk.registry.domain.land.PendingTransfer;
import bt.druk.registry.domain.land.TitleOperation;
import bt.druk.registry.domain.land.TransferType;
import bt.druk.registry.domain.shared.StaffMember;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One later event in a demo parcel's history (after its first registration), done through the same
 * {@link LandTitleService} call as the clerk's form.
 */
public sealed interface DemoStep {

    /** The operation this step records, as it appears in the chain of title. */
    TitleOperation operation();

    /** Saves the step on top of {@code expectedVersion} (the version it was planned against). */
    void apply(LandTitleService land, StaffMember clerk, String pin, int expectedVersion);

    /** Earliest time the step may be done given the committed current version; {@code null} for "now". */
    default Instant notBefore(LandTitleStaffView current) {
        return null;
    }

    record Mortgage(String ref, String lender) implements DemoStep {
        public TitleOperation operation() {
            return TitleOperation.MORTGAGE_REGISTERED;
        }

        public void apply(LandTitleService land, StaffMember clerk, String pin, int expectedVersion) {
            land.registerMortgage(clerk, new RegisterMortgageCommand(pin, expectedVersion, ref, lender));
        }
    }

    record Discharge(String ref) implements DemoStep {
        public TitleOperation operation() {
            return TitleOperation.MORTGAGE_DISCHARGED;
        }

        public void apply(LandTitleService land, StaffMember clerk, String pin, int expectedVersion) {
            land.dischargeMortgage(clerk, new DischargeMortgageCommand(pin, expectedVersion, ref));
        }
    }

    record Caveat(String ref, String reason) implements DemoStep {
        public TitleOperation operation() {
            return TitleOperation.CAVEAT_LODGED;
        }

        public void apply(LandTitleService land, StaffMember clerk, String pin, int expectedVersion) {
            land.lodgeCaveat(clerk, new LodgeCaveatCommand(pin, expectedVersion, ref, reason));
        }
    }

    record ReleaseCaveat(String ref) implements DemoStep {
        public TitleOperation operation() {
            return TitleOperation.CAVEAT_RELEASED;
        }

        public void apply(LandTitleService land, StaffMember clerk, String pin, int expectedVersion) {
            land.releaseCaveat(clerk, new ReleaseCaveatCommand(pin, expectedVersion, ref));
        }
    }

    record Transfer(TransferType type, List<OwnerInput> newOwners) implements DemoStep {
        public Transfer {
            newOwners = List.copyOf(newOwners);
        }

        public TitleOperation operation() {
            return TitleOperation.TRANSFER_LODGED;
        }

        public void apply(LandTitleService land, StaffMember clerk, String pin, int expectedVersion) {
            land.lodgeTransfer(clerk, new LodgeTransferCommand(pin, expectedVersion, type, newOwners));
        }
    }

    record Objection(String objectorName, String reason) implements DemoStep {
        public TitleOperation operation() {
            return TitleOperation.TRANSFER_OBJECTED;
        }

        public void apply(LandTitleService land, StaffMember clerk, String pin, int expectedVersion) {
            land.objectToTransfer(clerk, new ObjectToTransferCommand(pin, expectedVersion, objectorName, reason));
        }
    }

    /**
     * Finalises the transfer lodged by the step before, once the public notice period is over. The
     * ledger counts the period from the lodging's transaction time, which can be later than the
     * portal's own clock (the ledger may have been unreachable), so the step waits for both, plus a
     * minute for clock differences: finalising early would be refused by the chaincode for good.
     */
    record Finalise() implements DemoStep {
        static final Duration MARGIN = Duration.ofMinutes(1);

        public TitleOperation operation() {
            return TitleOperation.TRANSFER_FINALISED;
        }

        public void apply(LandTitleService land, StaffMember clerk, String pin, int expectedVersion) {
            land.finaliseTransfer(clerk, new FinaliseTransferCommand(pin, expectedVersion));
        }

        @Override
        public Instant notBefore(LandTitleStaffView current) {
            PendingTransfer pending = current.title().pendingTransfer();
            if (pending == null) {
                return null; // nothing to wait for; the service will refuse with its own message
            }
            Instant end = pending.noticeEndsAt();
            ReceiptView receipt = current.chainOfTitle().stream()
                    .filter(v -> v.version() == current.currentVersion())
                    .map(VersionView::receipt).filter(r -> r != null && r.commitTime() != null)
                    .findFirst().orElse(null);
            if (receipt != null) {
                Instant onLedger = receipt.commitTime().plus(Duration.between(pending.lodgedAt(), pending.noticeEndsAt()));
                if (onLedger.isAfter(end)) {
                    end = onLedger;
                }
            }
            return end.plus(MARGIN);
        }
    }
}
