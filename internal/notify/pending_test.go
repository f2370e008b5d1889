package notify

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

func TestPendingInReadsTheOutboxFolder(t *testing.T) {
	dir := t.TempDir()
	if got, err := PendingIn(filepath.Join(dir, "missing")); err != nil || len(got) != 0 {
		t.Fatalf("missing folder: %v %v", got, err)
	}
	for name, body := range map[string]string{
		"a.json":      `{"owed":["slack","email"],"event":{"data":{"source":"nf"}}}`,
		"b.json":      `{"owed":["slack"],"event":{"data":{"source":"nf"}}}`,
		"c.json":      `{"owed":["slack"],"event":{"data":{"source":"acme"}}}`,
		"bad.json":    `{broken`,
		".tmp-x.json": `{"owed":["slack"],"event":{"data":{"source":"nf"}}}`,
		"notes.txt":   `{"owed":["slack"],"event":{"data":{"source":"nf"}}}`,
		"sub.json/x":  ``,
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := PendingIn(dir)
	want := map[string]map[string]int{"nf": {"slack": 2, "email": 1}, "acme": {"slack": 1}}
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("PendingIn = %v, %v; want %v", got, err, want)
	}
	if n := DepthIn(dir); n != 4 { // a, b, c and the unreadable one
		t.Fatalf("DepthIn = %d, want 4", n)
	}
}
