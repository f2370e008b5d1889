package fleet

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/pgstore"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// ExportResult is what ExportGit changed in the folder.
type ExportResult struct {
	Sources          int    // sources exported
	Written, Removed int    // posting files written (new or changed), removed
	Commit           string // the commit made; "": nothing changed
	// Repaired is set when the last export stopped (killed) after writing
	// files and before its commit: this one committed them too.
	Repaired bool
}

// ExportGit mirrors the database into the snapshot folder dir, committed
// to its own git repository (made when missing), in the files store's
// format, written by the snapshot package: for every configured source,
// a file per open posting (written when its bytes differ), none for a
// posting no longer open, the README, the index, the validators and the
// adapter state. All of it is one commit, made only when something
// changed; the folder's writer lock is held meanwhile (a run of the files
// store on the same folder is refused). It mirrors the current state: the
// database's history stays in its versions table.
//
// The database is read in one REPEATABLE READ transaction (a moment of
// it, however the workers write meanwhile). The folder carries the run
// marker of the files store while files are written and until they are
// committed: an export killed in between leaves it, and the next export
// (or a run of the files store on the folder) sees it and commits what
// differs from HEAD with its own changes, deletions included, as a run
// finishes an interrupted run.
func ExportGit(ctx context.Context, db *DB, cfg *config.Config, dir string, now time.Time) (ExportResult, error) {
	var res ExportResult
	lock, err := snapshot.AcquireLock(ctx, dir, 0, "export-git", nil)
	if err != nil {
		return res, fmt.Errorf("export-git: %s: %w", dir, err)
	}
	defer lock.Release()
	store, err := snapshot.Open(dir)
	if err != nil {
		return res, fmt.Errorf("export-git: %w", err)
	}
	repo, err := gitrepo.OpenOwn(store.Dir)
	if err != nil {
		return res, fmt.Errorf("export-git: %s: %w", dir, err)
	}
	paths := []string{store.IgnorePath()}
	if interrupted, since := store.Interrupted(); interrupted {
		// the files of the export that died are on disk, some perhaps
		// equal to the database's now (not written again below): commit
		// whatever differs from HEAD, and git's lock files it left
		if _, err := repo.RemoveLocksSince(since.Add(-time.Second)); err != nil {
			return res, fmt.Errorf("export-git: git: %w", err)
		}
		changed, err := repo.ChangedSince("")
		if err != nil {
			return res, fmt.Errorf("export-git: git: %w", err)
		}
		// only the watcher's own files: never a user's file of the
		// folder (an .env its .gitignore excludes), as a run's recovery
		configured := map[string]bool{}
		for _, src := range cfg.Sources {
			configured[src.Name] = true
		}
		source := func(name string) bool { return configured[name] }
		for _, p := range changed {
			if abs := filepath.Join(repo.Root(), filepath.FromSlash(p)); store.Owned(abs, source) {
				paths = append(paths, abs)
			}
		}
		res.Repaired = true
	}
	snap, end, err := db.Backend.Snapshot(ctx)
	if err != nil {
		return res, fmt.Errorf("export-git: %w", err)
	}
	defer end()
	if err := store.BeginWrite(); err != nil {
		return res, fmt.Errorf("export-git: %w", err)
	}
	for _, src := range cfg.Sources {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		p, err := exportSource(snap, store, src.Name, &res)
		if err != nil {
			return res, fmt.Errorf("export-git: source %q: %w", src.Name, err)
		}
		paths = append(paths, p...)
		res.Sources++
	}
	msg := fmt.Sprintf("watcher: export from the database (%s: %s written, %d removed)\n", plural(res.Sources, "source"), plural(res.Written, "file"), res.Removed)
	if res.Repaired {
		msg += "\nThe previous export stopped after writing files and before committing them: they are committed here too.\n"
	}
	hash, committed, err := repo.Commit(paths, msg, gitrepo.Author{Name: cfg.Git.AuthorName(), Email: cfg.Git.AuthorEmail()}, now)
	if err != nil {
		return res, fmt.Errorf("export-git: git: %w", err)
	}
	if committed {
		res.Commit = hash
	}
	if err := store.EndWrite(); err != nil {
		return res, fmt.Errorf("export-git: %w", err)
	}
	return res, nil
}

// exportSource writes one source's files; it returns the paths for the
// commit.
func exportSource(db *pgstore.Backend, store *snapshot.Store, source string, res *ExportResult) ([]string, error) {
	if err := store.CheckSourceDir(source); err != nil {
		return nil, err
	}
	want, err := db.Snapshots(source)
	if err != nil {
		return nil, err
	}
	idx, err := db.PeekIndex(source)
	if err != nil {
		return nil, err
	}
	if len(want) == 0 && len(idx.Postings) == 0 && !db.HasIndex(source) {
		// never run on the database (migrated, not yet imported): the
		// folder's files are not the database's to remove
		return nil, nil
	}
	// the files there now, by name
	have := map[string][]byte{}
	if err := store.EachFile(source, func(name string, data []byte) error {
		have[name] = data
		return nil
	}); err != nil {
		return nil, err
	}
	var paths []string
	writes := map[string][]byte{}
	var removes []string
	for id, data := range want {
		name := snapshot.PostingName(id)
		old, ok := have[name]
		delete(have, name)
		if ok && bytes.Equal(old, data) {
			continue
		}
		p, err := store.WritePosting(source, id, data)
		if err != nil {
			return nil, err
		}
		writes[id] = data
		paths = append(paths, p)
		res.Written++
	}
	for name, data := range have { // open in the folder, not in the database
		p, err := store.RemoveFileNamed(source, name)
		if err != nil {
			return nil, err
		}
		if post, err := model.Decode(data); err == nil {
			removes = append(removes, post.ID)
		} // unreadable: the README's rows are rebuilt from the files
		paths = append(paths, p)
		res.Removed++
	}
	p, err := store.SaveIndex(source, idx)
	if err != nil {
		return nil, err
	}
	paths = append(paths, p)
	readme, err := store.WriteReadme(source, writes, removes, idx)
	var foreign *snapshot.ForeignReadmeError
	if err != nil && !errors.As(err, &foreign) {
		return nil, err // a README.md of the folder's owner is kept (snapshot.ForeignReadmeError)
	}
	paths = append(paths, readme...)
	if v := db.LoadValidators(source); v != nil {
		p, err := store.SaveValidators(source, v)
		if err != nil {
			return nil, err
		}
		if p != "" {
			paths = append(paths, p)
		}
	}
	if st := db.LoadAdapterState(source); st != nil {
		p, _, err := store.SaveAdapterState(source, st)
		if err != nil {
			return nil, err
		}
		if p != "" {
			paths = append(paths, p)
		}
	}
	return paths, nil
}

// plural is "1 source", "2 sources", "0 sources".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}
