package normalize

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// versionFile records a Version and the fingerprint of what that version
// makes of the in-repo postings (testdata/postings, the labelled set and the
// plain-text documents of the corpus).
var versionFile = filepath.Join("testdata", "version.txt")

// outputFingerprint normalizes every in-repo posting and hashes the
// snapshots (out) and the inputs (in).
func outputFingerprint(t *testing.T, n *Normalizer) (in, out string) {
	t.Helper()
	h, hi := sha256.New(), sha256.New()
	for _, name := range postingNames(t) {
		r := loadRaw(t, name)
		fmt.Fprintf(hi, "%s\n%s\n%s\n", name, r.Title, r.DescriptionHTML)
		b, err := model.Encode(n.Normalize("netflix-data-insights", "Netflix", r))
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
	}
	names, set := loadLabelled(t)
	for i := range set {
		r := set[i].raw()
		fmt.Fprintf(hi, "%s\n%+v\n", names[i], r)
		b, err := model.Encode(n.Normalize("labelled", "Company", r))
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(h, "%s\n", names[i])
		h.Write(b)
	}
	// the plain-text documents of the real-world corpus: only hashed,
	// never compared with their labels here
	files, _ := filepath.Glob(filepath.Join("..", "corpus", "testdata", "docs", "*.txt"))
	for _, f := range files {
		d, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(hi, "%s\n", filepath.Base(f))
		hi.Write(d)
		b, err := model.Encode(n.Normalize("corpus", "Company", model.Raw{Title: filepath.Base(f), DescriptionText: string(d)}))
		if err != nil {
			t.Fatal(err)
		}
		h.Write(b)
	}
	return hex.EncodeToString(hi.Sum(nil))[:16], hex.EncodeToString(h.Sum(nil))[:16]
}

// TestVersionFollowsOutput: stored postings are re-normalized (quietly, see
// internal/watch TestUpgradeStaysQuiet) only when Version changes, so a
// change of the extraction rules that changes any output must come with a
// new Version (bump rulesVersion). The taxonomy and the snapshot format
// change Version by themselves. After a deliberate change, record the new
// pair with go test ./internal/normalize -run TestVersionFollowsOutput -update.
func TestVersionFollowsOutput(t *testing.T) {
	n := normalizer(t)
	in, out := outputFingerprint(t, n)
	got := n.Version() + " " + in + " " + out + "\n"
	if *update {
		if err := os.WriteFile(versionFile, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	b, err := os.ReadFile(versionFile)
	if err != nil {
		t.Fatalf("%v (run go test -run TestVersionFollowsOutput -update)", err)
	}
	want := strings.Fields(string(b))
	if len(want) != 3 {
		t.Fatalf("%s: want \"version inputs outputs\", got %q (run go test -run TestVersionFollowsOutput -update)", versionFile, b)
	}
	const record = "record it with go test ./internal/normalize -run TestVersionFollowsOutput -update"
	switch {
	case n.Version() != want[0]:
		t.Errorf("Version is %s, %s recorded: %s", n.Version(), want[0], record)
	case in != want[1]:
		t.Errorf("the in-repo postings changed (inputs %s, were %s): %s", in, want[1], record)
	case out != want[2]:
		t.Errorf("the output changed (fingerprint %s, was %s) but Version is still %s: bump rulesVersion in normalize.go so that stored postings are re-normalized, then %s", out, want[2], n.Version(), record)
	}
}
