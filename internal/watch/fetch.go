package watch

import (
	"context"
	"fmt"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/platforms"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// item is one posting of a successful fetch.
type item struct {
	id    string
	stamp string
	keep  bool // unchanged by its stamp: the stored snapshot stands, not read
	post  model.Posting
	data  []byte // canonical bytes (when !keep)
	hash  string // of data, or the stored hash when keep
}

// fetched is what a source's fetch produced; err set means the source failed
// and nothing of it may be written.
type fetched struct {
	src     config.Source
	index   snapshot.Index
	items   []item
	details int
	err     error
}

// fetch lists a source and builds every posting that is new or changed,
// fetching a detail only for those. It writes nothing.
func (r *Runner) fetch(ctx context.Context, client *scrape.Client, src config.Source) fetched {
	f := fetched{src: src}
	idx, err := r.store.LoadIndex(src.Name)
	if err != nil {
		f.err = err
		return f
	}
	f.index = idx
	ad, err := platforms.New(src, client)
	if err != nil {
		f.err = err
		return f
	}
	raws, err := ad.List(ctx)
	if err != nil {
		f.err = err
		return f
	}
	version := r.norm.Version()
	company := src.Company
	if company == "" {
		company = src.Name
	}
	seen := make(map[string]bool, len(raws))
	for _, raw := range raws {
		if raw.ID == "" || seen[raw.ID] {
			continue
		}
		seen[raw.ID] = true
		old, ok := idx.Postings[raw.ID]
		if ok && raw.Stamp != "" && old.Stamp == raw.Stamp && idx.Normalizer == version && r.store.Exists(src.Name, raw.ID) {
			f.items = append(f.items, item{id: raw.ID, stamp: raw.Stamp, keep: true, hash: old.Hash})
			continue
		}
		if !raw.Complete {
			full, err := ad.Detail(ctx, raw)
			if err != nil {
				f.err = err
				return f
			}
			raw = full
			f.details++
		}
		p := r.norm.Normalize(src.Name, company, raw)
		b, err := model.Encode(p)
		if err != nil {
			f.err = fmt.Errorf("%s: posting %s: encode: %w", src.Name, raw.ID, err)
			return f
		}
		f.items = append(f.items, item{id: raw.ID, stamp: raw.Stamp, post: p, data: b, hash: model.Hash(b)})
	}
	return f
}
