package bt.druk.registry.domain.land;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The projected coordinate reference systems a surveyed parcel boundary may be given in: Bhutan's
 * national grid of DRUKREF 03, the twenty DRUKREF 03 dzongkhag TM zones that cadastral surveys use,
 * and the 2023 national grid of DrukRef23. All are on the GRS 1980 ellipsoid, metres, axes easting
 * then northing.
 *
 * <p>Where the parameters come from:
 * <ul>
 *   <li>EPSG:5266 and EPSG:5292–5311 (DRUKREF 03): the EPSG dataset as shipped in Proj4J's
 *       {@code proj4j-epsg} 1.4.1 ({@code proj4/pcs.csv}: method 9807 Transverse Mercator; the
 *       zones' central meridians are in EPSG unit 9110, sexagesimal DDD.MM, so {@code 89.51} is
 *       89°51′) and, identically, PROJ 9.5.1's EPSG database v11.022 (pyproj 3.7.2).
 *       {@code SurveyCrsParametersTest} checks every one of them against Proj4J's bundled file.</li>
 *   <li>EPSG:11341 DrukRef23 / BNG2023: not in either of those (EPSG added it on 2026-02-13); its
 *       parameters are those of EPSG conversion 11340 "Bhutan National Grid 2023" as published on
 *       epsg.io/11340 and epsg.io/11341 (method 9802 Lambert Conic Conformal 2SP; information
 *       source "Bhutan National Grid 2023 (BNG2023) Summary Report", MIRASpaco for the NLCS).</li>
 * </ul>
 *
 * <p>Both geodetic datums are realisations of ITRS; EPSG's "DRUKREF 03 to WGS 84 (1)" (accuracy
 * 1 m) and "DrukRef23 to WGS 84 (1)" are null transformations, so longitude and latitude on these
 * datums are used as WGS 84 ones for map layers. Between DRUKREF 03 and DrukRef23 the EPSG
 * transformation is an NTv2 grid (EPSG:11337, about 0.1 m): this type does not convert between
 * them.
 *
 * <p>{@link #bounds()} is Bhutan's box 88.7°–92.2° E, 26.6°–28.4° N (EPSG's area of use,
 * 88.74–92.13 E, 26.70–28.33 N, padded by a few kilometres) in the CRS's own coordinates: the
 * smallest and largest easting and northing of 400 points on each edge of the box, projected with
 * PROJ 9.5.1 (pyproj 3.7.2) and rounded outwards to the metre.
 */
public enum SurveyCrs {

    BHUTAN_NATIONAL_GRID(5266, "DRUKREF 03 / Bhutan National Grid", Datum.DRUKREF_03,
            Projection.transverseMercator(90, 0, 250_000, 0), new ProjectedBounds(120_508, 2_943_310, 469_161, 3_144_741)),
    BUMTHANG_TM(5292, "DRUKREF 03 / Bumthang TM", Datum.DRUKREF_03,
            zone(90, 44), new ProjectedBounds(47_446, 443_310, 396_095, 644_454)),
    CHHUKHA_TM(5293, "DRUKREF 03 / Chhukha TM", Datum.DRUKREF_03,
            zone(89, 33), new ProjectedBounds(165_335, 443_310, 514_007, 645_630)),
    DAGANA_TM(5294, "DRUKREF 03 / Dagana TM", Datum.DRUKREF_03,
            zone(89, 51), new ProjectedBounds(135_451, 443_310, 484_109, 645_019)),
    GASA_TM(5295, "DRUKREF 03 / Gasa TM", Datum.DRUKREF_03,
            zone(90, 2), new ProjectedBounds(117_187, 443_310, 465_839, 644_682)),
    HA_TM(5296, "DRUKREF 03 / Ha TM", Datum.DRUKREF_03,
            zone(90, 9), new ProjectedBounds(105_565, 443_310, 454_214, 644_481)),
    LHUENTSE_TM(5297, "DRUKREF 03 / Lhuentse TM", Datum.DRUKREF_03,
            zone(91, 8), new ProjectedBounds(7_587, 443_310, 356_248, 645_181)),
    MONGAR_TM(5298, "DRUKREF 03 / Mongar TM", Datum.DRUKREF_03,
            zone(91, 14), new ProjectedBounds(-2_379, 443_310, 346_287, 645_383)),
    PARO_TM(5299, "DRUKREF 03 / Paro TM", Datum.DRUKREF_03,
            zone(89, 21), new ProjectedBounds(185_256, 443_310, 533_942, 646_078)),
    PEMAGATSHEL_TM(5300, "DRUKREF 03 / Pemagatshel TM", Datum.DRUKREF_03,
            zone(91, 21), new ProjectedBounds(-14_007, 443_310, 334_665, 645_630)),
    PUNAKHA_TM(5301, "DRUKREF 03 / Punakha TM", Datum.DRUKREF_03,
            zone(89, 51), new ProjectedBounds(135_451, 443_310, 484_109, 645_019)),
    SAMDRUP_JONGKHAR_TM(5302, "DRUKREF 03 / Samdrup Jongkhar TM", Datum.DRUKREF_03,
            zone(91, 34), new ProjectedBounds(-35_603, 443_310, 313_084, 646_116)),
    SAMTSE_TM(5303, "DRUKREF 03 / Samtse TM", Datum.DRUKREF_03,
            zone(89, 4), new ProjectedBounds(213_478, 443_310, 562_186, 646_768)),
    SARPANG_TM(5304, "DRUKREF 03 / Sarpang TM", Datum.DRUKREF_03,
            zone(90, 16), new ProjectedBounds(93_942, 443_310, 442_590, 644_292)),
    THIMPHU_TM(5305, "DRUKREF 03 / Thimphu TM", Datum.DRUKREF_03,
            zone(89, 33), new ProjectedBounds(165_335, 443_310, 514_007, 645_630)),
    TRASHIGANG_TM(5306, "DRUKREF 03 / Trashigang TM", Datum.DRUKREF_03,
            zone(91, 45), new ProjectedBounds(-53_878, 443_310, 294_822, 646_558)),
    TRONGSA_TM(5307, "DRUKREF 03 / Trongsa TM", Datum.DRUKREF_03,
            zone(90, 30), new ProjectedBounds(70_695, 443_310, 419_342, 644_090)),
    TSIRANG_TM(5308, "DRUKREF 03 / Tsirang TM", Datum.DRUKREF_03,
            zone(90, 10), new ProjectedBounds(103_905, 443_310, 452_554, 644_454)),
    WANGDUE_PHODRANG_TM(5309, "DRUKREF 03 / Wangdue Phodrang TM", Datum.DRUKREF_03,
            zone(90, 7), new ProjectedBounds(108_886, 443_310, 457_536, 644_537)),
    YANGTSE_TM(5310, "DRUKREF 03 / Yangtse TM", Datum.DRUKREF_03,
            zone(91, 34), new ProjectedBounds(-35_603, 443_310, 313_084, 646_116)),
    ZHEMGANG_TM(5311, "DRUKREF 03 / Zhemgang TM", Datum.DRUKREF_03,
            zone(90, 52), new ProjectedBounds(34_161, 443_310, 382_813, 644_682)),
    BNG_2023(11341, "DrukRef23 / BNG2023", Datum.DRUKREF_23,
            Projection.lambertConicConformal2Sp(27.5, 90, 27.65, 26.9, 500_000, 200_000),
            new ProjectedBounds(370_511, 100_276, 719_128, 301_640));

    /** GRS 1980 (EPSG:7019), the ellipsoid of both datums. */
    public static final double GRS80_SEMI_MAJOR_AXIS = 6_378_137.0;
    public static final double GRS80_INVERSE_FLATTENING = 298.257222101;

    private final int epsgCode;
    private final String title;
    private final Datum datum;
    private final Projection projection;
    private final ProjectedBounds bounds;

    SurveyCrs(int epsgCode, String title, Datum datum, Projection projection, ProjectedBounds bounds) {
        this.epsgCode = epsgCode;
        this.title = title;
        this.datum = datum;
        this.projection = projection;
        this.bounds = bounds;
    }

    /**
     * A DRUKREF 03 dzongkhag zone: Transverse Mercator, scale 1 on the central meridian, false easting
     * 250 000 m, false northing −2 500 000 m (so that northings in Bhutan are about 440–650 km).
     */
    private static Projection zone(int degrees, int minutes) {
        return Projection.transverseMercator(degrees + minutes / 60.0, 0, 250_000, -2_500_000);
    }

    public int epsgCode() {
        return epsgCode;
    }

    /** {@code EPSG:5266}, the form boundaries name their CRS in. */
    public String code() {
        return "EPSG:" + epsgCode;
    }

    /** EPSG's name, e.g. {@code DRUKREF 03 / Punakha TM}. */
    public String title() {
        return title;
    }

    public Datum datum() {
        return datum;
    }

    public Projection projection() {
        return projection;
    }

    /** Bhutan (padded) in this CRS's eastings and northings. */
    public ProjectedBounds bounds() {
        return bounds;
    }

    /**
     * The CRS named {@code EPSG:nnnn} (any case, white space around ignored), or
     * {@code urn:ogc:def:crs:EPSG::nnnn}; empty for any other text.
     */
    public static Optional<SurveyCrs> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String text = code.strip().toUpperCase(Locale.ROOT);
        String digits;
        if (text.startsWith("EPSG:")) {
            digits = text.substring("EPSG:".length());
        } else if (text.startsWith("URN:OGC:DEF:CRS:EPSG::")) {
            digits = text.substring("URN:OGC:DEF:CRS:EPSG::".length());
        } else {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(crs -> String.valueOf(crs.epsgCode).equals(digits)).findFirst();
    }

    /** "EPSG:5266 (DRUKREF 03 / Bhutan National Grid), …" for messages. */
    public static String listForMessages() {
        return Arrays.stream(values()).map(crs -> crs.code() + " (" + crs.title + ")").collect(Collectors.joining(", "));
    }

    public static List<SurveyCrs> all() {
        return List.of(values());
    }

    /** The geodetic datum a CRS's projection is based on. */
    public enum Datum {
        /** EPSG:5264, the Bhutan National Geodetic Datum. */
        DRUKREF_03(5264, "DRUKREF 03"),
        /** EPSG:11226, National Reference Frame of Bhutan 2023. */
        DRUKREF_23(11226, "DrukRef23");

        private final int epsgCode;
        private final String title;

        Datum(int epsgCode, String title) {
            this.epsgCode = epsgCode;
            this.title = title;
        }

        /** EPSG code of the geographic 2D CRS on this datum. */
        public int epsgCode() {
            return epsgCode;
        }

        public String title() {
            return title;
        }
    }

    /** The map projection methods the survey CRSs use (EPSG method codes). */
    public enum Method {
        TRANSVERSE_MERCATOR(9807),
        LAMBERT_CONIC_CONFORMAL_2SP(9802);

        private final int epsgCode;

        Method(int epsgCode) {
            this.epsgCode = epsgCode;
        }

        public int epsgCode() {
            return epsgCode;
        }
    }

    /**
     * A projection's parameters, angles in decimal degrees. For Transverse Mercator the standard
     * parallels are unused (NaN); for Lambert 2SP the scale factor is unused (NaN) and the latitude
     * and longitude of origin are EPSG's "false origin".
     */
    public record Projection(Method method, double latitudeOfOrigin, double centralMeridian, double scaleFactor,
                             double standardParallel1, double standardParallel2, double falseEasting, double falseNorthing) {

        static Projection transverseMercator(double centralMeridian, double latitudeOfOrigin, double falseEasting, double falseNorthing) {
            return new Projection(Method.TRANSVERSE_MERCATOR, latitudeOfOrigin, centralMeridian, 1.0,
                    Double.NaN, Double.NaN, falseEasting, falseNorthing);
        }

        static Projection lambertConicConformal2Sp(double latitudeOfOrigin, double centralMeridian,
                                                   double standardParallel1, double standardParallel2,
                                                   double falseEasting, double falseNorthing) {
            return new Projection(Method.LAMBERT_CONIC_CONFORMAL_2SP, latitudeOfOrigin, centralMeridian, Double.NaN,
                    standardParallel1, standardParallel2, falseEasting, falseNorthing);
        }
    }

    /** An axis-aligned box of eastings and northings, in metres. */
    public record ProjectedBounds(double minEasting, double minNorthing, double maxEasting, double maxNorthing) {

        public boolean contains(double easting, double northing) {
            return easting >= minEasting && easting <= maxEasting && northing >= minNorthing && northing <= maxNorthing;
        }
    }
}
