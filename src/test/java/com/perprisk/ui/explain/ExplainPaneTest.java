package com.perprisk.ui.explain;

import com.perprisk.ui.common.RiskContext;
import com.perprisk.ui.support.Fixtures;
import com.perprisk.ui.support.Snapshots;
import com.perprisk.ui.support.TestWorkspace;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(ApplicationExtension.class)
class ExplainPaneTest {
    private final RiskContext context = new RiskContext();
    private Scene scene;

    @Start
    void start(Stage stage) {
        new TestWorkspace(context).load(Fixtures.portfolio());
        context.selectedPositionIdProperty().set("p3");
        scene = new Scene(new ExplainPane(context), 760, 560);
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void showsTheSubstitutedFormulaAndSwitchesQuantity(FxRobot robot) {
        Label formula = robot.lookup("#explain-formula").queryAs(Label.class);
        Label substituted = robot.lookup("#explain-substituted").queryAs(Label.class);
        TableView<?> terms = robot.lookup("#explain-terms").queryAs(TableView.class);
        assertFalse(formula.getText().isBlank());
        assertTrue(substituted.getText().matches(".*\\d.*"), substituted.getText());
        assertFalse(terms.getItems().isEmpty());
        var expected = context.getRisk().position("p3").orElseThrow().explanations().get("liquidationPrice");
        assertEquals(expected.substituted(), substituted.getText());
        robot.interact(() -> Snapshots.save(scene, "explain"));

        @SuppressWarnings("unchecked")
        ComboBox<String> chooser = robot.lookup("#explain-quantity").queryAs(ComboBox.class);
        String other = chooser.getItems().stream().filter(q -> !q.equals("liquidationPrice")).findFirst()
                .orElseThrow();
        robot.interact(() -> chooser.setValue(other));
        assertEquals(other, context.selectedQuantityProperty().get());
        var otherExp = context.getRisk().position("p3").orElseThrow().explanations().get(other);
        assertEquals(otherExp.substituted(), substituted.getText());

        robot.interact(() -> {
            context.selectedPositionIdProperty().set(null);
            context.selectedQuantityProperty().set("marginRatio");
        });
        Label title = robot.lookup("#explain-title").queryAs(Label.class);
        assertEquals(context.getRisk().accountExplanations().get("marginRatio").quantity(), title.getText());
        robot.interact(() -> Snapshots.save(scene, "explain-account"));
    }
}
