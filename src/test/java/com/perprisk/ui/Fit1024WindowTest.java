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

    /** The tiles' details of three coins take most of the room. */
    @Override
    protected double presentationPlot() {
        return 40;
    }

    /** At 1024 px the positions table's sideways scroll bar may come or go with the columns it sheds. */
    @Override
    protected double returnTolerance() {
        return 20;
    }

    /** Ctrl+Shift+F: the tiles and the result tabs over the whole centre. */
    @Override
    protected double filledPlot() {
        return 300;
    }
}
