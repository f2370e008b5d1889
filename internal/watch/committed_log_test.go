package watch

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"testing"

	"github.com/go-git/go-git/v5"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// The last "committed" log line of a run names the commit in the history:
// after delivery folds the outbox files into the run's commit (an amend),
// the amended commit, not the one it replaced.
func TestCommittedLogNamesTheCommitInTheHistory(t *testing.T) {
	t.Parallel()
	nf := fake.New(t, "netflix.com", []fake.Job{job(1)})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		io.Copy(io.Discard, r.Body)
	}))
	t.Cleanup(srv.Close)
	var logs bytes.Buffer
	r, cfg := deliveryRunner(t, nf, srv.URL, &logs)
	run(t, r, cfg)
	lines := regexp.MustCompile(`msg=committed commit=([0-9a-f]+)`).FindAllStringSubmatch(logs.String(), -1)
	if len(lines) == 0 {
		t.Fatalf("no committed line:\n%s", logs.String())
	}
	repo, err := git.PlainOpen(cfg.Snapshots)
	if err != nil {
		t.Fatal(err)
	}
	head, err := repo.Head()
	if err != nil {
		t.Fatal(err)
	}
	if last := lines[len(lines)-1][1]; head.Hash().String()[:len(last)] != last {
		t.Errorf("last committed line names %s, HEAD is %s:\n%s", last, head.Hash(), logs.String())
	}
}
