package notify

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/atomicfile"
)

// An outbox file that is a symbolic link (committed by someone else to a
// shared snapshot repository, or swapped in after the folder was listed)
// is never read through: readEntry refuses it, naming the link, as the
// store's reads do (atomicfile.CheckPath), and so does an outbox folder
// that is a link under a confined snapshot folder; PendingIn does not
// count it.
func TestOutboxEntryThroughALinkIsRefused(t *testing.T) {
	base := t.TempDir()
	outside := filepath.Join(base, "outside.json")
	body := `{"id":"abc","event":{"type":"posting.added","data":{"source":"nf"}},"owed":["hooks"],"created":"2026-01-01T00:00:00Z","attempts":0}`
	if err := os.WriteFile(outside, []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := readEntry(filepath.Dir(outside), outside); err != nil {
		t.Fatalf("a plain entry: %v", err)
	}
	dir := filepath.Join(base, "outbox")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "abc.json")
	if err := os.Symlink(outside, link); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	var se *atomicfile.SymlinkError
	if _, err := readEntry(dir, link); !errors.As(err, &se) || se.Path != link {
		t.Fatalf("readEntry through a link: %v; want a SymlinkError naming %s", err, link)
	}
	if got, err := PendingIn(dir); err != nil || len(got) != 0 {
		t.Fatalf("PendingIn counted a link: %v, %v", got, err)
	}

	// the outbox folder itself a link, under a confined snapshot folder
	root := filepath.Join(base, "snaps")
	real := filepath.Join(base, "elsewhere")
	if err := os.MkdirAll(filepath.Join(root, ".watcher"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(real, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(real, "abc.json"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	box := filepath.Join(root, ".watcher", "outbox")
	if err := os.Symlink(real, box); err != nil {
		t.Fatal(err)
	}
	atomicfile.Confine(root)
	if _, err := readEntry(box, filepath.Join(box, "abc.json")); !errors.As(err, &se) || se.Path != box {
		t.Fatalf("readEntry in a linked outbox folder: %v; want a SymlinkError naming %s", err, box)
	}
}
