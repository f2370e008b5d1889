package watch

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// TestQuietRunListsTheFolderOnce: a quiet run of a source whose postings
// carry no stamp (lever) compares every posting with its file, and asks
// each file's size of one listing of the folder. It listed the folder
// again for each posting (review s32 F1: 4,000 postings took 57 s, 10,000
// six minutes). Not parallel: the count is the process's.
func TestQuietRunListsTheFolderOnce(t *testing.T) {
	const n = 300
	var postings []map[string]any
	for i := range n {
		postings = append(postings, map[string]any{"id": fmt.Sprintf("p%d", i), "text": fmt.Sprintf("Data Engineer %d", i),
			"hostedUrl": fmt.Sprintf("https://jobs.lever.co/acme/p%d", i), "descriptionPlain": "Requirements: Python and SQL."})
	}
	body, err := json.Marshal(postings)
	if err != nil {
		t.Fatal(err)
	}
	cfg := leverConfig(t, nil, leverPage(func() []byte { return body }), leverBoards("acme"))
	if res := runQuiet(t, cfg); res.Sources[0].Added != n {
		t.Fatalf("first run: %d added, want %d", res.Sources[0].Added, n)
	}
	before := snapshot.FolderListings()
	res := runQuiet(t, cfg)
	if s := res.Sources[0]; s.Added+s.Changed+s.Removed != 0 {
		t.Fatalf("quiet run changed something: %+v", s)
	}
	if got := snapshot.FolderListings() - before; got > 3 {
		t.Errorf("a quiet run of %d postings listed the source folder %d times, want at most 3", n, got)
	}
}
