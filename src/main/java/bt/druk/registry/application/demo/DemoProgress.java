package bt.druk.registry.application.demo;

import java.time.Instant;

/**
 * Where one item of the demo plan stands after a call to {@link DemoContent#advance} (a parcel) or
 * {@link DemoProcurement#advance} (a tender with its bids).
 *
 * @param item      the parcel's PIN or the demo tender's reference in the plan
 * @param detail    what happened or what it waits for, in words for the log
 * @param notBefore for WAITING: the time the next step may go (a notice period, a bid deadline), else null
 */
public record DemoProgress(String item, State state, String detail, Instant notBefore) {

    public enum State {
        /** A step was saved now (it goes to the ledger through the outbox). */
        APPLIED,
        /** Nothing to do yet: the latest version awaits the ledger, or a notice period or bid deadline runs. */
        WAITING,
        /**
         * Not started yet: a tender with a short bid deadline waits until the demo's other records are
         * on the ledger, so that its bids do not queue behind them and miss the deadline.
         */
        HELD,
        /** Every step of the item's plan is on the ledger. */
        DONE,
        /** The item is left alone for good (see detail): the ledger refused it, or someone else changed it. */
        SKIPPED
    }

    static DemoProgress applied(String item, String detail) {
        return new DemoProgress(item, State.APPLIED, detail, null);
    }

    static DemoProgress waiting(String item, String detail) {
        return new DemoProgress(item, State.WAITING, detail, null);
    }

    static DemoProgress waitingUntil(String item, String detail, Instant notBefore) {
        return new DemoProgress(item, State.WAITING, detail, notBefore);
    }

    static DemoProgress held(String item, String detail) {
        return new DemoProgress(item, State.HELD, detail, null);
    }

    static DemoProgress done(String item) {
        return new DemoProgress(item, State.DONE, "complete", null);
    }

    static DemoProgress skipped(String item, String detail) {
        return new DemoProgress(item, State.SKIPPED, detail, null);
    }

    public boolean finished() {
        return state == State.DONE || state == State.SKIPPED;
    }
}
