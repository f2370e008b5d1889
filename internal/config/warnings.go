package config

import (
	"fmt"
	"slices"
	"time"
)

// Warning is something a valid config says that likely does not do what
// its writer wants: validate prints it, the daemon logs it at start.
type Warning struct {
	Line int // the line of the key it is about (0: the file)
	Msg  string
}

// warnFrom is the time the intervals of the schedules are measured from:
// fixed, so that a config gets the same warnings on every day.
var warnFrom = time.Date(2026, time.January, 5, 0, 0, 0, 0, time.UTC)

// warnRuns is how many runs of a schedule are looked at for its shortest
// interval (a cron schedule's intervals differ: weekdays at nine are a day
// apart, then three).
const warnRuns = 64

// Warnings are the config's warnings, in line order: a $NAME written
// without braces, which is kept as written (outside templates; in a
// token, secret, password or header it is an error), and a jitter window
// that is not shorter than the shortest interval of a source's schedule
// (the daemon starts each run up to jitter late, and a run still waiting
// when its next time comes makes that time be skipped).
func (c *Config) Warnings() []Warning {
	out := slices.Clone(c.readWarnings)
	if c.Jitter > 0 {
		name, spec, gap := c.shortestInterval()
		if gap > 0 && c.Jitter >= gap {
			out = append(out, Warning{Line: c.JitterLine, Msg: fmt.Sprintf(
				"jitter %s is not shorter than the %s between runs of source %q (schedule %q): a run that starts that late makes its next time be skipped; keep jitter below the shortest interval",
				c.Jitter, gap, name, spec)})
		}
	}
	slices.SortStableFunc(out, func(a, b Warning) int { return a.Line - b.Line })
	return out
}

// shortestInterval is the source whose schedule has the shortest time
// between two runs, its schedule and that time (0: no source).
func (c *Config) shortestInterval() (name, spec string, gap time.Duration) {
	for _, s := range c.Sources {
		sp := c.SourceSchedule(s)
		sched, err := Parser.Parse(sp)
		if err != nil {
			continue
		}
		t := sched.Next(warnFrom)
		for range warnRuns {
			n := sched.Next(t)
			if n.IsZero() {
				break
			}
			if d := n.Sub(t); d > 0 && (gap == 0 || d < gap) {
				name, spec, gap = s.Name, sp, d
			}
			t = n
		}
	}
	return name, spec, gap
}
