package watch

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

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
	// onDisk: the fetch saw the posting's snapshot file (a keep by its
	// stamp), so the write phase need not look again
	onDisk bool
	size   int64          // of the stored file, when keep: for the index (snapshot.Entry.Size)
	post   *model.Posting // the built posting (when !keep)
	data   []byte         // canonical bytes (when !keep)
	hash   string         // of data, or the stored hash when keep
}

// fetched is what a source's fetch produced; err set means the source failed
// and nothing of it may be written.
type fetched struct {
	src     config.Source
	index   snapshot.Index
	items   []item
	details int
	// detailFailures: postings whose detail failed (not the source's
	// failure): a known one is kept as stored, a new one left for next run
	detailFailures int
	// unbuilt: new postings the listing gave whose detail failed or was
	// not asked (the budget spent): listed, not items (the shrink guard
	// counts them as listed)
	unbuilt    int
	validators scrape.Validators // to save with the index
	// listed: the digest of the postings as a run on the same listing may
	// keep them (keptlisting.go); "": it may not
	listed string
	// sameListing: the listing's pages were the last run's, byte for
	// byte: every stored posting kept undecoded (keptlisting.go)
	sameListing bool
	err         error
	loadErr     bool // err came from reading the stored index: no state to update
	// listing: the source folder's files as the fetch listed them (to
	// tell kept postings' files), nil when it did not
	listing    *snapshot.SizeList
	rebuilt    bool   // no index (or an unreadable one): it was rebuilt from the files, with fresh counters
	canceled   bool   // the run was stopped while fetching: not the source's failure
	suspicious string // the listing shrank beyond the source's limit: why
	state      []byte // the adapter's state to save (scrape.Stateful), nil: none
	reshaped   bool   // the listing came through another interface than the snapshots: see scrape.Stateful
}

// fetch lists a source and builds every posting that is new or changed,
// fetching a detail only for those. It writes nothing.
// maxIDBytes is the longest posting id taken from a listing as new.
const maxIDBytes = 16 << 10

func (r *Runner) fetch(ctx context.Context, pool *scrape.Pool, src config.Source, budget *scrape.Budget) (f fetched) {
	f.src = src
	defer func() {
		if f.err != nil && ctx.Err() != nil {
			f.canceled = true
		}
	}()
	// a source folder that is a link (or not a folder) could send the
	// writes anywhere: refused before anything is read or written
	if err := r.back.CheckSourceDir(src.Name); err != nil {
		f.err, f.loadErr = fmt.Errorf("%s: %w", src.Name, err), true
		return f
	}
	idx, err := r.back.LoadIndex(src.Name)
	if err != nil {
		f.err, f.loadErr = err, true
		return f
	}
	if r.opts.DryRun && r.store != nil {
		// a run would upgrade the folder's keys first (upgradeKeys): a dry
		// run compares with the index as that would leave it, in memory
		if mask := r.postingRedactor(src.Name).String; r.store.IndexNeedsKeyUpgrade(src.Name, idx, mask) {
			var files map[string]snapshot.KeptFile
			if idx, files, err = r.store.RekeyedIndex(src.Name, idx, mask); err != nil {
				f.err, f.loadErr = fmt.Errorf("%s: %w", src.Name, err), true
				return f
			}
			// its files are still under their older names: compareSame
			// does not take them for missing, previous reads them from
			// files (review s30b F2)
			r.dryRekeyed.Store(src.Name, files)
		}
		// and with the flags a recovery of the interrupted run (its marker
		// still there) would set (markMoved; what no file time shows, a
		// removal, is left out), in memory
		if interrupted, since := r.store.Interrupted(); interrupted && !idx.Rebuilt {
			idx.Postings = maps.Clone(idx.Postings)
			r.flagMoved(src.Name, &idx, modifiedSince(since), nil)
		}
	} else if r.store != nil {
		// the folder's keys are upgraded (once per process) before the
		// source is fetched, checked on the index just loaded
		if idx, err = r.upgradeSourceKeys(src, idx); err != nil {
			f.index, f.rebuilt, f.err = idx, idx.Rebuilt, err
			return f
		}
	}
	if idx.Rebuilt {
		r.recoverBroken(src.Name, &idx)
	}
	f.index = idx
	f.rebuilt = idx.Rebuilt
	if rebuiltNoted(idx) {
		// the index the run saves is committed, and the commit says so
		// (compare); the postings of the files are known, none is new
		what := "index missing: rebuilt from the snapshot files"
		if idx.Unreadable {
			what = "index unreadable: rebuilt from the snapshot files"
		}
		attrs := []any{"source", src.Name, "postings", len(idx.Postings)}
		if r.store != nil {
			attrs = append(attrs, "path", r.store.IndexPath(src.Name))
		}
		r.log.Warn(what, attrs...)
	}
	version := r.norm.Version()
	// Conditional requests only against a state that can stand in for the
	// listing: a 304 then keeps every stored posting.
	validators := scrape.Validators{}
	if len(idx.Postings) > 0 && idx.Normalizer == version && !anyMoved(idx) {
		validators = r.loadValidators(src.Name)
	}
	// the listing's pages are recorded for the next run, and, when this
	// run's state allows it, a listing the same as the last run's keeps
	// every stored posting undecoded (keptlisting.go)
	// (the snapshot folder's runs only: a database store keeps no
	// sizes to check the files by)
	var salt string
	var stored func(string, snapshot.Entry) (int64, bool)
	var listing *snapshot.SizeList
	if r.store != nil { // (the folder is listed at the first question)
		salt = listingSalt(src, version)
		stored, listing = r.storedCheck(src.Name)
	}
	kept, listed := r.keepable(idx, version, validators, salt, stored)
	client := pool.Client(validators).Source(src.URL, src.AllowPrivate).Listing(salt, kept != nil).WithBudget(budget)
	ad, err := platforms.New(src, client)
	if err != nil {
		f.err = err
		return f
	}
	st := r.loadState(src.Name, ad)
	raws, err := ad.List(ctx)
	if err == nil || errors.Is(err, scrape.ErrNotModified) {
		f.keepState(st)
	}
	if errors.Is(err, scrape.ErrNotModified) {
		// the same listing as last time: what it had stands, and what it
		// lacked (missing, removal pending) is still lacking
		f.validators = client.Validators()
		if kept != nil {
			// its files checked as the full path checks them
			f.items, f.listing, f.listed, f.sameListing = kept, listing, listed, true
			return f
		}
		for id, e := range idx.Postings {
			if e.Missing == 0 {
				f.items = append(f.items, item{id: id, stamp: e.Stamp, keep: true, hash: e.Hash, size: e.Size})
			}
		}
		return f
	}
	if err != nil {
		f.err = err
		return f
	}
	company := src.Company
	if company == "" {
		company = src.Name
	}
	// Duplicate ids: every copy is built and the one with the greatest
	// canonical hash is kept, so the choice depends on the copies, not on
	// their order in the listing.
	// Each posting is kept under model.PostingKey of its id (the id itself
	// unless it holds a NUL byte or invalid UTF-8), in every store alike;
	// the adapter still gets the platform's id for the detail.
	// The key is the id the stored posting ends up with (normalize trims
	// it, the source's secrets are masked in it: a board that echoes its
	// key into ids), so that a file name, an index entry or a database row
	// never holds what the posting's "id" does not.
	postRed := r.postingRedactor(src.Name)
	keyOf := func(id string) string { return snapshot.Key(id, postRed.String) }
	copies := make(map[string][]model.Raw, len(raws))
	var order []string
	former := formerKeys(ad, idx, keyOf) // ids stored under an earlier id rule
	overlong := 0
	for _, raw := range raws {
		if strings.TrimSpace(raw.ID) == "" {
			continue
		}
		key := keyOf(raw.ID)
		if stored, ok := former[key]; ok {
			key = stored
		}
		if _, known := idx.Postings[key]; len(raw.ID) > maxIDBytes && !known {
			// no platform's id is this long (a URL-keyed one of a long
			// non-ASCII slug is a few KB): a hostile or broken answer,
			// whose id would go whole into the index and every event. One
			// the index holds is kept, never reported removed for it.
			overlong++
			continue
		}
		if _, ok := copies[key]; !ok {
			order = append(order, key)
		}
		copies[key] = append(copies[key], raw)
	}
	if overlong > 0 {
		r.log.Warn("postings whose id is longer than any platform's left out", "source", src.Name, "postings", overlong, "max_bytes", maxIDBytes)
	}
	dupes := 0
	f.items = make([]item, 0, len(order))
	if stored == nil {
		stored, listing = r.storedCheck(src.Name)
	}
	f.listing = listing
	spent := 0 // postings whose detail was not asked: the source's budget was spent
	for _, id := range detailOrder(order, idx, budget) {
		cands := copies[id]
		old, ok := idx.Postings[id]
		if len(cands) > 1 {
			dupes++
		} else if raw := cands[0]; ok && raw.Stamp != "" && old.Stamp == raw.Stamp && idx.Normalizer == version && !old.FileMoved {
			// (a flagged posting is built and compared with its file,
			// whatever its stamp: see compareMoved; one whose file is
			// gone or not the version it was is built, see storedCheck)
			if size, intact := stored(id, old); intact {
				f.items = append(f.items, item{id: id, stamp: raw.Stamp, keep: true, hash: old.Hash, onDisk: true, size: size})
				continue
			}
		}
		var best *item
		var detailErr error
		var detailURL string
		for _, raw := range cands {
			if !raw.Complete {
				full, err := ad.Detail(ctx, raw)
				if err == nil { // an answer without the description: see checkDetail
					full, err = r.checkDetail(src.Name, id, ok, raw, full)
				}
				if err != nil {
					if ctx.Err() != nil {
						f.err = err
						return f
					}
					detailErr, detailURL = err, raw.URL
					break
				}
				raw = full
				f.details++
			} else if ok && !described(raw) {
				// a listing that carries the text, without it this time
				// (a gateway dropping content=true): see checkListed
				if err := r.checkListed(src.Name, id, raw); err != nil {
					detailErr, detailURL = err, raw.URL
					break
				}
			}
			raw.Salary = r.plausiblePay(src.Name, id, raw.Salary)
			p := r.norm.Normalize(src.Name, company, raw)
			p.ID = model.PostingKey(p.ID)
			model.DropNUL(&p)
			p.URL = postRed.String(p.URL) // a page URL may carry the source's key
			b, err := model.Encode(p)
			if err == nil {
				p, b, err = r.redactPosting(src.Name, p, b)
			}
			if err == nil && p.ID != id { // masked in JSON another way than keyOf did
				p.ID = id
				b, err = model.Encode(p)
			}
			if err != nil {
				f.err = fmt.Errorf("%s: posting %q: encode: %w", src.Name, id, err)
				return f
			}
			it := item{id: id, stamp: raw.Stamp, post: &p, data: b, hash: model.Hash(b)}
			if best == nil || it.hash > best.hash {
				best = &it
			}
		}
		if detailErr != nil {
			// One posting's detail is no reason to doubt the listing: a
			// known posting keeps its snapshot (and its old stamp, so the
			// next run asks again); a new one is not recorded yet and is
			// fetched again next run. So are the postings whose detail
			// was not asked because the source's requests took their
			// budget (one warning for them all, after the loop).
			f.detailFailures++
			stamp := old.Stamp
			if idx.Normalizer != version {
				// a run under new rules that could not build it: the
				// stamp is dropped, so that the next run (whose index
				// is of the new rules) builds it rather than keep it
				// by its stamp (review s25b B3)
				stamp = ""
			}
			if errors.Is(detailErr, scrape.ErrBudget) {
				spent++
			} else {
				r.log.Warn("posting detail failed: kept as it was, fetched again next run", "source", src.Name, "posting", id, "url", detailURL, "known", ok, "error", detailErr)
			}
			if ok {
				f.items = append(f.items, item{id: id, stamp: stamp, keep: true, hash: old.Hash, size: old.Size})
			} else {
				f.unbuilt++
			}
			continue
		}
		f.items = append(f.items, *best)
	}
	if budget != nil {
		inListingOrder(f.items, order)
	}
	if spent > 0 {
		r.log.Warn("the source's requests took the time http.source_budget allows them: postings' details not asked (known ones kept as stored, new ones not recorded yet), asked next run",
			"source", src.Name, "postings", spent, "budget", r.cfg.HTTP.SourceBudget.String(), "spent", client.Spent().Round(time.Millisecond).String())
	}
	if dupes > 0 {
		r.log.Warn("listing repeats posting ids: kept the copy with the greatest content hash", "source", src.Name, "ids", dupes)
	}
	f.validators = client.Validators()
	f.listed = itemsListed(salt, f.items, dupes, overlong, f.detailFailures)
	return f
}

// detailOrder is the order the listed postings are built in under a
// budget (http.source_budget): scrape.BudgetOrder, new postings first
// (review s25b B1: postings without a stamp, whose details are asked every
// run, kept a new one after the budget's cut out for good). Without a
// budget, the listing's order.
func detailOrder(order []string, idx snapshot.Index, budget *scrape.Budget) []string {
	if budget == nil {
		return order
	}
	return scrape.BudgetOrder(order, func(id string) bool {
		_, ok := idx.Postings[id]
		return ok
	})
}

// inListingOrder sorts items (built in detailOrder) back into the
// listing's order.
func inListingOrder(items []item, order []string) {
	at := make(map[string]int, len(order))
	for i, id := range order {
		at[id] = i
	}
	slices.SortStableFunc(items, func(a, b item) int { return at[a.id] - at[b.id] })
}

// storedCheck answers whether a known posting's snapshot file can stand
// without being read (the posting kept by its stamp), and its size: the
// file is there and, for the snapshot folder, has the size its index
// entry recorded. An entry without a size (an index saved before sizes
// were) has its file read once, and the size it gets then is saved with
// the index. A file of another size (torn, edited) is not kept: its
// posting is built and compared (compareSame rewrites an unreadable one).
// One listing of the folder, a stat per posting.
func (r *Runner) storedCheck(source string) (check func(id string, e snapshot.Entry) (int64, bool), listing *snapshot.SizeList) {
	if r.store == nil {
		present := r.presence(source)
		return func(id string, e snapshot.Entry) (int64, bool) { return e.Size, present(id) }, nil
	}
	sizes := r.store.SizeList(source)
	return func(id string, e snapshot.Entry) (int64, bool) {
		size, there := sizes.Size(id)
		switch {
		case !there:
			return 0, false
		case e.Size > 0:
			return size, size == e.Size
		}
		return r.store.Holds(source, id, e.Hash)
	}, sizes
}

// rebuiltNoted reports whether a run over idx rebuilds a source's index
// that was there (unreadable) or whose postings are (their files, without
// an index): the run commits the rebuilt index, and its commit says so. A
// new source's first index (no file, no posting) is no news.
func rebuiltNoted(idx snapshot.Index) bool {
	return idx.Rebuilt && (idx.Unreadable || len(idx.Postings) > 0)
}

// anyMoved reports whether an index has an entry flagged FileMoved (a
// recovery's, see markMoved): its listing is fetched in full, since a 304
// would keep every posting as stored. A loop over the index in memory,
// without a read.
func anyMoved(idx snapshot.Index) bool {
	for _, e := range idx.Postings {
		if e.FileMoved || e.Unsaved {
			return true
		}
	}
	return false
}

// loadValidators reads a source's conditional-request validators; a
// missing or unreadable file means none (a full fetch).
func (r *Runner) loadValidators(source string) scrape.Validators {
	v := scrape.Validators{}
	if b := r.back.LoadValidators(source); b != nil && json.Unmarshal(b, &v) == nil {
		return v
	}
	return scrape.Validators{}
}

// saveValidators writes them when they changed; it returns the path.
// A validator that holds a secret (a gateway whose ETag echoes the key in
// the URL) is not kept: the state file is committed, and without it the
// next request is a full one.
func (r *Runner) saveValidators(source string, v scrape.Validators) (string, error) {
	for u, val := range v {
		if r.red.Empty() {
			break
		}
		if r.red.String(val.ETag) != val.ETag || r.red.String(val.LastModified) != val.LastModified {
			delete(v, u)
		}
	}
	if len(v) == 0 {
		return r.back.SaveValidators(source, nil)
	}
	b, err := json.MarshalIndent(v, "", " ")
	if err != nil {
		return "", err
	}
	return r.back.SaveValidators(source, append(b, '\n'))
}
