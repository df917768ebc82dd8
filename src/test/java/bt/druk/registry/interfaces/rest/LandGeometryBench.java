package bt.druk.registry.interfaces.rest;

import bt.druk.registry.application.land.BoundaryOverlaps;
import bt.druk.registry.application.land.LiveBoundaries;
import bt.druk.registry.application.land.ParcelMapsForBench;
import bt.druk.registry.application.reference.ReferenceDataService;
import bt.druk.registry.domain.land.Boundary;
import bt.druk.registry.domain.land.LandParcel;
import bt.druk.registry.domain.land.LandTitle;
import bt.druk.registry.domain.land.LandType;
import bt.druk.registry.domain.land.Owner;
import bt.druk.registry.domain.land.Parcel;
import bt.druk.registry.domain.land.Share;
import bt.druk.registry.domain.land.SurveyCrs;
import bt.druk.registry.infrastructure.geo.Proj4jWgs84Reprojection;
import bt.druk.registry.testing.InMemoryLandParcelRepository;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Issue 30's two geometry goals, measured in one process (not a test: {@code deploy/bench.sh
 * --land-geometry} runs it): the overlap check of a new boundary against 100,000 live parcels
 * (&lt; 50 ms), and the public map's GeoJSON for 10,000 parcels (&lt; 300 ms) — the portal's own code
 * ({@link LiveBoundaries}, {@code ParcelMap}, {@link ParcelBoundaryResource}'s FeatureCollection, Proj4J)
 * over the unit tests' in-memory projection, so the database's reads and HTTP are not in the figures.
 *
 * <p>The parcels are a grid of 1-acre rectangles (63.6 m by 63.6 m, 10 m apart) in the national grid,
 * one dzongkhag. Overlapping candidates are a parcel moved 20 m east (covering it and its neighbour);
 * clear candidates are 8 m squares in the gaps.
 */
public final class LandGeometryBench {

    private static final double SIDE = Math.sqrt(Boundary.SQUARE_METRES_PER_ACRE.doubleValue());
    private static final double PITCH = SIDE + 10;
    private static final int COLUMNS = 400;
    private static final double WEST = 150_000;
    private static final double SOUTH = 2_950_000;

    private LandGeometryBench() {
    }

    record Options(int parcels, int queries, int mapParcels, int rounds, Path out) {
        static Options parse(String[] args) {
            int parcels = 100_000;
            int queries = 2_000;
            int mapParcels = 10_000;
            int rounds = 20;
            Path out = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--parcels" -> parcels = Integer.parseInt(args[++i]);
                    case "--queries" -> queries = Integer.parseInt(args[++i]);
                    case "--map-parcels" -> mapParcels = Integer.parseInt(args[++i]);
                    case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                    case "--out" -> out = Path.of(args[++i]);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]
                            + " (--parcels N --queries N --map-parcels N --rounds N --out FILE)");
                }
            }
            return new Options(parcels, queries, mapParcels, rounds, out);
        }
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "Land geometry bench, %s, %d cores, Java %s%n%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version")));
        table.append("| measurement | p50 | p99 | max | goal |\n|---|---|---|---|---|\n");

        InMemoryLandParcelRepository register = grid(options.parcels(), "Thimphu");
        LiveBoundaries live = new LiveBoundaries(register);
        long loadStart = System.nanoTime();
        int loaded = live.size(SurveyCrs.BHUTAN_NATIONAL_GRID);
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        System.out.printf(Locale.ROOT, "overlap index: %,d boundaries loaded and packed in %.0f ms%n", loaded, loadMs);

        Random random = new Random(30);
        double sliver = BoundaryOverlaps.DEFAULT_SLIVER_SQUARE_METRES;
        for (int warm = 0; warm < 500; warm++) {
            live.overlapping(candidate(random, options.parcels(), warm % 2 == 0), sliver, null);
        }
        double[] overlapping = new double[options.queries() / 2];
        double[] clear = new double[options.queries() / 2];
        int found = 0;
        for (int q = 0; q < overlapping.length; q++) {
            Boundary over = candidate(random, options.parcels(), true);
            long t = System.nanoTime();
            found += live.overlapping(over, sliver, null).size();
            overlapping[q] = (System.nanoTime() - t) / 1e6;
            Boundary gap = candidate(random, options.parcels(), false);
            t = System.nanoTime();
            if (!live.overlapping(gap, sliver, null).isEmpty()) {
                throw new IllegalStateException("a square in a gap overlaps a parcel: the grid is wrong");
            }
            clear[q] = (System.nanoTime() - t) / 1e6;
        }
        row(table, String.format(Locale.ROOT, "overlap check, against %,d parcels, candidate overlapping (%.1f found each)",
                loaded, found / (double) overlapping.length), overlapping, "< 50 ms");
        row(table, String.format(Locale.ROOT, "overlap check, against %,d parcels, candidate clear", loaded), clear, "< 50 ms");

        InMemoryLandParcelRepository mapRegister = grid(options.mapParcels(), "Punakha");
        ParcelBoundaryResource resource = new ParcelBoundaryResource();
        resource.reprojection = new Proj4jWgs84Reprojection();
        int[] limits = {2_000, options.mapParcels()};
        for (int limit : limits) {
            resource.map = ParcelMapsForBench.withLimit(mapRegister, new ReferenceDataService(), resource.reprojection, limit);
            int bytes = 0;
            for (int warm = 0; warm < 3; warm++) {
                bytes = mapAnswer(resource).length();
            }
            double[] times = new double[options.rounds()];
            for (int r = 0; r < times.length; r++) {
                long t = System.nanoTime();
                bytes = mapAnswer(resource).length();
                times[r] = (System.nanoTime() - t) / 1e6;
            }
            double[] layerTimes = new double[options.rounds()];
            for (int r = 0; r < layerTimes.length; r++) {
                long t = System.nanoTime();
                resource.map.layer("Punakha");
                layerTimes[r] = (System.nanoTime() - t) / 1e6;
            }
            row(table, String.format(Locale.ROOT, "map GeoJSON, %,d parcels in WGS 84 (%,d bytes)", Math.min(limit, options.mapParcels()), bytes),
                    times, limit == options.mapParcels() ? "< 300 ms" : "(the portal's bound per answer)");
            row(table, "&nbsp;&nbsp;of which the parcels read and reprojected (ParcelMap.layer)", layerTimes, "");
        }
        table.append(String.format(Locale.ROOT, "%nIndex load of %,d boundaries: %.0f ms (once per CRS per portal start).%n", loaded, loadMs));
        System.out.println();
        System.out.println(table);
        if (options.out() != null) {
            Files.writeString(options.out(), table);
            System.out.println("Table written to " + options.out());
        }
    }

    private static String mapAnswer(ParcelBoundaryResource resource) {
        Response answer = resource.boundaries("Punakha");
        if (answer.getStatus() != 200) {
            throw new IllegalStateException("the map answered " + answer.getStatus());
        }
        return (String) answer.getEntity();
    }

    /** {@code count} parcels of one acre on a grid, PINs BG-000000…, live, in the national grid. */
    private static InMemoryLandParcelRepository grid(int count, String dzongkhag) {
        InMemoryLandParcelRepository register = new InMemoryLandParcelRepository();
        LandTitle.Actor actor = new LandTitle.Actor("land registrar", "THIMPHU", Instant.parse("2026-12-04T00:00:00Z"));
        List<Owner> owners = List.of(Owner.named("Karma Wangchuk", "10101001234", Share.WHOLE));
        for (int i = 0; i < count; i++) {
            String pin = String.format("BG-%06d", i);
            Parcel parcel = new Parcel(pin, "T-" + i, dzongkhag, "Kawang", BigDecimal.ONE, LandType.DRY_LAND, square(cellWest(i), cellSouth(i), SIDE));
            LandParcel row = new LandParcel(LandTitle.recordKeyOf(pin));
            row.update(LandTitle.registerFirst(parcel, owners, actor), 1, i + 1, actor.now());
            register.add(row);
        }
        return register;
    }

    private static double cellWest(int i) {
        return WEST + (i % COLUMNS) * PITCH;
    }

    private static double cellSouth(int i) {
        return SOUTH + (i / COLUMNS) * PITCH;
    }

    private static Boundary candidate(Random random, int parcels, boolean overlapping) {
        int i = random.nextInt(parcels);
        return overlapping ? square(cellWest(i) + 20, cellSouth(i), SIDE) : square(cellWest(i) + SIDE + 1, cellSouth(i) + 1, 8);
    }

    private static Boundary square(double west, double south, double side) {
        double east = west + side;
        double north = south + side;
        return Boundary.of(SurveyCrs.BHUTAN_NATIONAL_GRID, new double[] {west, south, east, south, east, north, west, north, west, south});
    }

    private static void row(StringBuilder table, String what, double[] millis, String goal) {
        double[] sorted = millis.clone();
        Arrays.sort(sorted);
        table.append(String.format(Locale.ROOT, "| %s | %.2f ms | %.2f ms | %.2f ms | %s |%n", what, percentile(sorted, 50),
                percentile(sorted, 99), sorted[sorted.length - 1], goal));
    }

    private static double percentile(double[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
