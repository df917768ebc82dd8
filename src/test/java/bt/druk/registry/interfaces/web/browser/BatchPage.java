package bt.druk.registry.interfaces.web.browser;

import java.time.Duration;
import java.util.List;

/** The notary batch page ({@code /clerk/notary/batch.xhtml}) as the browser tests follow it. */
final class BatchPage {

    private BatchPage() {
    }

    /**
     * Waits until the page shows {@code count} members, every one ANCHORED, and answers their anchor
     * keys in the page's order. The page's poll replaces the table every 2 s, so its rows are read in
     * one script, never element by element.
     */
    static List<String> awaitAnchored(Browser clerk, int count) {
        clerk.waitUpTo(Duration.ofSeconds(120)).until(d -> {
            List<List<String>> rows = members(clerk);
            return rows.size() == count && rows.stream().allMatch(r -> "ANCHORED".equals(r.get(0)));
        });
        return members(clerk).stream().map(r -> r.get(1)).toList();
    }

    /** Each member row of the table as [state, anchor key], read at one instant. */
    @SuppressWarnings("unchecked")
    private static List<List<String>> members(Browser clerk) {
        return (List<List<String>>) clerk.driver.executeScript(
                "return Array.from(document.querySelectorAll('#batchMembers .batch-member'),"
                        + " r => [r.getAttribute('data-state'), r.cells[2].textContent.trim()]);");
    }
}
