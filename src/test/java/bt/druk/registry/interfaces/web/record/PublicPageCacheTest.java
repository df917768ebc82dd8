package bt.druk.registry.interfaces.web.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The rendered-page cache: served only for the stamp it was rendered from, bounded in bytes, evicted per record. */
class PublicPageCacheTest {

    static PublicPageCache.Page page(String stamp, int bytes) {
        return new PublicPageCache.Page(stamp, new byte[bytes], "text/html;charset=UTF-8", null, Instant.parse("2026-11-30T10:00:00Z"), null);
    }

    @Test
    void aPageIsServedOnlyForTheStampItWasRenderedFrom() {
        PublicPageCache cache = new PublicPageCache(1000);
        cache.put("land-title:A-1 /records/land.xhtml en", page("s1", 10));
        assertTrue(cache.get("land-title:A-1 /records/land.xhtml en", "s1").isPresent());
        assertFalse(cache.get("land-title:A-1 /records/land.xhtml en", "s2").isPresent(), "the record changed since");
        assertFalse(cache.get("land-title:A-1 /records/land.xhtml dz", "s1").isPresent());

        cache.put("land-title:A-1 /records/land.xhtml en", page("s2", 30));
        assertEquals(1, cache.size());
        assertEquals(30, cache.bytes(), "the new rendering replaces the old one");
    }

    @Test
    void theLeastRecentlyReadPagesGoFirstOnceTheBytesAreSpent() {
        PublicPageCache cache = new PublicPageCache(100);
        for (int i = 0; i < 5; i++) {
            cache.put("land-title:P-" + i + " /records/land.xhtml en", page("s", 30));
            cache.get("land-title:P-0 /records/land.xhtml en", "s"); // P-0 stays in use
        }
        assertEquals(3, cache.size());
        assertTrue(cache.bytes() <= 100);
        assertTrue(cache.get("land-title:P-0 /records/land.xhtml en", "s").isPresent());
        assertFalse(cache.get("land-title:P-1 /records/land.xhtml en", "s").isPresent());
        assertTrue(cache.get("land-title:P-4 /records/land.xhtml en", "s").isPresent());

        cache.put("huge", page("s", 101));
        assertFalse(cache.get("huge", "s").isPresent(), "larger than the whole budget: not kept");
    }

    @Test
    void evictingARecordDropsItsPagesInEveryLanguageAndNoOtherRecords() {
        PublicPageCache cache = new PublicPageCache(1000);
        cache.put("land-title:A-1 /records/land.xhtml en", page("s", 10));
        cache.put("land-title:A-1 /records/land.xhtml dz", page("s", 10));
        cache.put("land-title:A-10 /records/land.xhtml en", page("s", 10));
        cache.evict("land-title:A-1");
        assertEquals(1, cache.size());
        assertEquals(10, cache.bytes());
        assertTrue(cache.get("land-title:A-10 /records/land.xhtml en", "s").isPresent());
    }

    @Test
    void entityTagsDifferWithTheStampAndMatchAsStrongOrWeak() {
        String tag = PublicPageFilter.entityTag("land-title:A-1 1.1.1.1.1.2026-11-30T10:00:00Z 0 x");
        assertNotEquals(tag, PublicPageFilter.entityTag("land-title:A-1 2.2.1.1.1.2026-11-30T10:01:00Z 0 x"));
        assertTrue(tag.matches("\"[0-9a-f]{32}\""), tag);
        assertTrue(PublicPageFilter.matches(tag, tag));
        assertTrue(PublicPageFilter.matches("\"other\", W/" + tag, tag));
        assertFalse(PublicPageFilter.matches("\"other\"", tag));
        assertFalse(PublicPageFilter.matches(null, tag));
    }
}
