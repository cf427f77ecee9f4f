# Reference fixtures for the ETS tests (automl4j.forecast.ets): what R's forecast package (8.20) does with
# ets() defaults on a fixed sample of series from the forecasting pack.
#
# Usage, from the repository root (R with r-cran-forecast; not needed by the tests, which read the output):
#   Rscript forecasting/src/test/r/ets-fixtures.R [../shared/datasets/forecasting] \
#       [forecasting/src/test/resources/automl4j/forecast/ets/r-ets-fixtures.csv]
#
# The sample (fixed, about 63 series): for each of the seven collections its shortest and longest training
# part, the one with the smallest minimum value, and six drawn with set.seed(2026). Only ids are written, never
# the data: the tests read the histories from the pack and skip when it is absent.
#
# One row per series; vectors are space-separated, numbers with 15 significant digits:
#   collection, series_id, m, n, h,
#   form         the chosen model, e.g. MAdM (error, trend, d when damped, season)
#   alpha, beta, gamma, phi   NA where the form has none
#   initstate    R's initial states in its order: l, b (if trend), then s1..sm (s1 the newest seasonal state)
#   loglik, aic, aicc, bic, sigma2, mse
#   forecast     forecast(fit, h)$mean
#   seconds      elapsed seconds of ets() on this machine

suppressPackageStartupMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
pack <- if (length(args) >= 1) args[1] else file.path("..", "shared", "datasets", "forecasting")
out <- if (length(args) >= 2) args[2] else file.path("forecasting", "src", "test", "resources", "automl4j", "forecast", "ets",
                                                     "r-ets-fixtures.csv")
collections <- list(
  list(name = "m3-yearly", m = 1, h = 6), list(name = "m3-quarterly", m = 4, h = 8),
  list(name = "m3-monthly", m = 12, h = 18), list(name = "m3-other", m = 1, h = 8),
  list(name = "tourism-yearly", m = 1, h = 4), list(name = "tourism-quarterly", m = 4, h = 8),
  list(name = "tourism-monthly", m = 12, h = 24))

num <- function(x) if (length(x) == 0 || all(is.na(x))) "NA" else paste(formatC(x, digits = 15, format = "g"), collapse = " ")
rows <- list()
for (cl in collections) {
  d <- read.csv(file.path(pack, paste0(cl$name, ".csv")), colClasses = c("character", "integer", "character", "numeric", "character"))
  d <- d[d$split == "train", ]
  d <- d[order(d$series_id, d$t), ]
  series <- split(d$value, d$series_id)
  ids <- sort(names(series))
  lens <- sapply(series[ids], length); mins <- sapply(series[ids], min)
  set.seed(2026)
  pick <- unique(c(ids[which.min(lens)], ids[which.max(lens)], ids[which.min(mins)], sample(ids, 6)))
  for (id in pick) {
    x <- ts(series[[id]], frequency = cl$m)
    t0 <- proc.time()[["elapsed"]]
    fit <- ets(x)
    secs <- proc.time()[["elapsed"]] - t0
    co <- fit$components
    form <- paste0(co[1], co[2], if (co[4] == "TRUE") "d" else "", co[3])
    p <- fit$par
    get <- function(k) if (k %in% names(p)) unname(p[[k]]) else NA
    fc <- forecast(fit, h = cl$h, PI = FALSE)$mean
    rows[[length(rows) + 1]] <- data.frame(collection = cl$name, series_id = id, m = cl$m, n = length(x), h = cl$h,
      form = form, alpha = num(get("alpha")), beta = num(get("beta")), gamma = num(get("gamma")), phi = num(get("phi")),
      initstate = num(fit$initstate), loglik = num(fit$loglik), aic = num(fit$aic), aicc = num(fit$aicc), bic = num(fit$bic),
      sigma2 = num(fit$sigma2), mse = num(fit$mse), forecast = num(as.numeric(fc)), seconds = num(secs),
      stringsAsFactors = FALSE)
    cat(cl$name, id, length(x), form, "\n")
  }
}
res <- do.call(rbind, rows)
write.csv(res, out, row.names = FALSE, quote = FALSE)
cat("wrote", nrow(res), "rows to", out, "\n")
