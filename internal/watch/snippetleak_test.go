package watch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net/http"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// A board that answers with something else than its listing, echoing the
// key it was sent across the 60 bytes an error shows of the body ("body
// starts ..."), leaks no piece of the key: not in its source.failed
// event, nor in the log once masked as the command masks it.
func TestCutBodyExcerptLeaksNoPartOfAKey(t *testing.T) {
	t.Parallel()
	const key = "sk_live_9f8e7d6c5b4a39281706f5e4d3c2b1a0ffee"
	cfg := keyedLever(t, map[string]string{"KEY": key}, "guard: {fail_after: 1}\n", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `{"jobs":{"error":"invalid key","key":"%s"}}`, r.URL.Query().Get("api_key"))
	})
	var logs bytes.Buffer
	r, err := New(cfg, Options{Logger: slog.New(slog.NewJSONHandler(&logs, nil)), Retry: retry.Policy{Attempts: 1}})
	if err != nil {
		t.Fatal(err)
	}
	res, err := r.Run(context.Background(), cfg.Sources)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Failed() {
		t.Fatalf("the source did not fail: %+v", res.Sources)
	}
	// (the source's error and the log are the raw ones: the command
	// masks what it prints, see internal/cli)
	evs, err := json.Marshal(res.Events)
	if err != nil {
		t.Fatal(err)
	}
	texts := []string{string(evs), r.red.Text(logs.String())}
	if !strings.Contains(string(evs), "body starts") {
		t.Fatalf("no event shows the body's start: %s", evs)
	}
	for _, s := range texts {
		// any 12 bytes of the key (the redactor's shortest cut mask is
		// longer): the excerpt cut it after 22
		for i := 0; i+12 <= len(key); i++ {
			if strings.Contains(s, key[i:i+12]) {
				t.Errorf("a piece of the key (%q) in %q", key[i:i+12], s)
				break
			}
		}
	}
}
