package watch

import "github.com/careers-watcher/careers-watcher/internal/notify"

// Routes is the runner's notifiers with their filters, as New built them
// (none for a dry run): fleet mode's deliver jobs send through the same
// notifiers rather than building them a second time.
func (r *Runner) Routes() []notify.Route { return r.routes }
