package com.perprisk.ui.workspace;

import com.perprisk.engine.Convention;
import com.perprisk.engine.InputRule;
import com.perprisk.engine.MarginMode;
import com.perprisk.engine.PositionMode;
import com.perprisk.engine.Side;
import com.perprisk.io.WalletScope;
import com.perprisk.io.WorkspaceDocument;
import com.perprisk.io.WorkspaceDocument.MarketDoc;
import com.perprisk.io.WorkspaceDocument.PositionDoc;
import com.perprisk.io.WorkspaceDocument.TierDoc;
import com.perprisk.ui.format.Formats;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Document → rows: puts a workspace document's values into the editable rows (account, markets with their tiers,
 * positions), reusing rows where the counts match. The way back (rows → document) is {@link DocumentBuilder}.
 * Fields this editor has no cell for are kept in each row's {@code extra} map so that saving writes them back.
 */
final class DocumentBinding {
    private final Formats formats;
    private final EditListener edits;
    private final Supplier<String> freshId;

    /**
     * @param edits   the listener new rows report their edits to
     * @param freshId gives an id for a position whose document has none
     */
    DocumentBinding(Formats formats, EditListener edits, Supplier<String> freshId) {
        this.formats = formats;
        this.edits = edits;
        this.freshId = freshId;
    }

    /**
     * Each number's text while one document is put in: a workspace repeats its numbers (the same tier table in many
     * markets, the same leverage and fee), and formatting them was most of opening 1,000 positions.
     */
    private final Map<Double, String> texts = new HashMap<>();
    private final Map<Double, String> percentTexts = new HashMap<>();

    private String text(Double v) {
        return texts.computeIfAbsent(v, formats::editText);
    }

    private String percentText(Double v) {
        return percentTexts.computeIfAbsent(v, formats::editPercentText);
    }

    /** The document's name, account, markets and positions into the rows; returns the document's extra fields. */
    Map<String, Object> apply(WorkspaceDocument doc, javafx.beans.property.StringProperty name, AccountFields account,
                              ObservableList<MarketRow> markets, ObservableList<PositionRow> positions) {
        applyAccount(doc, name, account);
        applyRows(doc, markets, positions);
        return extra(doc);
    }

    /** The document's name and account fields. */
    void applyAccount(WorkspaceDocument doc, javafx.beans.property.StringProperty name, AccountFields account) {
        texts.clear();
        percentTexts.clear();
        name.set(doc.name() == null ? "Untitled" : doc.name());
        var acc = doc.account();
        account.walletBalanceProperty().set(acc == null ? "" : text(acc.walletBalance()));
        account.positionModeProperty().set(acc == null ? PositionMode.ONE_WAY
                : parseEnum(PositionMode.class, acc.positionMode(), PositionMode.ONE_WAY));
        account.extra = new LinkedHashMap<>(acc == null || acc.extra() == null ? Map.of() : acc.extra());
        Map<String, String> wallets = new LinkedHashMap<>();
        if (acc != null && acc.coinWallets() != null) {
            acc.coinWallets().forEach((asset, w) -> wallets.put(asset, text(w)));
        }
        account.setCoinWallets(wallets);
        // a valid walletScope becomes the account's choice; an unknown one stays in the file for the mapper to report
        account.walletScopeProperty().set(WalletScope.of(account.extra));
        Object scope = account.extra.get(WalletScope.FIELD);
        if (scope != null && java.util.Arrays.stream(WalletScope.values()).anyMatch(w -> w.name().equals(scope))) {
            account.extra.remove(WalletScope.FIELD);
        }
        account.horizonHoursProperty().set(text(doc.horizonHours()));
    }

    /** The document's markets (with their tiers) and positions into the rows, reusing rows where counts match. */
    void applyRows(WorkspaceDocument doc, ObservableList<MarketRow> markets, ObservableList<PositionRow> positions) {
        List<MarketDoc> mds = doc.markets() == null ? List.of() : doc.markets();
        resize(markets, mds.size(), () -> new MarketRow(edits));
        for (int i = 0; i < mds.size(); i++) {
            applyMarket(markets.get(i), mds.get(i));
        }
        List<PositionDoc> pds = doc.positions() == null ? List.of() : doc.positions();
        resize(positions, pds.size(), () -> new PositionRow(edits));
        for (int i = 0; i < pds.size(); i++) {
            applyPosition(positions.get(i), pds.get(i));
        }
    }

    /** The document's fields this editor has no cell for. */
    static Map<String, Object> extra(WorkspaceDocument doc) {
        return new LinkedHashMap<>(doc.extra() == null ? Map.of() : doc.extra());
    }

    private void applyMarket(MarketRow m, MarketDoc d) {
        m.symbolProperty().set(nz(d.symbol()));
        m.conventionProperty().set(parseEnum(Convention.class, d.convention(), Convention.BINANCE));
        m.markPriceProperty().set(text(d.markPrice()));
        m.indexPriceProperty().set(text(d.indexPrice()));
        m.takerFeePercentProperty().set(percentText(d.takerFeeRate()));
        m.fundingRatePercentProperty().set(d.funding() == null ? "" : percentText(d.funding().rate()));
        m.fundingIntervalHoursProperty().set(d.funding() == null ? ""
                : text(d.funding().intervalHours()));
        m.futurePriceProperty().set(d.future() == null ? "" : text(d.future().price()));
        m.futureDaysProperty().set(d.future() == null ? "" : text(d.future().daysToExpiry()));
        applyDydx(m, d.dydx());
        var c = d.contract();
        m.contractTypeProperty().set(c == null || c.type() == null ? com.perprisk.engine.ContractType.LINEAR
                : InputRule.choice(com.perprisk.engine.ContractType.class, c.type()));
        m.contractSizeProperty().set(c == null ? "" : text(c.contractSize()));
        m.settleAssetProperty().set(c == null || c.settleAsset() == null ? "" : c.settleAsset());
        m.contractExtra = c == null ? new LinkedHashMap<>() : copy(c.extra());
        m.tierSourceProperty().set(""); // an undo, a redo or another workspace: the label no longer describes it
        m.extra = copy(d.extra());
        m.fundingExtra = d.funding() == null ? new LinkedHashMap<>() : copy(d.funding().extra());
        m.futureExtra = d.future() == null ? new LinkedHashMap<>() : copy(d.future().extra());
        applyTiers(m, d.tiers() == null ? List.of() : d.tiers());
    }

    /** A market's dYdX parameters (null clears them). */
    void applyDydx(MarketRow m, WorkspaceDocument.DydxDoc d) {
        m.dydxImfPercentProperty().set(d == null ? "" : percentText(d.initialMarginFraction()));
        m.dydxMaintenancePercentProperty().set(d == null ? "" : percentText(d.maintenanceFraction()));
        m.dydxOpenInterestProperty().set(d == null ? "" : text(d.openInterestNotional()));
        m.dydxOiLowerProperty().set(d == null ? "" : text(d.oiLowerCap()));
        m.dydxOiUpperProperty().set(d == null ? "" : text(d.oiUpperCap()));
        m.dydxExtra = d == null ? new LinkedHashMap<>() : copy(d.extra());
    }

    /** A market's tier table, row by row. */
    void applyTiers(MarketRow m, List<TierDoc> tds) {
        resize(m.tiers(), tds.size(), () -> new TierRow(edits));
        for (int t = 0; t < tds.size(); t++) {
            TierDoc td = tds.get(t);
            TierRow r = m.tiers().get(t);
            r.floorProperty().set(text(td.floor()));
            r.capProperty().set(td.cap() == null || td.cap().isInfinite() ? "" : text(td.cap()));
            r.maxLeverageProperty().set(text(td.maxLeverage()));
            r.mmrPercentProperty().set(percentText(td.mmr()));
            r.maintenanceAmountProperty().set(text(td.maintenanceAmount()));
            r.extra = copy(td.extra());
        }
    }

    private void applyPosition(PositionRow p, PositionDoc d) {
        p.idProperty().set(d.id() == null || d.id().isBlank() ? freshId.get() : d.id());
        p.symbolProperty().set(nz(d.symbol()));
        p.sideProperty().set(parseEnum(Side.class, d.side(), Side.LONG));
        p.sizeProperty().set(text(d.size()));
        p.entryPriceProperty().set(text(d.entryPrice()));
        p.leverageProperty().set(text(d.leverage()));
        p.marginModeProperty().set(parseEnum(MarginMode.class, d.marginMode(), MarginMode.CROSS));
        p.isolatedMarginProperty().set(text(d.isolatedMargin()));
        p.extraMarginProperty().set(text(d.extraMargin()));
        p.extra = copy(d.extra());
    }

    private static <T> void resize(ObservableList<T> list, int size, Supplier<T> factory) {
        if (list.size() > size) {
            list.remove(size, list.size());
        }
        List<T> add = new ArrayList<>();
        for (int i = list.size(); i < size; i++) {
            add.add(factory.get());
        }
        list.addAll(add);
    }

    /**
     * A choice from the file: {@code fallback} when it is left out; null when it names nothing known, so that the
     * mapper reports it at its field instead of the value silently changing.
     */
    private static <E extends Enum<E>> E parseEnum(Class<E> type, String text, E fallback) {
        return text == null ? fallback : InputRule.choice(type, text);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static Map<String, Object> copy(Map<String, Object> m) {
        return m == null ? new LinkedHashMap<>() : new LinkedHashMap<>(m);
    }
}
