package com.perprisk.engine.liquidation;

/**
 * The solver's answer: the price (or {@code null} when no positive price satisfies the equation) and the linear
 * segment it lies in, which says which bracket each leg was charged at.
 *
 * @param price       the solved mark price, or {@code null}
 * @param segment     the segment containing the price (null with no price)
 * @param atBoundary  true when the surplus jumps across zero at a bracket boundary (no maintenance amount), so the
 *                    price is the boundary itself
 * @param safeAtMark  true when the pool's surplus at the current mark is positive
 */
public record SolvedPrice(Double price, LinearSegment segment, boolean atBoundary, boolean safeAtMark) {

    static SolvedPrice none(boolean safeAtMark) {
        return new SolvedPrice(null, null, false, safeAtMark);
    }
}
