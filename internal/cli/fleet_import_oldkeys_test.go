package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// TestImportGitOldKeys: a folder written before posting keys were trimmed
// (its file and its index entry under the untrimmed id " 1 ", the
// snapshot's id "1") imports as the posting "1", index included: the
// database run after it finds nothing new and nothing gone.
func TestImportGitOldKeys(t *testing.T) {
	s := newImportGitSetup(t, acmeSource)
	dsn, dir := s.dsn, s.dir

	// the folder as a build before the trimmed keys left it: posting 1's
	// file and index entry under the key of " 1 "
	snaps := filepath.Join(dir, "snaps")
	oldKey := model.PostingKey(" 1 ")
	if snapshot.Key(model.UnKey(oldKey), nil) == oldKey {
		t.Fatalf("%q is a key of today", oldKey)
	}
	oldName := snapshot.PostingName(oldKey)
	git := func(args ...string) {
		t.Helper()
		cmd := exec.Command("git", append([]string{"-C", snaps, "-c", "user.name=t", "-c", "user.email=t@example.com"}, args...)...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v\n%s", args, err, out)
		}
	}
	git("mv", filepath.Join("acme", "1.json"), filepath.Join("acme", oldName))
	ip := filepath.Join(snaps, snapshot.IndexRel("acme"))
	b, err := os.ReadFile(ip)
	if err != nil {
		t.Fatal(err)
	}
	var idx map[string]json.RawMessage
	if err := json.Unmarshal(b, &idx); err != nil {
		t.Fatal(err)
	}
	var postings map[string]json.RawMessage
	if err := json.Unmarshal(idx["postings"], &postings); err != nil {
		t.Fatal(err)
	}
	if _, ok := postings["1"]; !ok {
		t.Fatalf("index has no entry 1: %s", b)
	}
	postings[oldKey] = postings["1"]
	delete(postings, "1")
	if idx["postings"], err = json.Marshal(postings); err != nil {
		t.Fatal(err)
	}
	if b, err = json.Marshal(idx); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(ip, b, 0o644); err != nil {
		t.Fatal(err)
	}
	git("add", "-A")
	git("commit", "-q", "-m", "acme: as an older build keyed it")

	fleetCfg := s.fleet
	code, stdout, stderr := runIn(t, fleetCfg, "import-git")
	if code != 0 || stdout != "acme: 1 commit, 2 versions\n" {
		t.Fatalf("import-git: exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, stderr = runIn(t, fleetCfg, "run")
	if code != 0 || strings.Contains(stdout, "acme:") || !strings.Contains(stdout, "database: 0 versions") { // a quiet source prints no line (review s33 F10)
		t.Fatalf("run after import-git: exit %d\n%s\n%s", code, stdout, stderr)
	}
	if c := rowCounts(t, dsn); c["postings"] != 2 || c["versions"] != 2 || c["events"] != 0 {
		t.Fatalf("the run after import-git wrote: %v", c)
	}
}
