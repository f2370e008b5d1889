package watch

import (
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/normalize"
)

// plausiblePay is a platform's structured pay without the ranges whose
// figures are not finite, negative or beyond any salary
// (normalize.PlausibleSalary), one warning each naming the source and the
// posting: stored, such a figure made +Inf in the yearly figures of the
// report and of the pay filters, or failed the whole source at encode.
func (r *Runner) plausiblePay(src, id string, pay []model.Salary) []model.Salary {
	var out []model.Salary
	for i, s := range pay {
		if normalize.PlausibleSalary(s) {
			if out != nil {
				out = append(out, s)
			}
			continue
		}
		if out == nil {
			out = append(make([]model.Salary, 0, len(pay)), pay[:i]...)
		}
		r.log.Warn("structured pay dropped: implausible figure", "source", src, "posting", id, "min", s.Min, "max", s.Max, "currency", s.Currency)
	}
	if out == nil {
		return pay
	}
	return out
}
