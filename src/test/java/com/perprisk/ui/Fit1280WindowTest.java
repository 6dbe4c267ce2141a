package com.perprisk.ui;

/** {@link FitWindowTest} at 1280×800 on the demo workspace. */
class Fit1280WindowTest extends FitWindowTest {
    @Override
    protected String sample() {
        return "demo";
    }

    /** 99 px before: the tiles took a third of the column and the chrome its padding. */
    @Override
    protected double presentationPlot() {
        return 125;
    }

    /** Ctrl+Shift+F: the tiles and the result tabs over the whole centre. */
    @Override
    protected double filledPlot() {
        return 350;
    }
}
