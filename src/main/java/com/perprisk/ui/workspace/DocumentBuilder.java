package com.perprisk.ui.workspace;

import com.perprisk.io.WalletScope;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.AccountDoc;
import com.perprisk.io.WorkspaceDocument.ContractDoc;
import com.perprisk.io.WorkspaceDocument.DydxDoc;
import com.perprisk.io.WorkspaceDocument.FundingDoc;
import com.perprisk.io.WorkspaceDocument.FutureDoc;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;
import com.perprisk.ui.format.Formats;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the edited text into a {@link WorkspaceDocument}. Text that is not a number becomes null in the document and
 * an {@link InputProblem} at its path, so the mapper never sees it.
 *
 * <p>A builder kept between builds is incremental: each market and position row's part of the document is kept with
 * the values it was parsed from (its index, every text and choice, its unknown fields), and a row whose values are
 * the same gives the same part again, the same object, without parsing. An edit parses the edited row only, and the
 * unchanged parts compare equal by identity (undo history, dirty flag, the mapper's cache).
 */
final class DocumentBuilder {
    private final Formats formats;
    private List<InputProblem> problems = new ArrayList<>();
    private Map<MarketRow, Part<MarketDoc>> marketParts = new IdentityHashMap<>();
    private Map<PositionRow, Part<PositionDoc>> positionParts = new IdentityHashMap<>();
    private int parsedRows;
    private int builds;

    DocumentBuilder(Formats formats) {
        this.formats = formats;
    }

    /** What the last build found. */
    List<InputProblem> problems() {
        return problems;
    }

    /** Test seam: market and position rows parsed since the builder was made (rows reused from a build are not). */
    int parsedRows() {
        return parsedRows;
    }

    /** Test seam: documents built since the builder was made. */
    int builds() {
        return builds;
    }

    /** A row's part of the document, the values it was built from and the problems building it found. */
    private record Part<D>(List<Object> values, D doc, List<InputProblem> problems) {
    }

    WorkspaceDocument build(String name, AccountFields account, List<MarketRow> markets, List<PositionRow> positions,
                            Map<String, Object> extra) {
        builds++;
        problems = new ArrayList<>();
        Map<String, Double> wallets = null;
        if (!account.coinWallets().isEmpty()) {
            wallets = new LinkedHashMap<>();
            for (var w : account.coinWallets().entrySet()) {
                if (!Formats.isBlank(w.getValue().get())) { // a blank field is no wallet
                    wallets.put(w.getKey(), num(FieldPaths.account("coinWallets." + w.getKey()), w.getValue().get()));
                }
            }
            if (wallets.isEmpty()) {
                wallets = null;
            }
        }
        Map<String, Object> accountExtra = copy(account.extra);
        if (account.walletScopeProperty().get() == WalletScope.TOTAL) {
            accountExtra.put(WalletScope.FIELD, WalletScope.TOTAL.name()); // optional: absent means CROSS
        }
        AccountDoc acc = new AccountDoc(num(FieldPaths.account("walletBalance"), account.walletBalanceProperty().get()),
                account.positionModeProperty().get() == null ? null : account.positionModeProperty().get().name(),
                wallets, accountExtra);
        Double horizon = num("horizonHours", account.horizonHoursProperty().get());
        Map<MarketRow, Part<MarketDoc>> nextMarkets = new IdentityHashMap<>();
        List<MarketDoc> mds = new ArrayList<>();
        for (int i = 0; i < markets.size(); i++) {
            MarketRow m = markets.get(i);
            int at = i;
            mds.add(reuse(marketParts, nextMarkets, m, marketValues(i, m), () -> market(at, m)));
        }
        Map<PositionRow, Part<PositionDoc>> nextPositions = new IdentityHashMap<>();
        List<PositionDoc> pds = new ArrayList<>();
        for (int i = 0; i < positions.size(); i++) {
            PositionRow p = positions.get(i);
            int at = i;
            pds.add(reuse(positionParts, nextPositions, p, positionValues(i, p), () -> position(at, p)));
        }
        marketParts = nextMarkets;
        positionParts = nextPositions;
        return new WorkspaceDocument(WorkspaceDocument.FORMAT, WorkspaceDocument.CURRENT_VERSION, name, acc, horizon,
                mds, pds, copy(extra));
    }

    /** The row's part from the last build when its values are the same, else built now; kept for the next build. */
    private <R, D> D reuse(Map<R, Part<D>> last, Map<R, Part<D>> next, R row, List<Object> values,
                           java.util.function.Supplier<D> build) {
        Part<D> part = last.get(row);
        if (part == null || !part.values().equals(values)) {
            int from = problems.size();
            D doc = build.get();
            parsedRows++;
            part = new Part<>(values, doc, List.copyOf(problems.subList(from, problems.size())));
        } else {
            problems.addAll(part.problems());
        }
        next.put(row, part);
        return part.doc();
    }

    /** Everything a market's part is built from: its index (the problems' paths), texts, choices, unknown fields. */
    private static List<Object> marketValues(int i, MarketRow m) {
        List<Object> v = new ArrayList<>(32 + 6 * m.tiers().size());
        java.util.Collections.addAll(v, i, m.symbolProperty().get(), m.conventionProperty().get(),
                m.markPriceProperty().get(), m.indexPriceProperty().get(), m.takerFeePercentProperty().get(),
                m.fundingRatePercentProperty().get(), m.fundingIntervalHoursProperty().get(),
                m.futurePriceProperty().get(), m.futureDaysProperty().get(), m.dydxImfPercentProperty().get(),
                m.dydxMaintenancePercentProperty().get(), m.dydxOpenInterestProperty().get(),
                m.dydxOiLowerProperty().get(), m.dydxOiUpperProperty().get(), m.contractTypeProperty().get(),
                m.contractSizeProperty().get(), m.settleAssetProperty().get(), snapshot(m.extra),
                snapshot(m.fundingExtra), snapshot(m.futureExtra), snapshot(m.dydxExtra), snapshot(m.contractExtra));
        for (TierRow r : m.tiers()) {
            java.util.Collections.addAll(v, r.floorProperty().get(), r.capProperty().get(),
                    r.maxLeverageProperty().get(), r.mmrPercentProperty().get(), r.maintenanceAmountProperty().get(),
                    snapshot(r.extra));
        }
        return v;
    }

    private static List<Object> positionValues(int i, PositionRow p) {
        return java.util.Arrays.asList(i, p.getId(), p.symbolProperty().get(), p.sideProperty().get(),
                p.sizeProperty().get(), p.entryPriceProperty().get(), p.leverageProperty().get(),
                p.marginModeProperty().get(), p.isolatedMarginProperty().get(), p.extraMarginProperty().get(),
                snapshot(p.extra));
    }

    /** A copy of a row's unknown fields as they are now (a later change to the map must not match the old part). */
    private static Map<String, Object> snapshot(Map<String, Object> m) {
        return m == null || m.isEmpty() ? Map.of() : new LinkedHashMap<>(m);
    }

    private MarketDoc market(int i, MarketRow m) {
        List<TierDoc> tiers = new ArrayList<>();
        for (int t = 0; t < m.tiers().size(); t++) {
            TierRow r = m.tiers().get(t);
            tiers.add(new TierDoc(num(FieldPaths.tier(i, t, "floor"), r.floorProperty().get()),
                    cap(FieldPaths.tier(i, t, "cap"), r.capProperty().get()),
                    num(FieldPaths.tier(i, t, "maxLeverage"), r.maxLeverageProperty().get()),
                    pct(FieldPaths.tier(i, t, "mmr"), r.mmrPercentProperty().get()),
                    num(FieldPaths.tier(i, t, "maintenanceAmount"), r.maintenanceAmountProperty().get()),
                    copy(r.extra)));
        }
        Double rate = pct(FieldPaths.market(i, "funding.rate"), m.fundingRatePercentProperty().get());
        Double interval = num(FieldPaths.market(i, "funding.intervalHours"), m.fundingIntervalHoursProperty().get());
        FundingDoc funding = rate == null && interval == null && m.fundingExtra.isEmpty()
                && blank(m.fundingRatePercentProperty().get(), m.fundingIntervalHoursProperty().get())
                ? null : new FundingDoc(rate, interval, copy(m.fundingExtra));
        Double fp = num(FieldPaths.market(i, "future.price"), m.futurePriceProperty().get());
        Double fd = num(FieldPaths.market(i, "future.daysToExpiry"), m.futureDaysProperty().get());
        FutureDoc future = fp == null && fd == null && m.futureExtra.isEmpty()
                && blank(m.futurePriceProperty().get(), m.futureDaysProperty().get())
                ? null : new FutureDoc(fp, fd, copy(m.futureExtra));
        DydxDoc dydx = null;
        if (m.hasDydx()) {
            dydx = new DydxDoc(pct(FieldPaths.market(i, "dydx.initialMarginFraction"), m.dydxImfPercentProperty().get()),
                    pct(FieldPaths.market(i, "dydx.maintenanceFraction"), m.dydxMaintenancePercentProperty().get()),
                    num(FieldPaths.market(i, "dydx.openInterestNotional"), m.dydxOpenInterestProperty().get()),
                    num(FieldPaths.market(i, "dydx.oiLowerCap"), m.dydxOiLowerProperty().get()),
                    num(FieldPaths.market(i, "dydx.oiUpperCap"), m.dydxOiUpperProperty().get()),
                    copy(m.dydxExtra));
        }
        String symbol = m.symbolProperty().get() == null ? null : m.symbolProperty().get().strip();
        return new MarketDoc(symbol, m.conventionProperty().get() == null ? null : m.conventionProperty().get().name(),
                num(FieldPaths.market(i, "markPrice"), m.markPriceProperty().get()),
                num(FieldPaths.market(i, "indexPrice"), m.indexPriceProperty().get()),
                pct(FieldPaths.market(i, "takerFeeRate"), m.takerFeePercentProperty().get()),
                tiers.isEmpty() && dydx != null ? null : tiers, dydx, funding, future, copy(m.extra), contract(i, m));
    }

    /** The contract block: none for a plain linear contract (a version 1 market), else type, size and coin. */
    private ContractDoc contract(int i, MarketRow m) {
        String type = m.contractTypeProperty().get() == null ? null : m.contractTypeProperty().get().name();
        String size = m.contractSizeProperty().get();
        String asset = m.settleAssetProperty().get() == null ? "" : m.settleAssetProperty().get().strip();
        if ("LINEAR".equals(type) && Formats.isBlank(size) && asset.isEmpty() && m.contractExtra.isEmpty()) {
            return null;
        }
        return new ContractDoc(type, num(FieldPaths.market(i, "contract.contractSize"), size),
                asset.isEmpty() ? null : asset, copy(m.contractExtra));
    }

    private PositionDoc position(int i, PositionRow p) {
        return new PositionDoc(p.getId(), p.symbolProperty().get(),
                p.sideProperty().get() == null ? null : p.sideProperty().get().name(),
                num(FieldPaths.position(i, "size"), p.sizeProperty().get()),
                num(FieldPaths.position(i, "entryPrice"), p.entryPriceProperty().get()),
                num(FieldPaths.position(i, "leverage"), p.leverageProperty().get()),
                p.marginModeProperty().get() == null ? null : p.marginModeProperty().get().name(),
                num(FieldPaths.position(i, "isolatedMargin"), p.isolatedMarginProperty().get()),
                num(FieldPaths.position(i, "extraMargin"), p.extraMarginProperty().get()),
                copy(p.extra));
    }

    private Double num(String path, String text) {
        if (Formats.isBlank(text)) {
            return null;
        }
        Double d = formats.parse(text);
        if (d == null) {
            problems.add(new InputProblem(path, "\"" + text.strip() + "\" is not a number", true));
        }
        return d;
    }

    private Double pct(String path, String text) {
        if (Formats.isBlank(text)) {
            return null;
        }
        Double d = formats.parsePercent(text);
        if (d == null) {
            problems.add(new InputProblem(path, "\"" + text.strip() + "\" is not a percentage", true));
        }
        return d;
    }

    /** A cap: blank, "∞" or "inf" is an open last bracket (null in the document). */
    private Double cap(String path, String text) {
        if (text != null && (text.strip().equals("∞") || text.strip().equalsIgnoreCase("inf"))) {
            return null;
        }
        return num(path, text);
    }

    private static boolean blank(String a, String b) {
        return Formats.isBlank(a) && Formats.isBlank(b);
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        return m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
    }
}
