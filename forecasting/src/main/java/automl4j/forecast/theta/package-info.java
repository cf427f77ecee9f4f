/**
 * The Theta family: the standard Theta method of the M3 competition ({@link automl4j.forecast.theta.ThetaForecaster})
 * and the dynamic optimised Theta model of Fiorucci et al. (2016).
 */
package automl4j.forecast.theta;
