package bt.druk.registry.domain.land;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Objects;

/**
 * An exact ownership share, kept as a reduced fraction so that shares like 1/3 + 1/3 + 1/3 sum to
 * exactly 1. Written as "n/d", or "1" for a whole parcel.
 */
public final class Share implements Comparable<Share> {

    public static final Share WHOLE = new Share(BigInteger.ONE, BigInteger.ONE);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Share(BigInteger numerator, BigInteger denominator) {
        BigInteger gcd = numerator.gcd(denominator);
        this.numerator = numerator.divide(gcd);
        this.denominator = denominator.divide(gcd);
    }

    public static Share of(long numerator, long denominator) {
        if (denominator <= 0 || numerator <= 0) {
            throw new IllegalArgumentException("a share must be a positive fraction");
        }
        return new Share(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    /**
     * Parses "n/d", a decimal like "0.25", or "1".
     *
     * @throws IllegalArgumentException if the text is not a positive fraction no larger than 1
     */
    public static Share parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("share is empty");
        }
        String trimmed = text.trim();
        Share share;
        try {
            int slash = trimmed.indexOf('/');
            if (slash >= 0) {
                BigInteger n = new BigInteger(trimmed.substring(0, slash).trim());
                BigInteger d = new BigInteger(trimmed.substring(slash + 1).trim());
                if (d.signum() <= 0 || n.signum() <= 0) {
                    throw new IllegalArgumentException("share must be positive: " + text);
                }
                share = new Share(n, d);
            } else {
                BigDecimal decimal = new BigDecimal(trimmed);
                if (decimal.signum() <= 0) {
                    throw new IllegalArgumentException("share must be positive: " + text);
                }
                BigDecimal stripped = decimal.stripTrailingZeros();
                int scale = Math.max(stripped.scale(), 0);
                share = new Share(stripped.movePointRight(scale).toBigIntegerExact(), BigInteger.TEN.pow(scale));
            }
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("not a fraction or decimal: " + text, e);
        }
        if (share.compareTo(WHOLE) > 0) {
            throw new IllegalArgumentException("share is larger than 1: " + text);
        }
        return share;
    }

    public Share plus(Share other) {
        return new Share(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public static Share sum(Collection<Share> shares) {
        Share total = null;
        for (Share share : shares) {
            total = total == null ? share : total.plus(share);
        }
        return total;
    }

    public boolean isWhole() {
        return numerator.equals(denominator);
    }

    public BigInteger numerator() {
        return numerator;
    }

    public BigInteger denominator() {
        return denominator;
    }

    @Override
    public int compareTo(Share other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Share other && numerator.equals(other.numerator) && denominator.equals(other.denominator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(numerator, denominator);
    }

    /** "1" for a whole share, otherwise the reduced fraction "n/d". */
    @Override
    public String toString() {
        return denominator.equals(BigInteger.ONE) ? numerator.toString() : numerator + "/" + denominator;
    }
}
