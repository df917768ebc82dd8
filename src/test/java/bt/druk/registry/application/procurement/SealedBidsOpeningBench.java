package bt.druk.registry.application.procurement;

import bt.druk.registry.domain.ledger.LedgerEntry;
import bt.druk.registry.domain.procurement.MainCategory;
import bt.druk.registry.domain.procurement.ProcurementMethod;
import bt.druk.registry.domain.procurement.Tender;
import bt.druk.registry.domain.procurement.TenderItem;
import bt.druk.registry.domain.procurement.TenderOpening;
import bt.druk.registry.domain.procurement.sealed.BidVerdict;
import bt.druk.registry.domain.procurement.sealed.EnvelopeOpener;
import bt.druk.registry.domain.procurement.sealed.EnvelopeSealer;
import bt.druk.registry.domain.procurement.sealed.KeyShare;
import bt.druk.registry.domain.procurement.sealed.OpeningResult;
import bt.druk.registry.domain.procurement.sealed.P256;
import bt.druk.registry.domain.procurement.sealed.SealedBidContent;
import bt.druk.registry.domain.procurement.sealed.SealedEnvelope;
import bt.druk.registry.domain.procurement.sealed.ShareCipher;
import bt.druk.registry.domain.record.CanonicalJson;
import bt.druk.registry.domain.record.LedgerCall;
import bt.druk.registry.domain.shared.Role;
import bt.druk.registry.domain.shared.StaffMember;
import bt.druk.registry.infrastructure.files.FilesystemEnvelopeStore;
import bt.druk.registry.testing.PortalHarness;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A measurement, not part of {@code mvn test} (the name does not end in Test;
 * {@code SealedBidsOpeningBenchTest} runs it small and checks what it opened): issue 25's "opening
 * 1,000 bids of 1 MB each (decrypt + check) takes < 20 s", through the portal's own code.
 * <p>
 * A sealed tender to three holders, k = 2, gets {@code --bids} bids (default 1,000), each with one
 * random document of {@code --kib} KiB (default 1,024), sealed by {@link EnvelopeSealer}, lodged
 * through {@link SealedBids#lodge} into a {@link FilesystemEnvelopeStore} on disk
 * ({@code --dir}); two holders post their shares. Then, timed (wall clock, one thread):
 * <ol>
 * <li>the envelope level, for the ratio: each stored envelope read from the store and opened by
 *     {@link EnvelopeOpener} with the posted shares (what {@code SealedEnvelopeOpeningBench} times,
 *     plus the file read), once before the portal's opening and once after it;</li>
 * <li>{@link SealedBids#openAll}: the tender to evaluation, per bid its record locked, its envelope
 *     read, opened, its hash checked against the hash the ledger holds, the verdict judged, the
 *     opened version written with its {@code OpenBid} call in the outbox;</li>
 * <li>the hand-over: the submitter sends every {@code OpenBid} to the ledger port.</li>
 * </ol>
 * The ledger is the unit tests' {@code FakeLedger}, which commits at once: the network's commit
 * latency and OpenBid throughput are not in these figures. The records, the outbox and the bid
 * suppliers are the harness's in-memory stores, not H2 through JPA in one transaction as in the
 * portal. The envelopes are read back from the page cache (written moments before). A warm-up
 * tender of {@code --warmup} bids (default 100) is opened first so the JIT has compiled the path.
 * Every run checks that each bid opened valid with its own price and that every OpenBid reached
 * the ledger; it asserts no time.
 * <p>
 * Run: {@code deploy/bench.sh --sealed-opening}, or with the test class path
 * {@code java -cp target/test-classes:target/classes:<test dependencies>
 * bt.druk.registry.application.procurement.SealedBidsOpeningBench --bids 1000 --kib 1024 --dir /tmp/x [--out table.md]}.
 */
public final class SealedBidsOpeningBench {

    static final StaffMember INSPECTOR = new StaffMember("inspector", Role.INSPECTOR, null, null);
    private static final List<StaffMember> HOLDERS = List.of(PortalHarness.PROCUREMENT_CLERK, INSPECTOR, PortalHarness.NOTARY_CLERK);

    private SealedBidsOpeningBench() {
    }

    /**
     * What to measure; {@code dir} holds the envelope stores while they are opened and is emptied
     * afterwards; {@code out}, if not null, receives the table.
     */
    record Options(int bids, int kib, int warmup, Path dir, Path out) {
        static Options parse(String[] args) {
            int bids = 1000;
            int kib = 1024;
            int warmup = 100;
            Path dir = null;
            Path out = null;
            for (int i = 0; i < args.length; i += 2) {
                String value = i + 1 < args.length ? args[i + 1] : "";
                switch (args[i]) {
                    case "--bids" -> bids = Integer.parseInt(value);
                    case "--kib" -> kib = Integer.parseInt(value);
                    case "--warmup" -> warmup = Integer.parseInt(value);
                    case "--dir" -> dir = Path.of(value);
                    case "--out" -> out = Path.of(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--bids N --kib N --warmup N --dir FOLDER --out FILE)");
                }
            }
            if (dir == null) {
                throw new IllegalArgumentException("--dir FOLDER: where the envelope store is written (about bids x kib x 1.34)");
            }
            return new Options(bids, kib, warmup, dir, out);
        }
    }

    /** One tender's opening, timed; {@code lines} are the opening's report lines, {@code openBids} the OpenBid calls the ledger got. */
    record Result(int bids, long envelopeBytes, double sealSeconds, double envelopeBefore, double envelopeAfter,
                  double openAllSeconds, double handOverSeconds, List<String> lines, List<String> expectedLines, int openBids) {

        double portalSeconds() {
            return openAllSeconds + handOverSeconds;
        }

        double envelopeSeconds() {
            return (envelopeBefore + envelopeAfter) / 2;
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        String loadBefore = loadAverage();
        if (options.warmup() > 0) {
            Result warm = run(new Options(options.warmup(), options.kib(), 0, options.dir(), null), System.out);
            System.out.printf("warm-up: %d bids, openAll %.2f s%n", warm.bids(), warm.openAllSeconds());
        }
        Result r = run(options, System.out);
        String table = table(options, r, loadBefore, loadAverage());
        System.out.println(table);
        if (options.out() != null) {
            Files.writeString(options.out(), table);
            System.out.println("Table written to " + options.out());
        }
    }

    /** Seals, lodges and posts shares for one tender of {@code o.bids()} bids, then times its opening; empties {@code o.dir()} after. */
    static Result run(Options o, PrintStream log) throws IOException {
        SecureRandom random = new SecureRandom();
        PortalHarness h = new PortalHarness();
        Map<StaffMember, KeyPair> keys = new LinkedHashMap<>();
        for (StaffMember holder : HOLDERS) {
            KeyPair pair = P256.generate(random);
            keys.put(holder, pair);
            h.openingKeys.register(holder, Base64.getUrlEncoder().withoutPadding().encodeToString(pair.getPublic().getEncoded()));
        }
        TenderOpening opening = h.openingKeys.openingOf(HOLDERS.stream().map(StaffMember::username).toList(), 2);
        var published = h.tenders.publish(PortalHarness.PROCUREMENT_CLERK, "DES", new Tender.Terms("Bitumen", "80/100 grade",
                ProcurementMethod.OPEN, MainCategory.GOODS, new BigDecimal("12500000.00"), null,
                h.clock.instant().plus(Duration.ofDays(1)), List.of(new TenderItem("Bitumen", new BigDecimal("400"), "drum")),
                List.of()), opening, Duration.ZERO);
        h.submitter.submitDue();
        String ocid = published.recordKey().substring("tender:".length());
        Path store = Files.createTempDirectory(Files.createDirectories(o.dir()), "envelopes-");
        FilesystemEnvelopeStore envelopes = new FilesystemEnvelopeStore(store);
        SealedBids sealedBids = new SealedBids(h.pipeline, h.tenderRepository, h.sealedBidSuppliers, envelopes, h.openingKeys,
                new SealedBidOpening(h.pipeline, h.tenderRepository, h.tenders, h.sealedBidSuppliers, envelopes, h.files),
                new EnvelopeSweeper(envelopes, h.envelopeUses, h.ledger, h.envelopeSweepPolicy, h.clock), h.ledger,
                h.procurementPolicy, h.clock);
        try {
            return open(o, h, keys, opening, ocid, sealedBids, store, random, log);
        } finally {
            deleteTree(store);
        }
    }

    private static Result open(Options o, PortalHarness h, Map<StaffMember, KeyPair> keys, TenderOpening opening, String ocid,
                               SealedBids sealedBids, Path store, SecureRandom random, PrintStream log) throws IOException {
        List<byte[]> spkis = keys.values().stream().map(k -> k.getPublic().getEncoded()).toList();
        List<StaffMember> posting = HOLDERS.subList(1, 3);
        Map<StaffMember, Map<String, String>> shares = new LinkedHashMap<>();
        posting.forEach(m -> shares.put(m, new LinkedHashMap<>()));
        Map<String, String> envelopeHashes = new LinkedHashMap<>();
        List<String> expected = new ArrayList<>();
        long sealStart = System.nanoTime();
        for (int i = 1; i <= o.bids(); i++) {
            byte[] document = new byte[o.kib() * 1024];
            random.nextBytes(document);
            String supplierId = String.format("CDB-2026-%04d", i);
            String price = (1_000_000 + 7919L * i) + "." + String.format("%02d", i % 100);
            String bid = new SealedBidContent(ocid, supplierId, price, SealedBidContent.BTN,
                    List.of(new SealedBidContent.Document("boq-" + i + ".pdf", SealedEnvelope.documentPart(1), sha256(document))))
                    .toCanonicalJson();
            SealedEnvelope envelope = EnvelopeSealer.seal(ocid, bid, List.of(document), spkis, 2);
            String text = envelope.toCanonicalJson();
            String bidKey = sealedBids.lodge(supplierId, "Supplier " + i, ocid, text).recordKey();
            envelopeHashes.put(bidKey, CanonicalJson.sha256Hex(text));
            expected.add(bidKey + " valid " + price + " BTN");
            // What each posting holder's browser does with its share of this envelope.
            for (StaffMember member : posting) {
                KeyPair pair = keys.get(member);
                int index = opening.holderWithKey(EnvelopeSealer.publicKeySha256((ECPublicKey) pair.getPublic())).orElseThrow().index();
                KeyShare share = ShareCipher.decrypt(envelope, index, pair.getPrivate(), (ECPublicKey) pair.getPublic());
                shares.get(member).put(bidKey, Base64.getUrlEncoder().withoutPadding().encodeToString(share.toBytes()));
            }
            if (i % 50 == 0) {
                h.submitter.submitDue();
            }
        }
        h.submitter.submitDue();
        double sealSeconds = (System.nanoTime() - sealStart) / 1e9;
        long bytes;
        try (Stream<Path> files = Files.list(store)) {
            bytes = files.mapToLong(SealedBidsOpeningBench::size).sum();
        }
        log.printf("sealed and lodged %d bids (%,d bytes of envelopes in %s) in %.1f s%n", o.bids(), bytes, store, sealSeconds);

        h.clock.advance(Duration.ofDays(1).plusSeconds(1));
        for (StaffMember member : posting) {
            sealedBids.postShares(member, ocid, shares.get(member));
        }

        // 1. The envelope level, for the ratio, once before and once after the portal's opening (the
        // first pass to run pays for what the other finds warm).
        double envelopeBefore = openEnvelopes(o, store, envelopeHashes, shares, posting);
        // 2. The portal's opening, and 3. the hand-over of every OpenBid to the ledger port.
        long t1 = System.nanoTime();
        SealedBids.OpeningReport report = sealedBids.openAll(PortalHarness.PROCUREMENT_CLERK, ocid);
        long t2 = System.nanoTime();
        h.submitter.submitDue();
        long t3 = System.nanoTime();
        double envelopeAfter = openEnvelopes(o, store, envelopeHashes, shares, posting);

        List<String> lines = report.opened().stream().map(BidVerdict::line).toList();
        int openBids = (int) h.ledger.committedCalls().stream().map(LedgerCall::function).filter(SealedBids.OPEN::equals).count();
        if (!lines.equals(expected) || !report.waiting().isEmpty() || openBids != o.bids()) {
            throw new IllegalStateException("the opening is not what was sealed: " + lines.size() + " lines, " + report.waiting().size()
                    + " waiting, " + openBids + " OpenBid calls; first difference: " + firstDifference(lines, expected));
        }
        for (String bidKey : envelopeHashes.keySet()) {
            LedgerEntry onLedger = h.ledger.readRecord(bidKey).orElseThrow();
            if (!onLedger.status().equals("opened")) {
                throw new IllegalStateException(bidKey + " is " + onLedger.status() + " on the ledger, not opened");
            }
        }
        return new Result(o.bids(), bytes, sealSeconds, envelopeBefore, envelopeAfter, (t2 - t1) / 1e9, (t3 - t2) / 1e9,
                lines, expected, openBids);
    }

    /** Reads each stored envelope and opens it with the posted shares, as the opener alone would; seconds taken. */
    private static double openEnvelopes(Options o, Path store, Map<String, String> envelopeHashes,
                                        Map<StaffMember, Map<String, String>> shares, List<StaffMember> posting) throws IOException {
        FilesystemEnvelopeStore reader = new FilesystemEnvelopeStore(store);
        long t0 = System.nanoTime();
        for (Map.Entry<String, String> e : envelopeHashes.entrySet()) {
            List<KeyShare> posted = posting.stream()
                    .map(m -> KeyShare.fromBytes(Base64.getUrlDecoder().decode(shares.get(m).get(e.getKey())))).toList();
            OpeningResult result = EnvelopeOpener.open(reader.get(e.getValue()).orElseThrow(), e.getValue(), posted);
            if (!(result instanceof OpeningResult.Valid valid) || valid.documents().get(0).size() != o.kib() * 1024) {
                throw new IllegalStateException(e.getKey() + " did not open at the envelope level: " + result);
            }
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    static String table(Options o, Result r, String loadBefore, String loadAfter) {
        return String.format("""
                ## Sealed opening through the portal's code (%s)

                %,d bids, one random %,d KiB document each, sealed to 3 holders (k = 2), %,d bytes of envelopes in a
                FilesystemEnvelopeStore; 2 holders' shares posted. One thread, after a warm-up tender of %d bids.
                Ledger: the unit tests' FakeLedger, which commits at once: **ledger commit latency is excluded**
                (the network's OpenBid throughput is a separate figure). Records and outbox in memory (no H2/JPA).

                | step | s | ms a bid |
                |---|---|---|
                | envelope level: store read + EnvelopeOpener.open (what SealedEnvelopeOpeningBench times), before the portal's | %.2f | %.2f |
                | the same, after the portal's | %.2f | %.2f |
                | SealedBids.openAll (lock, read, open, hash against the ledger's, verdict, opened version + OpenBid in the outbox) | %.2f | %.2f |
                | hand-over of %,d OpenBid calls to the ledger port (LedgerSubmitter) | %.2f | %.2f |
                | **portal opening, total** | **%.2f** | **%.2f** |
                | ratio portal total / envelope level (mean of the two) | %.2fx | |

                Every bid opened valid with its own price; every OpenBid reached the ledger. Sealing and lodging
                (not timed): %.1f s. %d cores, Java %s, max heap %,d MiB; load average before %s, after %s.
                """, Instant.now(), r.bids(), o.kib(), r.envelopeBytes(), o.warmup(),
                r.envelopeBefore(), r.envelopeBefore() * 1000 / r.bids(), r.envelopeAfter(), r.envelopeAfter() * 1000 / r.bids(),
                r.openAllSeconds(), r.openAllSeconds() * 1000 / r.bids(),
                r.openBids(), r.handOverSeconds(), r.handOverSeconds() * 1000 / r.bids(),
                r.portalSeconds(), r.portalSeconds() * 1000 / r.bids(),
                r.portalSeconds() / r.envelopeSeconds(), r.sealSeconds(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), loadBefore, loadAfter);
    }

    private static String firstDifference(List<String> lines, List<String> expected) {
        for (int i = 0; i < Math.max(lines.size(), expected.size()); i++) {
            String got = i < lines.size() ? lines.get(i) : "(none)";
            String want = i < expected.size() ? expected.get(i) : "(none)";
            if (!got.equals(want)) {
                return "got '" + got + "', sealed '" + want + "'";
            }
        }
        return "none";
    }

    /** The 1, 5 and 15 minute load averages, from /proc/loadavg where there is one. */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
