/** Series as the models and the search see them: an id and its values, one per period, oldest first. */
package automl4j.forecast.series;
