package scrape

import (
	"context"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Adapter reads one source on one platform. It is the plug-in point for
// source types: one implementation per platform package, registered with
// its config keys as a Platform in scrape/platforms.List.
type Adapter interface {
	// List returns every open posting of the source. A listing that could
	// not be read whole is an error, never a shorter list: a missing posting
	// would be reported removed.
	List(ctx context.Context) ([]model.Raw, error)
	// Detail completes a posting whose listing lacks the description
	// (Raw.Complete false). Adapters whose listings are complete return r.
	Detail(ctx context.Context, r model.Raw) (model.Raw, error)
}
