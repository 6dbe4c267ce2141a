package com.perprisk.ui.tiles;

/**
 * What the five tiles show, computed by {@link TilesViewModel#compute}. Every value that may not exist is a
 * {@code Double} (null = "—") with the reason in the matching detail text.
 *
 * @param marginRatio          margin ratio of the riskiest pool (the cross pool or an isolated position):
 *                             requirement / margin balance, 1 = liquidation
 * @param marginRatioLevel     OK below 80%, WARNING from 80%, DANGER from 100%, NONE without a value
 * @param marginRatioDetail    margin balance and requirement, or why there is no ratio
 * @param marginRatioPool      whose ratio it is: the riskiest pool, "cross pool" or "isolated ID"
 * @param nearestDistance      smallest |mark − LP| / mark over all positions (negative: already past the LP)
 * @param nearestLevel         level of the nearest liquidation (DANGER when past it or within 5%, WARNING within 15%)
 * @param nearestDetail        which position, its LP and mark, or why there is none
 * @param fundingOverHorizon   Σ funding over the horizon: + received, − paid
 * @param fundingDetail        horizon and what it means
 * @param adlQuintile          0–5 ADL lights of the selected position (or the most at risk): its place in its market's
 *                             queue on its side among the stated population; 0 when losing (at the back) or none
 * @param adlInLine            true when that position is profitable (in line to be deleveraged), false when it is
 *                             at the back, null when there is no standing
 * @param adlDetail            whose lights these are and their place, short (the tile)
 * @param adlStanding          the same in full: queue side, place, score (the tooltip)
 * @param availableBalance     max(0, margin balance − initial margin) of the cross pool
 * @param availableDetail      margin balance and initial margin
 * @param problem              when the engine has no results: why (the tiles then show "—")
 * @param fundingAsset         the asset the funding value is in ("USD" for coin-margined amounts valued at the
 *                             marks), or null for the bare amount of a workspace of linear contracts
 * @param availableAsset       the asset of the available balance (its pool's), or null likewise
 */
public record TileValues(Double marginRatio, Level marginRatioLevel, String marginRatioDetail, String marginRatioPool,
                         Double nearestDistance,
                         Level nearestLevel, String nearestDetail, Double fundingOverHorizon, String fundingDetail,
                         int adlQuintile, Boolean adlInLine, String adlDetail, String adlStanding, Double availableBalance, String availableDetail,
                         String problem, String fundingAsset, String availableAsset) {

    /** Tiles of a workspace of linear contracts: bare amounts. */
    public TileValues(Double marginRatio, Level marginRatioLevel, String marginRatioDetail, String marginRatioPool,
                      Double nearestDistance, Level nearestLevel, String nearestDetail, Double fundingOverHorizon,
                      String fundingDetail, int adlQuintile, Boolean adlInLine, String adlDetail, String adlStanding,
                      Double availableBalance, String availableDetail, String problem) {
        this(marginRatio, marginRatioLevel, marginRatioDetail, marginRatioPool, nearestDistance, nearestLevel,
                nearestDetail, fundingOverHorizon, fundingDetail, adlQuintile, adlInLine, adlDetail, adlStanding,
                availableBalance, availableDetail, problem, null, null);
    }

    /** Traffic-light level of a tile. */
    public enum Level {
        NONE, OK, WARNING, DANGER
    }

    /** Tiles when there is nothing to show. */
    public static TileValues empty(String problem) {
        String p = problem == null || problem.isBlank() ? "no results yet" : problem;
        return new TileValues(null, Level.NONE, p, "", null, Level.NONE, p, null, p, 0, null, p, p, null, p, p);
    }
}
