package fleet

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/pgstore"
	"github.com/careers-watcher/careers-watcher/internal/redact"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// ImportResult is what ImportGit loaded, per source.
type ImportResult struct {
	Source   string
	Commits  int // commits that changed the source's postings
	Versions int
	Skipped  string // why the source was not imported ("" when it was)
	// Err is why the source could not be imported (nothing of it was
	// written); the other sources were still imported.
	Err error
}

// ImportGit loads the history of a snapshot folder committed to git (dir,
// the files store) into the database: for every configured source, each
// first-parent commit that added, changed or removed one of its snapshot
// files becomes the versions of those postings, stamped with the commit's
// time, and the postings end as HEAD has them. The source's index and
// adapter state at HEAD are stored too, so that the pipeline goes on from
// there (nothing looks new, event ids keep their counters). No event is
// recorded and nothing is delivered: the history was notified when it
// happened. A source that already has postings in the database is skipped
// (said in its result); each source is one transaction. A source that
// fails (its history unreadable, its write refused) is left out, its
// result saying why, and the others are still imported: the error joins
// every such failure. A shallow clone imports the history it has.
func ImportGit(ctx context.Context, db *DB, cfg *config.Config, dir string) ([]ImportResult, error) {
	hist, err := gitrepo.OpenHistory("", dir)
	if err != nil {
		return nil, fmt.Errorf("import-git: %s: %w", dir, err)
	}
	head, err := hist.Head()
	if err != nil {
		return nil, fmt.Errorf("import-git: %w", err)
	}
	if head == nil {
		return nil, fmt.Errorf("import-git: %s: the repository has no commit", dir)
	}
	// first-parent history, oldest first
	var commits []*gitrepo.Commit
	for c := head; c != nil; {
		commits = append(commits, c)
		if hist.Cut(c) {
			break
		}
		if c, err = hist.Parent(c); err != nil {
			return nil, fmt.Errorf("import-git: %w", err)
		}
	}
	slices.Reverse(commits)

	var out []ImportResult
	var errs []error
	for _, src := range cfg.Sources {
		if err := ctx.Err(); err != nil {
			return out, errors.Join(append(errs, err)...)
		}
		res, err := importSource(ctx, db, hist, head, commits, src, PostingMask(cfg, src))
		if err != nil {
			res.Err = err
			errs = append(errs, err)
		}
		out = append(out, res)
	}
	return out, errors.Join(errs...)
}

// PostingMask is the mask of src's posting data and keys: the config's
// secrets its board is sent (its own config values and the user agent),
// the ones the pipeline masks its postings with (internal/watch's
// postingRedactor); nil when there is none.
func PostingMask(cfg *config.Config, src config.Source) func(string) string {
	if len(cfg.Secrets) == 0 {
		return nil
	}
	sent := redact.Strings(reflect.ValueOf(src), []string{cfg.HTTP.UserAgent})
	m := redact.NewPostingMask(redact.SentSecrets(cfg.Secrets, sent))
	if m.Empty() {
		return nil
	}
	return m.String
}

// importSource loads one source's history in one transaction, keying its
// postings and index entries with mask (the source's posting mask: the
// secrets its board was sent; nil: none), as the pipeline keys them.
func importSource(ctx context.Context, db *DB, hist *gitrepo.History, head *gitrepo.Commit, commits []*gitrepo.Commit, src config.Source, mask func(string) string) (ImportResult, error) {
	res := ImportResult{Source: src.Name}
	if db.Backend.HasSource(src.Name) {
		res.Skipped = "already has postings in the database"
		return res, nil
	}
	batches, err := sourceHistory(hist, commits, src, mask)
	if err != nil {
		return res, fmt.Errorf("import-git: source %q: %w", src.Name, err)
	}
	if len(batches) == 0 {
		res.Skipped = "no snapshot file in the history"
		return res, nil
	}
	last := &batches[len(batches)-1]
	last.State = &pgstore.State{}
	if b, ok, err := blobAt(hist, head, snapshot.IndexRel(src.Name)); err != nil {
		return res, fmt.Errorf("import-git: source %q: %w", src.Name, err)
	} else if ok {
		if idx, valid := snapshot.DecodeIndex(b); valid {
			// HEAD's index may be keyed by an older rule than the
			// postings now are (a folder never upgraded): its entries
			// move to today's keys, as snapshot.UpgradeKeys moves them
			if idx, moved := rekeyIndex(idx, headHashes(batches), mask); moved {
				if b, err = json.Marshal(idx); err != nil {
					return res, fmt.Errorf("import-git: source %q: index: %w", src.Name, err)
				}
			}
			last.State.Index, last.State.SetIndex = b, true
		}
	}
	if b, ok, err := blobAt(hist, head, snapshot.AdapterStateRel(src.Name)); err != nil {
		return res, fmt.Errorf("import-git: source %q: %w", src.Name, err)
	} else if ok {
		last.State.AdapterState, last.State.SetAdapterState = b, true
	}
	r, err := db.Store.ApplyAll(ctx, batches)
	if err != nil {
		return res, fmt.Errorf("import-git: source %q: %w", src.Name, err)
	}
	res.Commits, res.Versions = len(batches), r.Versions
	return res, nil
}

// headHashes is the hash each posting open at the end of batches is
// stored with (its last version's), by key.
func headHashes(batches []pgstore.Batch) map[string]string {
	out := map[string]string{}
	for _, b := range batches {
		for _, c := range b.Changes {
			if c.Kind == pgstore.Removed {
				delete(out, c.PostingID)
			} else {
				out[c.PostingID] = c.Hash
			}
		}
	}
	return out
}

// rekeyIndex moves the entries of an index kept under an older rule than
// today's keys to the keys snapshot.Key derives from the platform's ids
// they were kept under, as snapshot.UpgradeKeys does to a folder: stamps,
// missing counts and the index's counters kept; an entry already under
// its key stays, a moved one takes its key unless that is taken (the first
// old key by order wins), and takes the hash its posting was imported
// with (hashes: by key), so that the next run compares the same bytes.
// moved is false when every entry was under its key already.
func rekeyIndex(idx snapshot.Index, hashes map[string]string, mask func(string) string) (_ snapshot.Index, moved bool) {
	keys := make([]string, 0, len(idx.Postings))
	for k := range idx.Postings {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make(map[string]snapshot.Entry, len(idx.Postings))
	for _, k := range keys {
		if snapshot.KeyAsStored(model.UnKey(k), mask) == k {
			out[k] = idx.Postings[k]
		}
	}
	for _, k := range keys {
		nk := snapshot.KeyAsStored(model.UnKey(k), mask)
		if nk == k {
			continue
		}
		moved = true
		if _, taken := out[nk]; taken {
			continue
		}
		e := idx.Postings[k]
		if h, ok := hashes[nk]; ok {
			e.Hash = h
		}
		out[nk] = e
	}
	if !moved {
		return idx, false
	}
	idx.Postings = out
	return idx, true
}

// blobAt is the content of the file at rel (relative to the folder) in c.
func blobAt(hist *gitrepo.History, c *gitrepo.Commit, rel string) ([]byte, bool, error) {
	e, ok, err := hist.Lookup(c, rel)
	if err != nil || !ok || !e.File {
		return nil, false, err
	}
	b, err := hist.Blob(e.Hash)
	return b, err == nil, err
}

// sourceHistory is a batch per commit that changed the source's snapshot
// files, oldest first. Postings are followed by key, not by file name: a
// file moved to its key's name (snapshot.UpgradeKeys' commit) with the
// same posting in it is no change.
func sourceHistory(hist *gitrepo.History, commits []*gitrepo.Commit, src config.Source, mask func(string) string) ([]pgstore.Batch, error) {
	prev := map[string]fileAt{}    // file name -> blob, posting key
	prevIDs := map[string]fileAt{} // posting key -> its file
	var out []pgstore.Batch
	for _, c := range commits {
		files := map[string]gitrepo.Hash{}
		e, ok, err := hist.Lookup(c, src.Name)
		if err != nil {
			return nil, err
		}
		if ok && e.Dir {
			ents, err := hist.Folder(e.Hash)
			if err != nil {
				return nil, err
			}
			for _, f := range ents {
				if f.File && snapshot.IsPostingName(f.Name) {
					files[f.Name] = f.Hash
				}
			}
		}
		b := pgstore.Batch{Source: src.Name, SourceType: src.Type, At: c.When.UTC().Truncate(time.Microsecond)}
		names := make([]string, 0, len(files))
		for n := range files {
			names = append(names, n)
		}
		slices.Sort(names)
		cur := map[string]fileAt{}    // file name -> blob, posting key
		curIDs := map[string]fileAt{} // posting key -> its file
		for _, n := range names {
			f := fileAt{hash: files[n], name: n}
			if old, ok := prev[n]; ok && old.hash == f.hash {
				f = old
			} else {
				data, err := hist.Blob(f.hash)
				if err != nil {
					return nil, err
				}
				p, ok := snapshot.OwnFile(src.Name, n, data, mask)
				if !ok {
					continue // not a snapshot file of ours
				}
				// the canonical bytes of this build (a file of an older
				// format reads the same)
				canon, err := model.Encode(p)
				if err != nil {
					return nil, fmt.Errorf("commit %s: %s: %w", c.Hash, n, err)
				}
				f.id, f.canon, f.sum = p.ID, canon, model.Hash(data)
				if snapshot.PostingName(p.ID) != n {
					f.sum = model.Hash(canon) // its id was rewritten to its key
				}
			}
			cur[n] = f
			// two files of one posting (an older name beside the key's):
			// the one named after the key is it
			if other, dup := curIDs[f.id]; !dup || snapshot.PostingName(f.id) == n && other.name != n {
				curIDs[f.id] = f
			}
		}
		ids := make([]string, 0, len(curIDs))
		for id := range curIDs {
			ids = append(ids, id)
		}
		slices.Sort(ids)
		for _, id := range ids {
			f := curIDs[id]
			old, seen := prevIDs[id]
			if seen && (old.hash == f.hash || bytes.Equal(old.canon, f.canon)) {
				continue // unchanged, or only moved to its key's name
			}
			kind := pgstore.Changed
			if !seen {
				kind = pgstore.Added
			}
			b.Changes = append(b.Changes, pgstore.Change{PostingID: id, Kind: kind, Snapshot: f.canon, Hash: f.sum})
		}
		gone := make([]string, 0)
		for id := range prevIDs {
			if _, ok := curIDs[id]; !ok {
				gone = append(gone, id)
			}
		}
		slices.Sort(gone)
		for _, id := range gone {
			b.Changes = append(b.Changes, pgstore.Change{PostingID: id, Kind: pgstore.Removed})
		}
		if len(b.Changes) > 0 {
			out = append(out, b)
		}
		prev, prevIDs = cur, curIDs
	}
	return out, nil
}

type fileAt struct {
	hash  gitrepo.Hash
	name  string
	id    string
	canon []byte // the snapshot in this build's encoding
	sum   string // what the store keeps as its hash
}
