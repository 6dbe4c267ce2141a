package com.perprisk.engine.liquidation;

/**
 * f(P) = intercept + slope × P on the price interval [from, to): the margin surplus within one combination of
 * brackets, where everything is linear in the mark price.
 *
 * @param from      lower end of the interval (a price)
 * @param to        upper end (a price, possibly +∞)
 * @param intercept f's value extended to P = 0
 * @param slope     df/dP
 * @param brackets  bracket index of each leg in this segment (same order as the pool's legs)
 */
public record LinearSegment(double from, double to, double intercept, double slope, int[] brackets) {

    public double valueAt(double price) {
        return intercept + slope * price;
    }

    /** The price where this line crosses zero: P = −intercept / slope (NaN for a flat line). */
    public double zero() {
        return slope == 0 ? Double.NaN : -intercept / slope;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LinearSegment s && s.from == from && s.to == to && s.intercept == intercept
                && s.slope == slope && java.util.Arrays.equals(s.brackets, brackets);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(from, to, intercept, slope, java.util.Arrays.hashCode(brackets));
    }

    @Override
    public String toString() {
        return "LinearSegment[" + from + ", " + to + "): " + intercept + " + " + slope + "·P "
                + java.util.Arrays.toString(brackets);
    }
}
