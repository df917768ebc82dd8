package bt.druk.registry.application.demo;

import java.time.Instant;

/**
 * Where one demo parcel stands after a call to {@link DemoContent#advance}.
 *
 * @param detail    what happened or what it waits for, in words for the log
 * @param notBefore for WAITING: the time the next step may go (a notice period), else null
 */
public record DemoProgress(String pin, State state, String detail, Instant notBefore) {

    public enum State {
        /** A step was saved now (it goes to the ledger through the outbox). */
        APPLIED,
        /** Nothing to do yet: the latest version awaits the ledger, or a notice period runs. */
        WAITING,
        /** Every step of the parcel's plan is on the ledger. */
        DONE,
        /** The parcel is left alone for good (see detail): the ledger refused it, or someone else changed it. */
        SKIPPED
    }

    static DemoProgress applied(String pin, String detail) {
        return new DemoProgress(pin, State.APPLIED, detail, null);
    }

    static DemoProgress waiting(String pin, String detail) {
        return new DemoProgress(pin, State.WAITING, detail, null);
    }

    static DemoProgress waitingUntil(String pin, String detail, Instant notBefore) {
        return new DemoProgress(pin, State.WAITING, detail, notBefore);
    }

    static DemoProgress done(String pin) {
        return new DemoProgress(pin, State.DONE, "complete", null);
    }

    static DemoProgress skipped(String pin, String detail) {
        return new DemoProgress(pin, State.SKIPPED, detail, null);
    }

    public boolean finished() {
        return state == State.DONE || state == State.SKIPPED;
    }
}
