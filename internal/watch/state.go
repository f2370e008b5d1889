package watch

import (
	"bytes"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// loadState hands a stateful adapter (scrape.Stateful) the state saved
// after the source's last successful run; it returns the adapter, or nil
// when ad keeps no state. A missing or unreadable file is no state.
func (r *Runner) loadState(source string, ad scrape.Adapter) scrape.Stateful {
	st, ok := ad.(scrape.Stateful)
	if !ok {
		return nil
	}
	st.LoadState(r.back.LoadAdapterState(source))
	return st
}

// keepState takes the adapter's state after a successful listing.
func (f *fetched) keepState(st scrape.Stateful) {
	if st == nil {
		return
	}
	f.state, f.reshaped = st.SaveState(), st.Reshaped()
}

// saveState writes a successful, believed fetch's adapter state. The file
// goes with the run's commit; a state that changed makes a commit by
// itself, so that a one-shot job (CI) that starts from the repository
// remembers it: without it the next run would take the interface switch
// again, and its changes as representation changes.
func (r *Runner) saveState(f fetched, changed, state []string) ([]string, []string, error) {
	if f.err != nil || f.suspicious != "" || f.state == nil {
		return changed, state, nil
	}
	// The state is committed: what the source's board was sent is masked
	// in it as in its snapshots (an adapter keeps ids, which may be URLs).
	st := r.postingRedactor(f.src.Name).Bytes(bytes.TrimSpace(f.state))
	path, wrote, err := r.back.SaveAdapterState(f.src.Name, append(st, '\n'))
	if err != nil {
		return changed, state, err
	}
	if !wrote {
		return changed, append(state, path), nil
	}
	r.log.Info("source state saved", "source", f.src.Name, "path", path)
	return append(changed, path), append(state, path), nil
}
