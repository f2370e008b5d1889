package serve

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// BenchmarkPostingHistory reads the page data of a posting added 10
// commits ago, and of an id never held, in a history of 400 commits
// (one posting each), with the names cache (the walk ends at the oldest
// commit that held the file) and without it (the walk goes to the
// history's start), in the same run; the cache's one read per HEAD is
// made before the loop:
//
//	go test ./internal/serve -run '^$' -bench BenchmarkPostingHistory -benchtime 20x
func BenchmarkPostingHistory(b *testing.B) {
	f := writeFolder(b, nil)
	repo, err := gitrepo.Open(f.Dir)
	if err != nil {
		b.Fatal(err)
	}
	st := &snapshot.Store{Dir: f.Dir}
	when := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
	const commits = 400
	for i := range commits {
		p := model.Posting{ID: fmt.Sprint(i), Title: fmt.Sprintf("Job %d", i), Source: "acme", Role: "Software Engineer"}
		p.Canonical()
		data, err := model.Encode(p)
		if err != nil {
			b.Fatal(err)
		}
		path := st.PostingPath("acme", p.ID)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		paths := []string{path}
		if i == 0 {
			// the source's index, as a run writes it: its keys are the
			// files' names (no key upgrade to look for)
			idx := filepath.Join(f.Dir, filepath.FromSlash(snapshot.IndexRel("acme")))
			if err := os.MkdirAll(filepath.Dir(idx), 0o755); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(idx, []byte(`{"normalizer":"x","generation":1,"postings":{"0":{}}}`), 0o644); err != nil {
				b.Fatal(err)
			}
			paths = append(paths, idx)
		}
		if _, ok, err := repo.Commit(paths, "acme: 1 added", gitrepo.Author{Name: "w", Email: "w@localhost"}, when.Add(time.Duration(i)*time.Minute)); err != nil || !ok {
			b.Fatalf("commit %d: %v %v", i, ok, err)
		}
	}
	uncached := *f
	uncached.names = nil
	for _, c := range []struct {
		name string
		f    *Folder
	}{{"cache", f}, {"walk", &uncached}} {
		for _, id := range []string{fmt.Sprint(commits - 10), "never"} {
			b.Run(c.name+"/"+id, func(b *testing.B) {
				// the cache is read once per source and HEAD: a read
				// before the loop (the loop measures the reads after it)
				if _, err := c.f.Detail(context.Background(), "acme", id); err != nil {
					b.Fatal(err)
				}
				for b.Loop() {
					d, err := c.f.Detail(context.Background(), "acme", id)
					if err != nil {
						b.Fatal(err)
					}
					if (id == "never") != (len(d.History) == 0) {
						b.Fatalf("history of %s: %d events", id, len(d.History))
					}
				}
			})
		}
	}
}
