package com.perprisk.ui.tiles;

/**
 * What the five tiles show, computed by {@link TilesViewModel#compute}. Every value that may not exist is a
 * {@code Double} (null = "—") with the reason in the matching detail text.
 *
 * @param marginRatio          account (cross pool) margin ratio: requirement / margin balance, 1 = liquidation
 * @param marginRatioLevel     OK below 80%, WARNING from 80%, DANGER from 100%, NONE without a value
 * @param marginRatioDetail    margin balance and requirement, or why there is no ratio
 * @param nearestDistance      smallest |mark − LP| / mark over all positions (negative: already past the LP)
 * @param nearestLevel         level of the nearest liquidation (DANGER when past it or within 5%, WARNING within 15%)
 * @param nearestDetail        which position, its LP and mark, or why there is none
 * @param fundingOverHorizon   Σ funding over the horizon: + received, − paid
 * @param fundingDetail        horizon and what it means
 * @param adlQuintile          1–5 ADL lights of the selected position (or the highest of all), 0 without positions
 * @param adlDetail            whose lights these are
 * @param availableBalance     max(0, margin balance − initial margin) of the cross pool
 * @param availableDetail      margin balance and initial margin
 * @param problem              when the engine has no results: why (the tiles then show "—")
 */
public record TileValues(Double marginRatio, Level marginRatioLevel, String marginRatioDetail, Double nearestDistance,
                         Level nearestLevel, String nearestDetail, Double fundingOverHorizon, String fundingDetail,
                         int adlQuintile, String adlDetail, Double availableBalance, String availableDetail,
                         String problem) {

    /** Traffic-light level of a tile. */
    public enum Level {
        NONE, OK, WARNING, DANGER
    }

    /** Tiles when there is nothing to show. */
    public static TileValues empty(String problem) {
        String p = problem == null || problem.isBlank() ? "no results yet" : problem;
        return new TileValues(null, Level.NONE, p, null, Level.NONE, p, null, p, 0, p, null, p, p);
    }
}
