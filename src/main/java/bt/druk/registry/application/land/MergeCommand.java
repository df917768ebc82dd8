package bt.druk.registry.application.land;

import java.util.List;

/**
 * Join the parcels {@code parents} into one new parcel, {@code child}. A null thram number, gewog
 * or land type of the child is the first parent's.
 */
public record MergeCommand(List<Parent> parents, SubdivideCommand.Child child) {

    /**
     * @param expectedVersion the version the clerk was looking at, or null
     */
    public record Parent(String pin, Integer expectedVersion) {
    }
}
