package snapshot

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// The key of an id a stored snapshot holds is that id when a run made it
// (Key's keys are StoredKey's fixed points), and every store derives it
// alike: trimmed, escaped only when not storable, masked.
func TestStoredKeyOfAKeyIsTheKey(t *testing.T) {
	mask := strings.NewReplacer("sk_live_K3y", "[redacted:KEY]").Replace
	for _, raw := range []string{"42", " 42 ", "\u2028ls", "a\x00b", "a\xffb", model.KeyMark + "x", "50%off", "job-sk_live_K3y-1", "  " + model.KeyMark + "%00 "} {
		k := Key(raw, mask)
		if got := StoredKey(k, mask); got != k {
			t.Errorf("StoredKey(Key(%q)) = %q, want %q", raw, got, k)
		}
		if got := Key(model.UnKey(k), mask); got != k {
			t.Errorf("Key(UnKey(Key(%q))) = %q, want %q", raw, got, k)
		}
		if !model.Storable(k) || strings.TrimSpace(k) != k || strings.Contains(k, "sk_live_K3y") {
			t.Errorf("Key(%q) = %q: not trimmed, storable and masked", raw, k)
		}
	}
	if got := StoredKey(" 42 ", nil); got != "42" {
		t.Errorf("StoredKey(' 42 ') = %q", got)
	}
}

// A snapshot file named by the rule before d86d7b3 (after the listing's
// id, untrimmed) is still its source's posting, under its key; a file of
// another source named otherwise is not.
func TestOwnFileTakesOldNames(t *testing.T) {
	p := model.Posting{ID: "42", Source: "lv", Title: "Analyst"}
	data, err := model.Encode(p)
	if err != nil {
		t.Fatal(err)
	}
	old := PostingName(model.PostingKey(" 42 "))
	if old == PostingName("42") {
		t.Fatalf("the old name %q is the new one", old)
	}
	got, ok := OwnFile("lv", old, data, nil)
	if !ok || got.ID != "42" {
		t.Errorf("OwnFile(%q) = %q, %v", old, got.ID, ok)
	}
	if _, ok := OwnFile("other", old, data, nil); ok {
		t.Errorf("a misnamed file of another source taken")
	}
	if _, ok := OwnFile("lv", "README.md", data, nil); ok {
		t.Errorf("README.md taken")
	}
}
