package bt.druk.registry.domain.procurement.sealed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A measurement, not part of {@code mvn test} (the name does not end in Test): how long opening
 * takes for {@code druk.sealedBench.bids} bids (default 1,000) of about 1 MB each (a 1 MiB random
 * document and the bid), each sealed to three holders, k = 2, opened on
 * {@code druk.sealedBench.threads} threads (default 1). Timed (wall clock): the opener's whole path
 * from the stored text (SHA-256 against the ledger's hash, strict parse, the posted shares' hashes,
 * every share recomputed, AES-GCM of every part, the bid's canonical form). Not timed: sealing,
 * and the holders decrypting their shares (done in their browsers). The bids are sealed and opened
 * in batches of 50 to bound memory. Prints the figures; asserts no time.
 * {@code mvn -o test-compile surefire:test -Dtest=SealedEnvelopeOpeningBench -Ddruk.sealedBench.threads=2}
 */
class SealedEnvelopeOpeningBench {

    private static final int BATCH = 50;

    @Test
    void openingAThousandOneMegabyteBids() throws Exception {
        int bids = Integer.getInteger("druk.sealedBench.bids", 1000);
        int threads = Integer.getInteger("druk.sealedBench.threads", 1);
        SecureRandom random = new SecureRandom();
        List<KeyPair> holders = List.of(P256.generate(random), P256.generate(random), P256.generate(random));
        List<byte[]> spkis = holders.stream().map(h -> h.getPublic().getEncoded()).toList();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            openAll(sealBatch(0, 2 * BATCH, random, spkis, holders), pool); // warm-up: the JIT compiles the paths first
            long openNanos = 0;
            long sealNanos = 0;
            long bytes = 0;
            for (int from = 0; from < bids; from += BATCH) {
                long t0 = System.nanoTime();
                List<Sealed> batch = sealBatch(from, Math.min(BATCH, bids - from), random, spkis, holders);
                long t1 = System.nanoTime();
                openAll(batch, pool);
                openNanos += System.nanoTime() - t1;
                sealNanos += t1 - t0;
                bytes += batch.stream().mapToLong(s -> s.text.length()).sum();
            }
            System.out.printf("Opened %,d sealed bids of 1 MiB + bid (envelopes %,d bytes in all) on %d thread(s) in %.2f s:"
                    + " %.2f ms per bid, %.0f MB/s of envelope. (Sealing them and decrypting the shares, not counted: %.2f s.)"
                    + " %d cores, Java %s%n", bids, bytes, threads, openNanos / 1e9, openNanos / 1e6 / bids,
                    bytes / (openNanos / 1e9) / 1e6, sealNanos / 1e9, Runtime.getRuntime().availableProcessors(),
                    System.getProperty("java.version"));
        } finally {
            pool.shutdownNow();
        }
    }

    private record Sealed(String text, String sha256, List<KeyShare> shares) {
    }

    private static List<Sealed> sealBatch(int from, int count, SecureRandom random, List<byte[]> spkis, List<KeyPair> holders) {
        List<Sealed> batch = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            byte[] document = new byte[1024 * 1024];
            random.nextBytes(document);
            SealedEnvelope envelope = EnvelopeSealer.seal("ocds-drk001-T-2026-0500", "{\"bid\":" + i
                    + ",\"value\":{\"amount\":" + (1000 + i) + ",\"currency\":\"BTN\"}}", List.of(document), spkis, 2);
            List<KeyShare> shares = new ArrayList<>();
            for (int h = 2; h <= 3; h++) {
                shares.add(ShareCipher.decrypt(envelope, h, holders.get(h - 1).getPrivate(), (ECPublicKey) holders.get(h - 1).getPublic()));
            }
            batch.add(new Sealed(envelope.toCanonicalJson(), envelope.sha256Hex(), shares));
        }
        return batch;
    }

    private static void openAll(List<Sealed> batch, ExecutorService pool) throws Exception {
        List<Future<OpeningResult>> results = new ArrayList<>();
        for (Sealed sealed : batch) {
            results.add(pool.submit(() -> EnvelopeOpener.open(sealed.text, sealed.sha256, sealed.shares)));
        }
        for (Future<OpeningResult> result : results) {
            OpeningResult.Valid valid = assertInstanceOf(OpeningResult.Valid.class, result.get());
            assertEquals(1024 * 1024, valid.documents().get(0).size());
        }
    }
}
