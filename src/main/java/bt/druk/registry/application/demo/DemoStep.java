package bt.druk.registry.application.demo;

import bt.druk.registry.application.land.DischargeMortgageCommand;
import bt.druk.registry.application.land.FinaliseTransferCommand;
import bt.druk.registry.application.land.LandTitleService;
import bt.druk.registry.application.land.LandTitleStaffView;
import bt.druk.registry.application.land.LodgeCaveatCommand;
import bt.druk.registry.application.land.LodgeTransferCommand;
import bt.druk.registry.application.land.MergeCommand;
import bt.druk.registry.application.land.ObjectToTransferCommand;
import bt.druk.registry.application.land.OwnerInput;
import bt.druk.registry.application.land.ParcelLineageService;
import bt.druk.registry.application.land.RegisterMortgageCommand;
import bt.druk.registry.application.land.ReleaseCaveatCommand;
import bt.druk.registry.application.land.SubdivideCommand;
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
 * {@link LandTitleService} or {@link ParcelLineageService} call as the clerk's form.
 */
public sealed interface DemoStep {

    /** The services a clerk's land forms call. */
    record LandServices(LandTitleService titles, ParcelLineageService lineage) {
    }

    /** The operation this step records, as it appears in the chain of title. */
    TitleOperation operation();

    /** Saves the step on top of {@code expectedVersion} (the version it was planned against). */
    void apply(LandServices land, StaffMember clerk, String pin, int expectedVersion);

    /** Earliest time the step may be done given the committed current version; {@code null} for "now". */
    default Instant notBefore(LandTitleStaffView current) {
        return null;
    }

    /** The parcels this step creates (a subdivision's or a merger's): demo records as well. */
    default List<String> createdPins() {
        return List.of();
    }

    /** The other parcels this step changes with its own, whose versions so far must be on the ledger first. */
    default List<String> partners() {
        return List.of();
    }

    record Mortgage(String ref, String lender) implements DemoStep {
        public TitleOperation operation() {
            return TitleOperation.MORTGAGE_REGISTERED;
        }

        public void apply(LandServices land, StaffMember clerk, String pin, int expectedVersion) {
            land.titles().registerMortgage(clerk, new RegisterMortgageCommand(pin, expectedVersion, ref, lender));
        }
    }

    record Discharge(String ref) implements DemoStep {
        public TitleOperation operation() {
            return TitleOperation.MORTGAGE_DISCHARGED;
        }

        public void apply(LandServices land, StaffMember clerk, String pin, int expectedVersion) {
            land.titles().dischargeMortgage(clerk, new DischargeMortgageCommand(pin, expectedVersion, ref));
        }
    }

    record Caveat(String ref, String reason) implements DemoStep {
        public TitleOperation operation() {
            return TitleOperation.CAVEAT_LODGED;
        }

        public void apply(LandServices land, StaffMember clerk, String pin, int expectedVersion) {
            land.titles().lodgeCaveat(clerk, new LodgeCaveatCommand(pin, expectedVersion, ref, reason));
        }
    }

    record ReleaseCaveat(String ref) implements DemoStep {
        public TitleOperation operation() {
            return TitleOperation.CAVEAT_RELEASED;
        }

        public void apply(LandServices land, StaffMember clerk, String pin, int expectedVersion) {
            land.titles().releaseCaveat(clerk, new ReleaseCaveatCommand(pin, expectedVersion, ref));
        }
    }

    record Transfer(TransferType type, List<OwnerInput> newOwners) implements DemoStep {
        public Transfer {
            newOwners = List.copyOf(newOwners);
        }

        public TitleOperation operation() {
            return TitleOperation.TRANSFER_LODGED;
        }

        public void apply(LandServices land, StaffMember clerk, String pin, int expectedVersion) {
            land.titles().lodgeTransfer(clerk, new LodgeTransferCommand(pin, expectedVersion, type, newOwners));
        }
    }

    record Objection(String objectorName, String reason) implements DemoStep {
        public TitleOperation operation() {
            return TitleOperation.TRANSFER_OBJECTED;
        }

        public void apply(LandServices land, StaffMember clerk, String pin, int expectedVersion) {
            land.titles().objectToTransfer(clerk, new ObjectToTransferCommand(pin, expectedVersion, objectorName, reason));
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

        public void apply(LandServices land, StaffMember clerk, String pin, int expectedVersion) {
            land.titles().finaliseTransfer(clerk, new FinaliseTransferCommand(pin, expectedVersion));
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

    /** Divides the parcel into {@code children} (an inheritance shared out as plots): one ledger transaction. */
    record Subdivide(List<SubdivideCommand.Child> children) implements DemoStep {
        public Subdivide {
            children = List.copyOf(children);
        }

        public TitleOperation operation() {
            return TitleOperation.SUBDIVISION;
        }

        public void apply(LandServices land, StaffMember clerk, String pin, int expectedVersion) {
            land.lineage().subdivide(clerk, new SubdivideCommand(pin, expectedVersion, children));
        }

        @Override
        public List<String> createdPins() {
            return children.stream().map(SubdivideCommand.Child::pin).toList();
        }
    }

    /** Joins the parcel and its neighbour {@code otherPin} (same owners) into {@code merged}: one ledger transaction. */
    record MergeWith(String otherPin, SubdivideCommand.Child merged) implements DemoStep {
        public TitleOperation operation() {
            return TitleOperation.MERGER;
        }

        public void apply(LandServices land, StaffMember clerk, String pin, int expectedVersion) {
            land.lineage().merge(clerk, new MergeCommand(List.of(new MergeCommand.Parent(pin, expectedVersion),
                    new MergeCommand.Parent(otherPin, null)), merged));
        }

        @Override
        public List<String> createdPins() {
            return List.of(merged.pin());
        }

        @Override
        public List<String> partners() {
            return List.of(otherPin);
        }
    }

    /** The other side of a {@link MergeWith}: the parcel {@code byPin}'s step retires this one; nothing to do here. */
    record MergedBy(String byPin) implements DemoStep {
        public TitleOperation operation() {
            return TitleOperation.MERGER;
        }

        public void apply(LandServices land, StaffMember clerk, String pin, int expectedVersion) {
            throw new IllegalStateException(pin + " is merged by " + byPin + "'s step, not by its own");
        }
    }
}
