package demo;

import automl4j.AutoMlModel;
import automl4j.datasets.DefaultDataset;
import automl4j.learn.Predictions;
import java.nio.file.Path;
import tech.tablesaw.api.Table;

public class App {
    public static void main(String[] args) throws Exception {
        AutoMlModel model = AutoMlModel.load(Path.of(args[0]));
        Table rows = DefaultDataset.generate(10, 42).first(5).removeColumns(DefaultDataset.TARGET);
        Predictions p = model.predict(rows);
        for (int i = 0; i < p.size(); i++) {
            System.out.println(rows.stringColumn("customer_id").get(i) + " -> " + p.label(i) + " p(yes)=" + p.probability(i, 1));
        }
        System.out.println("model: " + model.config());
    }
}
