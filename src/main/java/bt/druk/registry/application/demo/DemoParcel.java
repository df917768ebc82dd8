package bt.druk.registry.application.demo;

import bt.druk.registry.application.land.FirstRegistrationCommand;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.TitleOperation;
import bt.druk.registry.domain.shared.StaffMember;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A demo parcel: its first registration and the later events of its history, in order, all done by
 * one clerk of the office that keeps its thram.
 */
public record DemoParcel(StaffMember clerk, FirstRegistrationCommand registration, List<DemoStep> history) {

    public DemoParcel {
        Objects.requireNonNull(clerk, "clerk");
        Objects.requireNonNull(registration, "registration");
        history = List.copyOf(history);
    }

    public String pin() {
        return registration.pin();
    }

    public String recordKey() {
        return LandTitle.recordKeyOf(pin());
    }

    /** The operations of every version the plan makes, first registration included. */
    public List<String> plannedOperations() {
        List<String> operations = new ArrayList<>();
        operations.add(TitleOperation.FIRST_REGISTRATION.name());
        history.forEach(step -> operations.add(step.operation().name()));
        return operations;
    }
}
