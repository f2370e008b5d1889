package scrape

import (
	"context"
	"errors"
	"io"
	"sync"
)

// shared holds values that a pool's sources share and that live as long
// as the pool (one run): a headless browser, say, started by the first
// source that needs it.
type shared struct {
	ctx   context.Context // the pool's: a value made by Shared ends with it
	mu    sync.Mutex
	vals  map[any]io.Closer
	order []any
}

// Shared is the pool's value for key, made by mk with the pool's context
// the first time it is asked for (mk runs once per key; a value it makes
// must end when that context ends). Close closes the values.
func (p *Pool) Shared(key any, mk func(ctx context.Context) io.Closer) io.Closer {
	s := &p.shared
	s.mu.Lock()
	defer s.mu.Unlock()
	if v, ok := s.vals[key]; ok {
		return v
	}
	if s.vals == nil {
		s.vals = map[any]io.Closer{}
	}
	v := mk(s.ctx)
	s.vals[key] = v
	s.order = append(s.order, key)
	return v
}

// Close closes the values made by Shared, the last made first, and
// forgets them; the pool stays usable. Call it when the run's fetches
// are over.
func (p *Pool) Close() error {
	s := &p.shared
	s.mu.Lock()
	vals, order := s.vals, s.order
	s.vals, s.order = nil, nil
	s.mu.Unlock()
	var errs []error
	for i := len(order) - 1; i >= 0; i-- {
		errs = append(errs, vals[order[i]].Close())
	}
	return errors.Join(errs...)
}
