package watch

import (
	"context"
	"log/slog"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

// plausiblePay is a platform's structured pay without the ranges whose
// figures are not finite, negative or beyond any salary
// (normalize.PlausibleSalary): stored, such a figure made +Inf in the
// yearly figures of the report and of the pay filters, or failed the
// whole source at encode.
//
// Each dropped range is a warning naming the source and the posting when
// the posting is not stored yet (new, or reopened): once, as it is
// recorded. A posting already stored was warned about when it was, and a
// source without update stamps passes every posting through here on every
// run: for it the same line is a debug one, not a warning per run (the
// figure stays out of the stored posting either way).
func (r *Runner) plausiblePay(src, id string, pay []model.Salary) []model.Salary {
	var out []model.Salary
	level, known := slog.LevelWarn, false
	for i, s := range pay {
		if normalize.PlausibleSalary(s) {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		if out == nil {
			out = append(make([]model.Salary, 0, len(pay)), pay[:i]...)
			if known = r.back.Exists(src, id); known {
				level = slog.LevelDebug
			}
		}
		r.log.Log(context.Background(), level, "structured pay dropped: implausible figure", "source", src, "posting", id, "stored", known, "min", s.Min, "max", s.Max, "currency", s.Currency)
	}
	if out == nil {
		return pay
	}
	return out
}
