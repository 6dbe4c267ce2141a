package com.perprisk.ui;

/** {@link FitWindowTest} at 1024×768 on the coin-margined sample (the longest tile details: a pool per coin). */
class Fit1024WindowTest extends FitWindowTest {
    @Override
    protected String sample() {
        return "coin-margined-mix";
    }

    @Override
    protected double width() {
        return 1024;
    }

    @Override
    protected double height() {
        return 768;
    }

    /**
     * The tiles' details of three coins take most of the room; 57 px while the positions table still scrolled
     * sideways at presentation size (its scroll bar came and went, so the chart came back within 20 px only).
     */
    @Override
    protected double presentationPlot() {
        return 55;
    }

    /** Ctrl+Shift+F: the tiles and the result tabs over the whole centre. */
    @Override
    protected double filledPlot() {
        return 300;
    }
}
