package com.perprisk.ui.workspace;

import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.AccountDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What can still be computed while some inputs are invalid: the document without the positions and markets that
 * have errors (and the positions on a removed market), and which results depend on a bad input and so cannot be shown.
 * A bad isolated position hides only its own row; a bad cross position, or a bad wallet, hides the cross pool's
 * positions and the account figures; a bad funding horizon hides only the funding over the horizon. A leverage error
 * alone leaves a cross position in its pool (leverage changes no maintenance requirement, balance or liquidation price
 * of the others): only its own row and the account's initial margin are hidden.
 *
 * @param document    the document to compute, or null when nothing can be computed (an error outside positions,
 *                    markets, the wallet and the horizon)
 * @param hiddenRows  indices of the positions whose results cannot be shown, with the reason
 * @param hidden      figures that cannot be shown, with the reason: {@link #ACCOUNT}, {@link #INITIAL_MARGIN},
 *                    {@link #FUNDING_HORIZON}
 */
public record PartialInputs(WorkspaceDocument document, Map<Integer, String> hiddenRows, Map<String, String> hidden) {
    /** The cross pool's margin ratio and balances. */
    public static final String ACCOUNT = "account";
    /** The account's initial margin (so its available balance). */
    public static final String INITIAL_MARGIN = "initialMargin";
    /** Funding over the horizon. */
    public static final String FUNDING_HORIZON = "fundingOverHorizon";

    private static final Pattern INDEXED = Pattern.compile("^(positions|markets)\\[(\\d+)](.*)$");
    private static final double STAND_IN_HORIZON = 720;

    /**
     * @param doc      the document as built from the inputs
     * @param errors   the errors found (builder and mapper), path → message in the user's words
     */
    public static PartialInputs of(WorkspaceDocument doc, Map<String, String> errors) {
        Map<Integer, Set<String>> badPositionFields = new LinkedHashMap<>();
        Set<Integer> badMarkets = new HashSet<>();
        Map<String, String> hidden = new LinkedHashMap<>();
        boolean walletBad = false;
        boolean horizonBad = false;
        for (var e : errors.entrySet()) {
            String path = e.getKey();
            Matcher m = INDEXED.matcher(path);
            if (m.matches()) {
                int i = Integer.parseInt(m.group(2));
                if (m.group(1).equals("positions")) {
                    badPositionFields.computeIfAbsent(i, k -> new HashSet<>()).add(m.group(3));
                } else {
                    badMarkets.add(i);
                }
            } else if (path.equals("account.walletBalance")) {
                walletBad = true;
                hidden.putIfAbsent(ACCOUNT, "the wallet balance: " + e.getValue());
            } else if (path.equals("horizonHours")) {
                horizonBad = true;
                hidden.put(FUNDING_HORIZON, "the funding horizon: " + e.getValue());
            } else {
                return new PartialInputs(null, Map.of(), Map.of());
            }
        }
        List<MarketDoc> markets = doc.markets() == null ? List.of() : doc.markets();
        List<PositionDoc> positions = doc.positions() == null ? List.of() : doc.positions();
        Set<String> removedSymbols = new HashSet<>();
        List<MarketDoc> keptMarkets = new ArrayList<>();
        for (int i = 0; i < markets.size(); i++) {
            if (badMarkets.contains(i)) {
                removedSymbols.add(markets.get(i).symbol());
            } else {
                keptMarkets.add(markets.get(i));
            }
        }
        Map<Integer, String> hiddenRows = new LinkedHashMap<>();
        Map<Integer, PositionDoc> standIns = new LinkedHashMap<>();
        boolean poolHit = false;
        for (int i = 0; i < positions.size(); i++) {
            PositionDoc p = positions.get(i);
            boolean cross = !"ISOLATED".equals(p.marginMode());
            Set<String> fields = badPositionFields.get(i);
            if (fields != null && fields.equals(Set.of(".leverage")) && cross) {
                // stays in the pool at a stand-in leverage; only its own figures and the account IM are hidden
                standIns.put(i, withLeverage(p, 1.0));
                hiddenRows.put(i, "its leverage: " + errors.get("positions[" + i + "].leverage"));
                hidden.putIfAbsent(INITIAL_MARGIN, "position " + p.id() + "'s leverage");
            } else if (fields != null || removedSymbols.contains(p.symbol())) {
                String why = fields != null ? "this position's input: " + firstError(errors, "positions[" + i + "]")
                        : "its market " + p.symbol() + ": " + firstMarketError(errors, markets, p.symbol());
                hiddenRows.put(i, why);
                if (cross) {
                    poolHit = true;
                    hidden.putIfAbsent(ACCOUNT, "cross position " + p.id() + ": " + why);
                }
            }
        }
        if (poolHit || walletBad) {
            String why = hidden.get(ACCOUNT);
            for (int i = 0; i < positions.size(); i++) {
                if (!"ISOLATED".equals(positions.get(i).marginMode())) {
                    hiddenRows.putIfAbsent(i, "the cross pool it shares: " + why);
                }
            }
        }
        List<PositionDoc> kept = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            if (standIns.containsKey(i) && !poolHit && !walletBad) {
                kept.add(standIns.get(i));
            } else if (!hiddenRows.containsKey(i)) {
                kept.add(positions.get(i));
            }
        }
        if (!positions.isEmpty() && kept.isEmpty()) {
            return new PartialInputs(null, Map.of(), Map.of()); // nothing left to show
        }
        AccountDoc account = doc.account();
        if (walletBad && account != null) {
            Map<String, Object> extra = new java.util.LinkedHashMap<>(account.extra() == null ? Map.of() : account.extra());
            extra.remove(com.perprisk.io.WalletScope.FIELD); // a total wallet of 0 would leave nothing for isolated
            account = new AccountDoc(0.0, account.positionMode(), account.coinWallets(), extra); // isolated: no wallet
        }
        WorkspaceDocument reduced = new WorkspaceDocument(doc.format(), doc.version(), doc.name(), account,
                horizonBad ? STAND_IN_HORIZON : doc.horizonHours(), keptMarkets, kept, doc.extra());
        return new PartialInputs(reduced, hiddenRows, hidden);
    }

    private static String firstError(Map<String, String> errors, String prefix) {
        return errors.entrySet().stream().filter(e -> e.getKey().startsWith(prefix + ".")
                || e.getKey().equals(prefix)).map(Map.Entry::getValue).findFirst().orElse("invalid");
    }

    private static String firstMarketError(Map<String, String> errors, List<MarketDoc> markets, String symbol) {
        for (int i = 0; i < markets.size(); i++) {
            if (java.util.Objects.equals(markets.get(i).symbol(), symbol)) {
                String e = firstError(errors, "markets[" + i + "]");
                if (!e.equals("invalid")) {
                    return e;
                }
            }
        }
        return "invalid";
    }

    private static PositionDoc withLeverage(PositionDoc p, double leverage) {
        return new PositionDoc(p.id(), p.symbol(), p.side(), p.size(), p.entryPrice(), leverage, p.marginMode(),
                p.isolatedMargin(), p.extraMargin(), p.extra());
    }

    /** True when nothing at all can be computed. */
    public boolean nothing() {
        return document == null;
    }
}
