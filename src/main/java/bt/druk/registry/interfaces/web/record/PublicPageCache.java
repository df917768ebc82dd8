package bt.druk.registry.interfaces.web.record;

import bt.druk.registry.infrastructure.config.Setting;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Rendered public pages for anonymous readers, each kept with the stamp of what it was rendered
 * from (the record's versions, the latest tamper report): an entry whose stamp no longer matches is
 * never served, so a change shows on the next request. Public documents by hash are kept here too. Bounded by total bytes
 * ({@code druk.pagecache.maxBytes}, default 32 MiB), the least recently read page dropped first.
 */
@ApplicationScoped
public class PublicPageCache {

    /**
     * One rendered page.
     *
     * @param stamp        what it was rendered from; also its entity tag
     * @param disposition  its Content-Disposition, or null
     * @param lastModified the latest change of what it shows, or null
     * @param policy       the Content-Security-Policy it was rendered with (its scripts carry that
     *                     policy's nonce), or null
     */
    public record Page(String stamp, byte[] body, String contentType, String disposition, Instant lastModified, String policy) {
    }

    private final long maxBytes;
    private final Map<String, Page> pages = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    public PublicPageCache() {
        this(Setting.PAGECACHE_MAX_BYTES.longNumber());
    }

    public PublicPageCache(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("druk.pagecache.maxBytes must be positive");
        }
        this.maxBytes = maxBytes;
    }

    /** The page under this key if it was rendered from exactly this stamp. */
    public Optional<Page> get(String key, String stamp) {
        synchronized (pages) {
            Page page = pages.get(key);
            return page != null && page.stamp().equals(stamp) ? Optional.of(page) : Optional.empty();
        }
    }

    /** Keeps the page (replacing an older rendering); a page larger than the whole budget is not kept. */
    public void put(String key, Page page) {
        if (page.body().length > maxBytes) {
            return;
        }
        synchronized (pages) {
            Page old = pages.put(key, page);
            bytes += page.body().length - (old == null ? 0 : old.body().length);
            var eldest = pages.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                bytes -= eldest.next().getValue().body().length;
                eldest.remove();
            }
        }
    }

    /** Drops every page of a record (its keys start with the record key and a space). */
    public void evict(String recordKey) {
        synchronized (pages) {
            var entries = pages.entrySet().iterator();
            while (entries.hasNext()) {
                var entry = entries.next();
                if (entry.getKey().startsWith(recordKey + " ")) {
                    bytes -= entry.getValue().body().length;
                    entries.remove();
                }
            }
        }
    }

    public int size() {
        synchronized (pages) {
            return pages.size();
        }
    }

    public long bytes() {
        synchronized (pages) {
            return bytes;
        }
    }
}
