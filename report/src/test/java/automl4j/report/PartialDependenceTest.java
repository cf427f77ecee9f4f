package automl4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class PartialDependenceTest {
    private static final Table ROWS = ToyModels.rows(2000, 30, 5);

    @Test
    void theMeanAndEachIceCurveFollowTheModelsFormula() {
        List<ReportData.Dependence> deps = new PartialDependence(500, 1).compute(ToyModels.regression(), ROWS, List.of("x", "plan", "city"));
        assertThat(deps).extracting(ReportData.Dependence::column).containsExactly("x", "plan", "city");

        ReportData.Dependence x = deps.get(0);
        assertThat(x.categorical()).isFalse();
        assertThat(x.output()).isEqualTo("y");
        assertThat(x.grid().length).isBetween(15, PartialDependence.MAX_GRID);
        assertThat(x.grid()).doesNotContain(Double.NaN).isSorted();
        assertThat(x.grid()[0]).isLessThan(0.01);                       // quantiles from the minimum ...
        assertThat(x.grid()[x.grid().length - 1]).isGreaterThan(0.99);  // ... to the maximum
        assertThat(x.ice().length).isEqualTo(PartialDependence.MAX_ICE);
        // s = 2 x + 3 [monthly]: every curve is 2 x plus a constant; the mean's constant is 3 times the monthly share
        double offset = x.mean()[0] - 2 * (float) x.grid()[0];
        for (int g = 0; g < x.grid().length; g++) {
            assertThat(x.mean()[g] - 2 * (float) x.grid()[g]).isCloseTo(offset, within(1e-9));
            for (double[] ice : x.ice()) {
                double d = ice[g] - 2 * (float) x.grid()[g];
                assertThat(Math.min(Math.abs(d), Math.abs(d - 3))).isLessThan(1e-9);
            }
        }
        assertThat(offset / 3).isBetween(0.25, 0.42);
        assertThat(x.note()).contains("500 rows");

        ReportData.Dependence plan = deps.get(1);
        assertThat(plan.categorical()).isTrue();
        // ordered by the mean, lowest first: two-year and yearly tie (code-point order), monthly adds 3
        assertThat(plan.labels()).containsExactly("two-year", "yearly", "monthly");
        assertThat(plan.grid()).containsExactly(0, 1, 2);
        assertThat(plan.mean()).isSorted();
        assertThat(plan.mean()[2] - plan.mean()[1]).isCloseTo(3, within(1e-9));
        for (double[] ice : plan.ice()) {   // each row's values moved with their level
            assertThat(ice[2] - ice[1]).isCloseTo(3, within(1e-9));
            assertThat(ice[1] - ice[0]).isCloseTo(0, within(1e-9));
        }
        assertThat(plan.note()).doesNotContain("left out").contains("values ordered by their mean prediction, lowest first");

        ReportData.Dependence city = deps.get(2);   // read, never used: flat
        assertThat(city.labels()).hasSize(PartialDependence.MAX_LEVELS).startsWith("city-0");
        for (double m : city.mean()) {
            assertThat(m).isCloseTo(city.mean()[0], within(1e-12));
        }
        assertThat(city.note()).containsPattern("the 12 most frequent of \\d+ values; the other \\d+ \\(\\d+ of \\d+ sample rows\\) are left out");
    }

    @Test
    void aBinaryModelShowsTheProbabilityOfThePositiveClass() {
        ReportData.Dependence x = new PartialDependence(300, 2).compute(ToyModels.binary(), ROWS, List.of("x")).get(0);
        assertThat(x.output()).isEqualTo("probability of 'yes'");
        assertThat(x.mean()).isSorted();
        assertThat(x.mean()[0]).isGreaterThan(0.0);
        assertThat(x.mean()[x.mean().length - 1]).isLessThan(1.0);
        assertThat(x.note()).contains("300 rows");
    }

    @Test
    void aMulticlassModelShowsTheClassItPredictsMostOften() {
        ReportData.Dependence x = new PartialDependence(2).compute(ToyModels.multiclass(), ROWS, List.of("x")).get(0);
        // c wins where s < 3: every row not on the monthly plan, two thirds of them
        assertThat(x.output()).isEqualTo("probability of 'c'");
        assertThat(x.note()).containsPattern("'c' is the class predicted most often \\(\\d+ of 500 rows\\)");
    }

    @Test
    void theClassGivenIsTheOneShown() {
        ReportData.Dependence a = new PartialDependence(300, 2).compute(ToyModels.multiclass(), ROWS, List.of("x"), "a").get(0);
        assertThat(a.output()).isEqualTo("probability of 'a'");
        assertThat(a.note()).doesNotContain("predicted most often");
        ReportData.Dependence no = new PartialDependence(300, 2).compute(ToyModels.binary(), ROWS, List.of("x"), System.nanoTime() + 60_000_000_000L,
                "no").get(0);
        ReportData.Dependence yes = new PartialDependence(300, 2).compute(ToyModels.binary(), ROWS, List.of("x"), "yes").get(0);
        assertThat(no.output()).isEqualTo("probability of 'no'");
        for (int g = 0; g < no.mean().length; g++) {
            assertThat(no.mean()[g] + yes.mean()[g]).isCloseTo(1, within(1e-9));
        }
        assertThat(new PartialDependence(300, 2).compute(ToyModels.binary(), ROWS, List.of("x"), (String) null).get(0).output())
                .isEqualTo("probability of 'yes'");
        assertThatThrownBy(() -> new PartialDependence(1).compute(ToyModels.multiclass(), ROWS, List.of("x"), "d"))
                .hasMessage("output class 'd' must be a class of the model, but the classes are [a, b, c]");
        assertThatThrownBy(() -> new PartialDependence(1).compute(ToyModels.regression(), ROWS, List.of("x"), "a"))
                .hasMessageContaining("predicts values of 'y' (regression); pass null");
    }

    @Test
    void numbersWrittenAsTextAreANumericGridAndGiveTheSameCurves() {
        StringColumn text = StringColumn.create("x");
        for (int r = 0; r < ROWS.rowCount(); r++) {
            text.append(ROWS.column("x").isMissing(r) ? null : ROWS.column("x").getString(r));
        }
        Table asText = ROWS.copy().replaceColumn("x", text);
        ReportData.Dependence a = new PartialDependence(400, 3).compute(ToyModels.regression(), ROWS, List.of("x")).get(0);
        ReportData.Dependence b = new PartialDependence(400, 3).compute(ToyModels.regression(), asText, List.of("x")).get(0);
        assertThat(b.grid()).containsExactly(a.grid());
        assertThat(b.mean()).containsExactly(a.mean(), within(1e-12));
        assertThat(b.categorical()).isFalse();
    }

    @Test
    void thePassedDeadlineStopsAfterTheFirstColumn() {
        List<ReportData.Dependence> deps = new PartialDependence(100, 1).compute(ToyModels.regression(), ROWS, List.of("plan", "x"),
                System.nanoTime() - 1);
        assertThat(deps).extracting(ReportData.Dependence::column).containsExactly("plan");
    }

    @Test
    void theSameSeedGivesTheSameCurvesAndSmallTablesAreUsedWhole() {
        Table small = ROWS.first(30);
        ReportData.Dependence a = new PartialDependence(7).compute(ToyModels.binary(), small, List.of("x")).get(0);
        ReportData.Dependence b = new PartialDependence(7).compute(ToyModels.binary(), small, List.of("x")).get(0);
        assertThat(a.mean()).containsExactly(b.mean());
        assertThat(a.ice()).isDeepEqualTo(b.ice());
        assertThat(a.ice().length).isEqualTo(20);
        assertThat(a.note()).contains("30 rows");
    }

    @Test
    void rejectsAColumnTheRowsDoNotHave() {
        PartialDependence pd = new PartialDependence(1);
        assertThatThrownBy(() -> pd.compute(ToyModels.regression(), ROWS, List.of("tenure")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'tenure'").hasMessageContaining("[x, plan, city]");
        assertThatThrownBy(() -> new PartialDependence(0, 1)).hasMessageContaining("maxRows must be >= 1, but was 0");
    }
}
