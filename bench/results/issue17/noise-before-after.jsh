import automl4j.*;
import automl4j.data.*;
import automl4j.datasets.*;
import automl4j.search.Budget;
import automl4j.explainers.PermutationImportance;
import java.time.Duration;
for (long seed = 1; seed <= 5; seed++) {
    var table = DefaultDataset.generate(1000, seed);
    var data = TaskData.of(table, "churned");
    var run = AutoMl.builder().budget(Budget.ofTime(Duration.ofSeconds(120)).withMaxTrials(10)).seed(seed).cores(2).build().fit(data);
    var before = new PermutationImportance().explain(run.best(), data, run.leaderboard().metric(), seed);
    var after = run.importance();
    var b = before.columns().stream().map(c -> c.column()).toList();
    var a = after.columns().stream().map(c -> c.column()).toList();
    System.out.println("seed " + seed + " best " + run.bestTrial().trial().config().learner() + " | training rows: noise rank " + (b.indexOf("noise") + 1) + ", region " + (b.indexOf("region") + 1) + " of " + b.size() + " " + b + " | held out: noise rank " + (a.indexOf("noise") + 1) + ", region " + (a.indexOf("region") + 1) + " " + a);
}
/exit
