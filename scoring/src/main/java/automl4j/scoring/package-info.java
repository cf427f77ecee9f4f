/**
 * Scoring an exported {@code model.automl} without the engine (issue 18 item 3, work in progress): {@link
 * automl4j.scoring.ModelFile} reads and checks the file as the engine's reader does, {@link
 * automl4j.scoring.TabularTransform} turns one row into the feature vector the engine's tabular featurizer gives. Model
 * evaluation (XGBoost, Smile JSON, Tribuo) is not here yet. Depends on Jackson only.
 */
package automl4j.scoring;
