package watch

import (
	"golang.org/x/text/unicode/norm"

	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// formerKeys maps a key today's id rule gives (scrape.IDRule) to the
// stored posting an earlier rule named otherwise: a posting listed under
// such a key is kept under its stored key (its file, its index entry, its
// history), so that a changed id rule (ids from links that lost their
// tracking tags and session ids) reports no posting removed and added
// again. Only keys no stored posting has are mapped. When several stored
// postings read as one key today (a board that rotated sessions, stored
// under each), the one listed last run (not missing) is kept, else the
// least; the others go missing as before. Keys stored decomposed (not
// NFC: snapshot.Key composes ids since rules 68) read as their NFC form,
// for every adapter. nil when every stored key reads as itself.
func formerKeys(ad scrape.Adapter, idx snapshot.Index, keyOf func(string) string) map[string]string {
	rule, hasRule := ad.(scrape.IDRule)
	var out map[string]string
	for stored, e := range idx.Postings {
		cur := stored
		if hasRule {
			cur = rule.CurrentID(stored)
		} else if norm.NFC.IsNormalString(stored) {
			continue // read as itself
		}
		cur = keyOf(cur)
		if cur == stored {
			continue
		}
		if _, ok := idx.Postings[cur]; ok {
			continue // a posting stored under today's key: it is that one
		}
		if prev, ok := out[cur]; ok && !preferred(stored, e, prev, idx.Postings[prev]) {
			continue
		}
		if out == nil {
			out = map[string]string{}
		}
		out[cur] = stored
	}
	return out
}

// preferred reports whether stored posting a (entry ea) is kept rather
// than b: one listed last run over a missing one, then the lesser key.
func preferred(a string, ea snapshot.Entry, b string, eb snapshot.Entry) bool {
	if (ea.Missing == 0) != (eb.Missing == 0) {
		return ea.Missing == 0
	}
	return a < b
}
