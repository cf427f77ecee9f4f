package automl4j.run;

import automl4j.execute.Gpus;
import automl4j.execute.Isolation;
import automl4j.execute.TrialExecutor;
import automl4j.featurize.Featurizer;
import automl4j.learn.Learner;
import automl4j.metric.Metric;
import automl4j.search.Budget;
import automl4j.search.Portfolio;
import automl4j.search.Searcher;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a run needs besides the data; built and checked by {@code AutoMl.Builder}.
 *
 * @param metric       the metric to rank by, or null for the task's default
 * @param budget       time and trial limits
 * @param seed         the run seed
 * @param learners     the learners the search may choose, in the order their defaults are tried
 * @param searcher     the searcher
 * @param featurizer   the featurizer
 * @param executor     slots and threads
 * @param trialTimeout longest time one trial may take, or null for the whole budget
 * @param listener     progress listener
 * @param portfolio      configs tried first, before the searcher proposes
 * @param pruning        whether cross-validated trials may stop after their first splits ({@link Pruning})
 * @param ensembleRounds rounds of greedy ensemble selection over the finished trials; 0 or 1 exports the best single
 *                       trial
 * @param prior          trials of an interrupted run that this run continues, or {@link PriorTrials#NONE}
 * @param isolation      which trials run in worker processes
 * @param workerHeapMb   heap of each worker process in MiB, or 0 for a share of the machine's memory
 * @param gpus           the GPUs trials of learners that {@link Learner#usesGpu()} may run on, besides the CPU slots;
 *                       null for those {@link Gpus#detected()} finds
 */
public record RunSettings(Metric metric, Budget budget, long seed, List<Learner> learners, Searcher searcher,
                          Featurizer featurizer, TrialExecutor executor, Duration trialTimeout, RunListener listener, Portfolio portfolio,
                          boolean pruning, int ensembleRounds, PriorTrials prior,
                          Isolation isolation, int workerHeapMb, List<Gpus.Gpu> gpus) {
    public RunSettings {
        Objects.requireNonNull(budget, "budget");
        learners = List.copyOf(learners);
        Objects.requireNonNull(searcher, "searcher");
        Objects.requireNonNull(featurizer, "featurizer");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(portfolio, "portfolio");
        Objects.requireNonNull(prior, "prior");
        Objects.requireNonNull(isolation, "isolation");
        gpus = gpus == null ? null : List.copyOf(gpus);
        if (workerHeapMb < 0) {
            throw new IllegalArgumentException("worker heap must be >= 0 MiB, but was " + workerHeapMb);
        }
        if (ensembleRounds < 0) {
            throw new IllegalArgumentException("ensemble rounds must be >= 0, but was " + ensembleRounds);
        }
    }

    /** The GPUs this run may use: as given, or those found on this machine. */
    public List<Gpus.Gpu> usableGpus() {
        return gpus != null ? gpus : Gpus.detected();
    }
}
