package serve

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
)

// The sources' last changes, read through the cache that status and
// /metrics use (one walk per HEAD, then from the new HEAD back to the
// cached one or, after an amend, its parent), are what a walk of the
// whole history says, after random commits to random sources, amends of
// the last commit with and without a change of a source, and commits
// touching no source (review s23 F11).
func TestCachedLastChangesFollowTheHistory(t *testing.T) {
	for seed := range uint64(6) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 23))
			dir := t.TempDir()
			sources := []string{"a", "b", "c", "quiet"}
			var scs []SourceConfig
			for _, s := range sources {
				scs = append(scs, SourceConfig{Name: s, Type: "lever"})
			}
			f, err := NewFolder(dir, scs)
			if err != nil {
				t.Fatal(err)
			}
			repo, err := gitrepo.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			who := gitrepo.Author{Name: "w", Email: "w@localhost"}
			at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
			write := func(rel string) string {
				path := filepath.Join(dir, rel)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(path, []byte(fmt.Sprintf("{\"n\":%d}\n", rng.Int())), 0o644); err != nil {
					t.Fatal(err)
				}
				return path
			}
			var head string
			for step := range 40 {
				at = at.Add(time.Minute)
				src := sources[rng.IntN(3)] // never "quiet"
				switch k := rng.IntN(4); {
				case k == 0 && head != "":
					// an amend of the last commit, with or without a source's change
					paths := []string{write(".watcher/outbox/x.json")}
					if rng.IntN(2) == 0 {
						paths = append(paths, write(src+"/1.json"))
					}
					h, done, err := repo.Amend(head, paths, at)
					if err != nil || !done {
						t.Fatalf("step %d: amend: %v %v", step, done, err)
					}
					head = h
				case k == 1:
					h, ok, err := repo.Commit([]string{write(".watcher/index/x.json")}, "state", who, at)
					if err != nil || !ok {
						t.Fatalf("step %d: commit: %v %v", step, ok, err)
					}
					head = h
				default:
					h, ok, err := repo.Commit([]string{write(src + "/" + fmt.Sprint(rng.IntN(3)) + ".json")}, src, who, at)
					if err != nil || !ok {
						t.Fatalf("step %d: commit: %v %v", step, ok, err)
					}
					head = h
				}
				if rng.IntN(3) == 0 {
					continue // status not asked at every HEAD
				}
				hist, err := f.history()
				if err != nil || hist == nil {
					t.Fatalf("step %d: history: %v", step, err)
				}
				for _, s := range sources {
					want, wok, err := hist.lastChange(s)
					if err != nil {
						t.Fatal(err)
					}
					got, gok, err := hist.lastChangeCached(f.changes, f.sourceNames(), s)
					if err != nil {
						t.Fatal(err)
					}
					if gok != wok || !got.Equal(want) {
						t.Fatalf("step %d, source %s: cached %v %v, walked %v %v", step, s, got, gok, want, wok)
					}
				}
			}
		})
	}
}
