package bt.druk.registry.chaincode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class ArgsTest {
    static final String HASH = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static void invalid(Runnable r) {
        RegistryException e = assertThrows(RegistryException.class, r::run);
        assertEquals(ErrorCode.INVALID_ARGUMENT, e.getCode());
    }

    @Test
    void acceptsLowercaseSha256() {
        assertEquals(HASH, Args.hash("hash", HASH));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            " 123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void rejectsMalformedHashes(String bad) {
        invalid(() -> Args.hash("hash", bad));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0", "-1", "01", "1.0", "2147483648", " 2", "two", "+3"})
    void rejectsBadVersions(String bad) {
        invalid(() -> Args.version(bad));
    }

    @Test
    void acceptsVersions() {
        assertEquals(1, Args.version("1"));
        assertEquals(2147483647, Args.version("2147483647"));
    }

    @Test
    void keysFollowTheirKindsFormat() {
        assertTrue(Kind.LAND_TITLE.accepts("land-title:PIN-123"));
        assertTrue(Kind.LAND_TITLE.accepts("land-title:THI/GEWOG-04/1234"));
        assertTrue(Kind.TENDER.accepts("tender:ocds-b5fd17-2026-0042"));
        assertTrue(Kind.BID.accepts("bid:ocds-b5fd17-2026-0042:7"));
        assertTrue(Kind.NOTARISATION.accepts("notarisation:0f8e6c1a-7d2b-4d1e-9a55-2b7e5c0b9d11"));
        assertTrue(Kind.ANCHOR.accepts("anchor:2026-03-01-001"));
        assertFalse(Kind.LAND_TITLE.accepts("land-title:"));
        assertFalse(Kind.LAND_TITLE.accepts("land-title:PIN 123"));
        assertFalse(Kind.LAND_TITLE.accepts("land-title:PIN\u0000"));
        assertFalse(Kind.LAND_TITLE.accepts("tender:PIN-1"));
        assertFalse(Kind.LAND_TITLE.accepts("land-title:" + "x".repeat(161)));
        assertFalse(Kind.BID.accepts("bid:ocds-1"));
        assertFalse(Kind.BID.accepts("bid:ocds-1:"));
        assertFalse(Kind.BID.accepts("bid::1"));
        assertFalse(Kind.TENDER.accepts(null));
        invalid(() -> Args.key(Kind.LAND_TITLE, "key", "PIN-1"));
        invalid(() -> Args.anyKey("config:noticePeriodSeconds"));
        assertEquals(Kind.BID, Args.anyKey("bid:o:1"));
    }

    @Test
    void deadlinesNeedAnOffset() {
        assertEquals(Instant.parse("2026-06-30T06:00:00Z"), Args.deadline("d", "2026-06-30T12:00:00+06:00"));
        assertEquals(Instant.parse("2026-06-30T12:00:00Z"), Args.deadline("d", "2026-06-30T12:00:00Z"));
        assertEquals(Instant.parse("2026-06-30T12:00:00.5Z"), Args.deadline("d", "2026-06-30T12:00:00.500Z"));
        invalid(() -> Args.deadline("d", "2026-06-30T12:00:00"));
        invalid(() -> Args.deadline("d", "2026-06-30"));
        invalid(() -> Args.deadline("d", "2026-02-30T12:00:00Z"));
        invalid(() -> Args.deadline("d", null));
    }

    @Test
    void reasonsAreBoundedNonPersonalText() {
        assertEquals("plot boundary disputed", Args.reason("  plot boundary disputed \n"));
        assertEquals("x".repeat(500), Args.reason("x".repeat(500)));
        assertEquals("ས་ཁྲ་ནོར་འཁྲུལ", Args.reason("ས་ཁྲ་ནོར་འཁྲུལ"));
        invalid(() -> Args.reason(null));
        invalid(() -> Args.reason(" \t "));
        invalid(() -> Args.reason("x".repeat(501)));
        invalid(() -> Args.reason("line one\nline two"));
        invalid(() -> Args.reason("bad \ud800 surrogate"));
        // A right-to-left override (and every other bidirectional control) reverses how the line reads.
        invalid(() -> Args.reason("\u0000\u202e<script>alert(1)</script>"));
        invalid(() -> Args.reason("paid in full \u202e0001 .uN"));
        for (char c : new char[] {'\u202a', '\u202b', '\u202c', '\u202d', '\u2066', '\u2067', '\u2068', '\u2069',
                '\u200e', '\u200f', '\u061c'}) {
            invalid(() -> Args.reason("reason " + c + " here"));
        }
        assertEquals("ཀུན་ལེགས་ Kinley Wangmo objected", Args.reason("ཀུན་ལེགས་ Kinley Wangmo objected"),
                "Dzongkha with its tsheg stays");
        assertEquals("ཀ\u0f90\u200dཀ", Args.reason("ཀ\u0f90\u200dཀ"), "joiners stay");
        invalid(() -> Args.reason("owner CID 10705001234 objected"));
        invalid(() -> Args.reason("write to dorji@example.bt"));
        assertEquals("ref 1234567890 and 123456789012", Args.reason("ref 1234567890 and 123456789012"));
    }

    @Test
    void refsOfficesSaltsAndPaging() {
        assertEquals("BOB/2026/00017", Args.ref("mortgageRef", "BOB/2026/00017"));
        invalid(() -> Args.ref("mortgageRef", " "));
        invalid(() -> Args.ref("mortgageRef", "has space"));
        invalid(() -> Args.ref("mortgageRef", "x".repeat(129)));
        assertEquals("THIMPHU", Args.office("THIMPHU"));
        invalid(() -> Args.office(""));
        invalid(() -> Args.office("THIM PHU"));
        assertEquals("abc:def", Args.salt("supplierSalt", "abc:def"));
        invalid(() -> Args.salt("supplierSalt", ""));
        invalid(() -> Args.salt("supplierSalt", "has space"));
        invalid(() -> Args.salt("supplierSalt", "s".repeat(257)));
        assertEquals(1, Args.pageSize("1"));
        assertEquals(100, Args.pageSize("100"));
        invalid(() -> Args.pageSize("101"));
        assertEquals("", Args.bookmark(null));
        invalid(() -> Args.bookmark("x".repeat(2049)));
        assertEquals(0L, Args.noticeSeconds("0", 0));
        invalid(() -> Args.noticeSeconds("315360001", 0));
        assertEquals(604800L, Args.noticeSeconds("604800", 604800));
        invalid(() -> Args.noticeSeconds("604799", 604800));
        assertEquals(Kind.LAND_TITLE, Args.kind("land-title"));
        invalid(() -> Args.kind("land"));
    }

    @Test
    void errorsCarryCodeInMessageAndPayload() {
        RegistryException e = ErrorCode.STALE_VERSION.error("%s is at version %d; update named version %d",
                "land-title PIN-123", 3, 2);
        assertEquals("[STALE_VERSION] land-title PIN-123 is at version 3; update named version 2", e.getMessage());
        assertEquals("STALE_VERSION", new String(e.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(e instanceof org.hyperledger.fabric.shim.ChaincodeException);
    }
}
