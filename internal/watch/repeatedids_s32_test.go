package watch

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
)

// TestRepeatedLeverIDsDoNotFlap: a Lever listing that repeats an id with
// other content keeps the same copy whatever the order, with a warning,
// and a reorder is no change (review s32 F2: the first copy was kept
// silently, and each reorder sent posting.changed).
func TestRepeatedLeverIDsDoNotFlap(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	order := []string{"A", "B", "C"}
	board := leverPage(func() []byte {
		mu.Lock()
		defer mu.Unlock()
		var items []string
		for _, x := range order {
			items = append(items, fmt.Sprintf(`{"id":"same","text":"Engineer %s","hostedUrl":"https://jobs.lever.co/acme/same","descriptionPlain":"Requirements: Python."}`, x))
		}
		items = append(items, `{"id":"other","text":"Analyst","hostedUrl":"https://jobs.lever.co/acme/other","descriptionPlain":"Requirements: SQL."}`)
		return []byte("[" + strings.Join(items, ",") + "]")
	})
	cfg := leverConfig(t, nil, board, leverBoards("acme"))
	var logs bytes.Buffer
	r := quietRunner(t, cfg, Options{Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	res, err := r.Run(context.Background(), cfg.Sources)
	if err != nil || res.Failed() || res.Sources[0].Added != 2 {
		t.Fatalf("first run: %v %+v", err, res.Sources)
	}
	if !strings.Contains(logs.String(), "listing repeats posting ids") {
		t.Errorf("no warning of the repeated id:\n%s", logs.String())
	}
	for _, o := range [][]string{{"C", "B", "A"}, {"B", "C", "A"}, {"A", "B", "C"}} {
		mu.Lock()
		order = o
		mu.Unlock()
		res := runQuiet(t, cfg)
		if s := res.Sources[0]; s.Added+s.Changed+s.Removed != 0 {
			t.Fatalf("order %v: %d added, %d changed, %d removed", o, s.Added, s.Changed, s.Removed)
		}
	}
}
