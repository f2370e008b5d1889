package gitrepo

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestDamagedRefIsRefused: a branch whose ref file is empty or garbage (a
// power loss after a ref update), whose packed-refs file is empty, or whose
// ref is gone while its reflog records commits is not taken for an unborn
// branch: Commit fails naming the file, and makes no new root commit that
// would orphan the history. A new repository's first commit still works.
func TestDamagedRefIsRefused(t *testing.T) {
	author := Author{Name: "w", Email: "w@example.com"}
	setup := func(t *testing.T) (*Repo, string) {
		dir := t.TempDir()
		r, err := OpenOwn(dir)
		if err != nil {
			t.Fatal(err)
		}
		for i, name := range []string{"a.json", "b.json"} {
			if err := os.WriteFile(filepath.Join(dir, name), []byte(name), 0o644); err != nil {
				t.Fatal(err)
			}
			if _, ok, err := r.Commit([]string{name}, "add "+name, author, time.Unix(int64(1_700_000_000+i), 0)); err != nil || !ok {
				t.Fatalf("commit %s: %v %v", name, ok, err)
			}
		}
		h, err := r.resolveHead()
		if err != nil {
			t.Fatal(err)
		}
		return r, r.refPath(h.ref)
	}
	cases := map[string]func(t *testing.T, r *Repo, ref string) string{
		"empty ref": func(t *testing.T, r *Repo, ref string) string {
			os.WriteFile(ref, nil, 0o644)
			return ref
		},
		"garbage ref": func(t *testing.T, r *Repo, ref string) string {
			os.WriteFile(ref, []byte("not a hash\n"), 0o644)
			return ref
		},
		"empty packed-refs": func(t *testing.T, r *Repo, ref string) string {
			os.Remove(ref)
			p := filepath.Join(r.commonDir, "packed-refs")
			os.WriteFile(p, nil, 0o644)
			return p
		},
		"ref gone, reflog left": func(t *testing.T, r *Repo, ref string) string {
			rel, _ := filepath.Rel(r.commonDir, ref)
			log := filepath.Join(r.commonDir, "logs", rel)
			os.MkdirAll(filepath.Dir(log), 0o755)
			os.WriteFile(log, []byte(strings.Repeat("0", 40)+" "+strings.Repeat("1", 40)+" w <w@example.com> 1700000000 +0000\tcommit: x\n"), 0o644)
			os.Remove(ref)
			return ref
		},
	}
	for name, damage := range cases {
		t.Run(name, func(t *testing.T) {
			r, ref := setup(t)
			file := damage(t, r, ref)
			os.WriteFile(filepath.Join(r.root, "c.json"), []byte("c"), 0o644)
			// a new process, as the next run is
			r2, err := OpenOwn(r.root)
			if err == nil {
				_, ok, cerr := r2.Commit([]string{"c.json"}, "add c", author, time.Unix(1_700_000_100, 0))
				if cerr == nil {
					t.Fatalf("commit on a damaged branch succeeded (committed=%v): a new history", ok)
				}
				err = cerr
			}
			if !strings.Contains(err.Error(), file) {
				t.Errorf("error does not name %s: %v", file, err)
			}
		})
	}
	t.Run("new repository", func(t *testing.T) {
		setup(t) // its first commit is on an unborn branch
	})
}
