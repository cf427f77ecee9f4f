# R's forecast 8.20 baselines (seasonal naive, ETS) on the four single series of ../shared/datasets/suite.json, held
# out as SuiteSeriesBenchmark holds them out: the last h values (h = 12 monthly, 28 daily), seasonal period 12 monthly,
# 7 daily. MASE scaled by the in-sample seasonal naive MAE, sMAPE in percent, as PROTOCOL.md defines them.
# Run from the repository root: Rscript bench/results/issue20/suite-series-baselines.R > bench/results/issue20/suite-series-r.csv
suppressPackageStartupMessages(library(forecast))
specs <- list(
  list(name = "airline-passengers", target = "Passengers", m = 12, h = 12),
  list(name = "monthly-car-sales", target = "Sales", m = 12, h = 12),
  list(name = "daily-min-temperatures", target = "Temp", m = 7, h = 28),
  list(name = "monthly-sunspots", target = "Sunspots", m = 12, h = 12))
smape <- function(y, f) mean(200 * abs(y - f) / (abs(y) + abs(f)))
mase <- function(y, f, x, m) { lag <- if (length(x) > m) m else 1; mean(abs(y - f)) / mean(abs(diff(x, lag = lag))) }
cat("dataset,method,horizon,smape,mase,seconds\n")
for (s in specs) {
  d <- read.csv(file.path("..", "shared", "datasets", paste0(s$name, ".csv")))
  v <- d[[s$target]]
  n <- length(v)
  x <- v[1:(n - s$h)]
  y <- v[(n - s$h + 1):n]
  for (method in c("snaive", "ets")) {
    t0 <- proc.time()[["elapsed"]]
    f <- if (method == "snaive") snaive(ts(x, frequency = s$m), h = s$h)$mean else forecast(ets(ts(x, frequency = s$m)), h = s$h)$mean
    secs <- proc.time()[["elapsed"]] - t0
    cat(sprintf("%s,%s,%d,%.6f,%.6f,%.3f\n", s$name, method, s$h, smape(y, f), mase(y, f, x, s$m), secs))
  }
}
