package pgstore

import (
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// The database keys an imported posting as the files store does
// (snapshot.StoredKey): trimmed, escaped only when not storable, and a key
// the pipeline made (snapshot.Key) unchanged.
func TestStorableIDIsTheFilesKey(t *testing.T) {
	for _, id := range []string{" 42 ", "42", "a\x00b", model.KeyMark + "x", "\u2028ls"} {
		if got, want := storableID(id), snapshot.StoredKey(id, nil); got != want {
			t.Errorf("storableID(%q) = %q, want %q", id, got, want)
		}
		k := snapshot.Key(id, nil)
		if got := storableID(k); got != k {
			t.Errorf("storableID(%q) = %q: a key changed", k, got)
		}
	}
	if got := storableID(" 42 "); got != "42" {
		t.Errorf("storableID(' 42 ') = %q, want 42", got)
	}
}
