/**
 * Scoring an exported {@code model.automl} without the engine. {@link automl4j.scoring.ScoringModel} loads a model
 * file of any format version and predicts rows given as maps of column name to cell, exactly as the engine's
 * {@code AutoMlModel} does; {@link automl4j.scoring.InputSchema} and {@link automl4j.scoring.ModelMetadata} describe
 * it. {@link automl4j.scoring.ModelFile} and {@link automl4j.scoring.TabularTransform} are the file reader and the
 * featurizer underneath, for those who need the feature vector itself. No Tablesaw, no Smile, no native library:
 * Jackson, and the Tribuo runtime for Tribuo's models.
 */
package automl4j.scoring;
