package config

import (
	"errors"
	"fmt"
	"strings"
	"time"
	_ "time/tzdata" // CRON_TZ= must work in minimal containers without a zoneinfo database

	"github.com/robfig/cron/v3"
)

// Parser is the schedule parser of the daemon and of validation: standard
// 5-field cron specs, descriptors (@hourly, @daily, @every 6h, ...) and an
// optional CRON_TZ=Area/City (or TZ=) prefix. Use it with cron.WithParser.
// It wraps cron's parser so that no spec can make it panic, and rejects
// @every durations below one second (cron would silently round them up).
var Parser cron.ScheduleParser = scheduleParser{cron.NewParser(
	cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor,
)}

type scheduleParser struct{ p cron.Parser }

func (sp scheduleParser) Parse(spec string) (s cron.Schedule, err error) {
	spec = strings.TrimSpace(spec)
	if spec == "" {
		return nil, errors.New("empty schedule")
	}
	rest := spec
	if strings.HasPrefix(spec, "TZ=") || strings.HasPrefix(spec, "CRON_TZ=") {
		// cron slices up to the first space and panics without one.
		i := strings.IndexAny(spec, " \t")
		if i < 0 {
			return nil, errors.New("a time zone prefix must be followed by a schedule")
		}
		rest = strings.TrimSpace(spec[i:])
	}
	if d, ok := strings.CutPrefix(rest, "@every "); ok {
		if dur, perr := time.ParseDuration(strings.TrimSpace(d)); perr == nil && dur < time.Second {
			return nil, errors.New("@every needs a duration of at least 1s")
		}
	}
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, fmt.Errorf("invalid schedule")
		}
	}()
	return sp.p.Parse(spec)
}

// ValidSchedule reports whether spec is a schedule the daemon can run.
func ValidSchedule(spec string) error {
	_, err := Parser.Parse(spec)
	return err
}
