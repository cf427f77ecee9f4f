/**
 * The settings of a run: one immutable {@link automl4j.settings.RunSettings} record, built by a
 * {@link automl4j.settings.SettingsBuilder} whose option names are the config-file keys and the journal's keys
 * ({@link automl4j.settings.Setting}), each validated once.
 */
package automl4j.settings;
