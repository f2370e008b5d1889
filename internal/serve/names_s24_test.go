package serve

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The names cache that answers posting reads of ids never held, and ends
// a posting's history walk at the oldest commit that held its file, holds, at
// every HEAD, every name some commit of the history had in the source's
// folder (it may hold a name only an amended-away commit had, never lack
// one), after random additions, removals, amends with and without a
// change, and commits touching no source; names never written are not in
// it; and every posting's history read with it is the one read walking the
// whole history (review s23 F5).
func TestNamesCacheHoldsEveryNameOfTheHistory(t *testing.T) {
	for seed := range uint64(4) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 24))
			dir := t.TempDir()
			sources := []string{"a", "b"}
			f, err := NewFolder(dir, []SourceConfig{{Name: "a", Type: "lever"}, {Name: "b", Type: "lever"}})
			if err != nil {
				t.Fatal(err)
			}
			uncached := *f
			uncached.names, uncached.walks = nil, nil
			repo, err := gitrepo.Open(dir)
			if err != nil {
				t.Fatal(err)
			}
			who := gitrepo.Author{Name: "w", Email: "w@localhost"}
			at := time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
			touch := func(rel string) string {
				path := filepath.Join(dir, rel)
				if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
					t.Fatal(err)
				}
				if rng.IntN(3) == 0 {
					_ = os.Remove(path) // a removal
					return path
				}
				content := []byte(fmt.Sprintf("{\"n\":%d}\n", rng.Int()))
				if src, name, ok := strings.Cut(rel, "/"); ok && src != ".watcher" {
					p := model.Posting{ID: strings.TrimSuffix(name, ".json"), Source: src, Title: fmt.Sprintf("Job %d", rng.IntN(4)), Role: "Software Engineer"}
					p.Canonical()
					var err error
					if content, err = model.Encode(p); err != nil {
						t.Fatal(err)
					}
				}
				if err := os.WriteFile(path, content, 0o644); err != nil {
					t.Fatal(err)
				}
				return path
			}
			posting := func() (string, string) {
				src := sources[rng.IntN(2)]
				return src, fmt.Sprintf("p%d.json", rng.IntN(6))
			}
			var head string
			for step := range 40 {
				at = at.Add(time.Minute)
				src, name := posting()
				var h string
				var ok bool
				switch k := rng.IntN(4); {
				case k == 0 && head != "":
					paths := []string{touch(".watcher/outbox/x.json")}
					if rng.IntN(2) == 0 {
						paths = append(paths, touch(src+"/"+name))
					}
					h, ok, err = repo.Amend(head, paths, at)
				case k == 1:
					h, ok, err = repo.Commit([]string{touch(".watcher/index/x.json")}, "state", who, at)
				default:
					h, ok, err = repo.Commit([]string{touch(src + "/" + name)}, src, who, at)
				}
				if err != nil {
					t.Fatalf("step %d: %v", step, err)
				}
				if ok {
					head = h
				}
				if head == "" || rng.IntN(3) == 0 {
					continue // not asked at every HEAD
				}
				hist, err := f.history()
				if err != nil || hist == nil {
					t.Fatalf("step %d: history: %v", step, err)
				}
				// the names of the history, read commit by commit
				want := map[string]map[string]bool{"a": {}, "b": {}}
				for c := hist.head; c != nil; {
					for _, s := range sources {
						dir, isDir, err := hist.entry(c, s)
						if err != nil {
							t.Fatal(err)
						}
						files, err := hist.folderFiles(dir, isDir)
						if err != nil {
							t.Fatal(err)
						}
						for n := range files {
							want[s][n] = true
						}
					}
					if c, err = hist.parent(c); err != nil {
						t.Fatal(err)
					}
				}
				for _, s := range sources {
					for i := range 8 { // p6, p7: never written
						name := fmt.Sprintf("p%d.json", i)
						_, got, err := hist.oldest(context.Background(), f.names, s, name)
						if err != nil {
							t.Fatal(err)
						}
						// a posting's history read with the cache (to the
						// oldest commit that held its file) is the one read
						// walking the whole history
						if rng.IntN(4) != 0 {
							continue // a quarter of them, at random
						}
						id := strings.TrimSuffix(name, ".json")
						fast, err := f.History(s, id)
						if err != nil {
							t.Fatal(err)
						}
						slow, err := uncached.History(s, id)
						if err != nil {
							t.Fatal(err)
						}
						fj, _ := json.Marshal(fast)
						sj, _ := json.Marshal(slow)
						if string(fj) != string(sj) {
							t.Fatalf("step %d: history of %s/%s with the cache:\n%v\nwalking it all:\n%v", step, s, id, fj, sj)
						}
						if want[s][name] && !got {
							t.Fatalf("step %d: %s/%s is in the history, not in the cache", step, s, name)
						}
						if i >= 6 && got {
							t.Fatalf("step %d: %s/%s was never written, the cache has it", step, s, name)
						}
					}
				}
			}
		})
	}
}
