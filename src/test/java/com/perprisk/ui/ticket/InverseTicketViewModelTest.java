package com.perprisk.ui.ticket;

import com.perprisk.engine.MarginMode;
import com.perprisk.engine.Side;
import com.perprisk.engine.margin.Order;
import com.perprisk.io.Samples;
import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.format.Formats;
import com.perprisk.ui.workspace.PositionRow;
import com.perprisk.ui.workspace.WorkspaceViewModel;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ticket's view model on the coin-margined sample, without a screen: contracts, BTC, USD at the mark beside. */
class InverseTicketViewModelTest {
    private WorkspaceViewModel ws;
    private TicketViewModel vm;

    @BeforeEach
    void setUp() throws Exception {
        ws = new WorkspaceViewModel(new RiskContext(), new Formats(Locale.US));
        ws.load(Samples.open("coin-margined-mix"), null);
        vm = new TicketViewModel(ws);
        vm.symbolProperty().set("BTCUSD_PERP");
        vm.leverageProperty().set("20");
    }

    private TicketRows.Figure figure(String key) {
        return vm.figures().stream().filter(f -> f.key().equals(key)).findFirst().orElseThrow();
    }

    private TicketRows.Change account(String key) {
        return vm.accountRows().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    private PositionRow row(String id) {
        return ws.positions().stream().filter(r -> r.getId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("100 contracts at 60,000, 20x: size in contracts, IM 0.008333 BTC with 500 USD at the mark beside")
    void sizesInContractsAndCoin() {
        assertEquals("contracts", vm.amountUnitProperty().get());
        assertEquals("BTC", vm.moneyUnitProperty().get());
        assertTrue(vm.inverseProperty().get());
        vm.amountProperty().set("100");
        assertEquals("", vm.problemProperty().get());
        assertEquals("100 contracts", figure("size").value());
        // added to btc-long (300 at 58,000): notional of the order alone, C × cs / EP
        assertEquals("0.166667 BTC", figure("notional").value());
        assertEquals("10,000.00 USD", figure("notional").usd());
        assertEquals("0.008333 BTC", figure("initialMargin").value());
        assertEquals("500.00 USD", figure("initialMargin").usd());
        assertEquals("0.000083 BTC", figure("openFee").value());
        assertEquals("5.00 USD", figure("openFee").usd());
        // the merged position's entry is the harmonic mean
        assertEquals("58,487.39 USD", figure("averageEntry").value());
        // funding in coin, −side × N(mark) × rate on 400 contracts
        assertEquals("−0.000067 BTC", figure("fundingPerSettlement").value());
        assertEquals("−4.00 USD", figure("fundingPerSettlement").usd());
        assertTrue(figure("maxOpen").value().endsWith(" contracts"), figure("maxOpen").value());
        assertEquals("The order adds to btc-long (300 contracts → 400 contracts)", vm.effectProperty().get());
        // the account before → after is the BTC pool's
        assertEquals("BTC available", account("account.availableBalance").label());
        assertEquals("0.241379 BTC", account("account.availableBalance").before());
        assertEquals("0.233046 BTC", account("account.availableBalance").after());
        assertEquals("0.250000 BTC", account("account.walletBalance").after());
        // the working: in coin, with the USD value at the mark in its notes
        vm.explain("initialMargin");
        String w = vm.workingProperty().get();
        assertTrue(w.contains("IM = 100 × 100 / 60,000 / 20"), w);
        assertTrue(w.contains("= 0.008333 BTC"), w);
        assertTrue(w.contains("≈ 500 USD at the mark 60,000"), w);
    }

    @Test
    @DisplayName("A margin in BTC buys whole contracts; a fractional size is marked at the amount field")
    void marginToContractsAndFractionalSize() {
        vm.commitProperty().set(TicketViewModel.Commit.MARGIN);
        assertEquals("BTC", vm.amountUnitProperty().get());
        vm.amountProperty().set("0.01");
        assertEquals("120 contracts", figure("size").value()); // ⌊0.01 × 20 × 60,000 / 100⌋
        vm.commitProperty().set(TicketViewModel.Commit.SIZE);
        vm.amountProperty().set("10.5");
        assertTrue(vm.problems().get(Order.Field.AMOUNT).contains("whole contracts"), vm.problems().toString());
        assertTrue(vm.figures().isEmpty());
        assertFalse(vm.canAddProperty().get());
    }

    @Test
    @DisplayName("Target price for an ROE and the stop size are the inverse forms")
    void questionsInCoin() {
        vm.addToProperty().set("");
        vm.amountProperty().set("100");
        vm.targetRoePercentProperty().set("50");
        vm.stopProperty().set("57000");
        vm.lossBudgetProperty().set("0.002");
        // on the merged position (400 at 58,487.39): EP / (1 − 0.5 / 20)
        assertEquals("59,987.07 USD", figure("targetPrice").value());
        assertTrue(figure("stopSize").value().endsWith(" contracts"));
        vm.explain("targetPrice");
        assertTrue(vm.workingProperty().get().contains("P = EP / (1 − side × ROE / L)"), vm.workingProperty().get());
    }

    @Test
    @DisplayName("Add to workspace: the BTC position grows at the harmonic entry; an isolated order lowers the BTC wallet")
    void addToWorkspace() {
        vm.amountProperty().set("100");
        assertTrue(vm.addToWorkspace());
        assertEquals("400", row("btc-long").sizeProperty().get());
        assertEquals(400 / (300 / 58_000.0 + 100 / 60_000.0), Double.parseDouble(row("btc-long").entryPriceProperty()
                .get()), 1e-6);
        assertEquals("0.25", ws.account().coinWallet("BTC").get()); // a cross order leaves the wallet
        assertEquals("30000", ws.account().walletBalanceProperty().get());

        ws.undo();
        assertEquals("300", row("btc-long").sizeProperty().get());
    }

    @Test
    @DisplayName("The account has no ETH wallet: a cross ETH order is refused at the mode field, an isolated one is not")
    void crossOrderNeedsTheCoinWallet() {
        ws.removePosition(row("eth-short"));
        vm.symbolProperty().set("ETHUSD_PERP");
        vm.modeProperty().set(MarginMode.CROSS);
        vm.amountProperty().set("10");
        assertTrue(vm.problems().get(Order.Field.MODE).contains("ETH"), vm.problems().toString());
        vm.modeProperty().set(MarginMode.ISOLATED);
        assertEquals("", vm.problemProperty().get());
        assertEquals("10 contracts", figure("size").value());
    }

    @Test
    @DisplayName("An isolated BTC order without a BTC position takes its margin out of the BTC wallet field")
    void isolatedOrderLowersTheCoinWallet() throws Exception {
        ws.removePosition(row("btc-long"));
        vm.sideProperty().set(Side.SHORT);
        vm.modeProperty().set(MarginMode.ISOLATED);
        vm.leverageProperty().set("5");
        vm.amountProperty().set("60");
        assertEquals("", vm.problemProperty().get());
        assertEquals("0.250000 BTC", account("account.walletBalance").before());
        assertEquals("0.230000 BTC", account("account.walletBalance").after()); // 60 × 100 / 60,000 / 5 = 0.02
        assertTrue(vm.addToWorkspace());
        assertEquals(0.23, Double.parseDouble(ws.account().coinWallet("BTC").get()), 1e-12);
    }
}
