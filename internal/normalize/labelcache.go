package normalize

import (
	"slices"
	"sync"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// labelCache holds what Locations made of the platform's location labels
// ("Los Gatos,California,United States of America"): a source writes the
// same few labels on all its postings, and Locations reads a label
// through many rules. Locations depends on its label alone, so a label
// read once gives the same places again.
var labelCache struct {
	sync.RWMutex
	m map[string][]model.Location
}

// Bounds of labelCache: labels longer than maxCachedLabel are read every
// time, and past maxCachedLabels labels no more are kept (a run reads a
// few hundred distinct labels; a hostile feed cannot grow the cache).
const (
	maxCachedLabel  = 200
	maxCachedLabels = 4096
)

// labelLocations is Locations(label), read from labelCache when the label
// was read before. The slice returned is the caller's own (callers
// change it in place).
func labelLocations(label string) []model.Location {
	if len(label) > maxCachedLabel {
		return Locations(label)
	}
	labelCache.RLock()
	ls, ok := labelCache.m[label]
	labelCache.RUnlock()
	if ok {
		return slices.Clone(ls)
	}
	ls = Locations(label)
	labelCache.Lock()
	if labelCache.m == nil {
		labelCache.m = map[string][]model.Location{}
	}
	if len(labelCache.m) < maxCachedLabels {
		labelCache.m[label] = slices.Clone(ls)
	}
	labelCache.Unlock()
	return ls
}
