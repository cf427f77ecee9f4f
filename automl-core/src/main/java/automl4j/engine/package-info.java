/**
 * The engine: one fit from data to a fitted pipeline, in stages: target and validation plan, featurization, search,
 * ensemble selection and refit. It uses every step package and is used only by the entry point {@code automl4j.AutoMl}.
 */
package automl4j.engine;
