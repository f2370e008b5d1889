package fleet

import (
	"bytes"
	"errors"
	"log/slog"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/pgstore"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

// A job's run may apply, as the last writer, another job's batch that the
// database refuses: the refusal is logged under that source's name, and
// this job's own source, which was written, is done (review s27: the
// refusal was logged under the job's source).
func TestPollFinishNamesTheRefusedSource(t *testing.T) {
	var buf bytes.Buffer
	p := &pollWorker{log: slog.New(slog.NewTextHandler(&buf, nil))}
	werr := &pgstore.WriteError{Sources: []pgstore.SourceError{{Source: "other", Err: errors.New("refused by the database")}}}
	res := watch.Result{Sources: []watch.SourceResult{{Source: "mine", Added: 2}}}
	if err := p.finish("mine", res, werr); err != nil {
		t.Fatalf("finish: %v, want done (its own source was written)", err)
	}
	logs := buf.String()
	if !strings.Contains(logs, `source=other error="refused by the database"`) {
		t.Errorf("logs lack the refusal under the refused source:\n%s", logs)
	}
	if strings.Contains(logs, "refused the write: recorded failing\" source=mine") {
		t.Errorf("the refusal is logged under the job's own source:\n%s", logs)
	}
	if !strings.Contains(logs, "poll_source: done\" source=mine added=2") {
		t.Errorf("logs lack the job's own source done:\n%s", logs)
	}

	// its own source refused: logged under it, and done for River (the
	// failure is recorded; the next poll is the schedule's)
	buf.Reset()
	werr = &pgstore.WriteError{Sources: []pgstore.SourceError{{Source: "mine", Err: errors.New("refused")}}}
	if err := p.finish("mine", watch.Result{}, werr); err != nil {
		t.Fatalf("finish: %v, want nil (recorded failing)", err)
	}
	if !strings.Contains(buf.String(), "recorded failing\" source=mine") {
		t.Errorf("logs lack the refusal of its own source:\n%s", buf.String())
	}

	// joined with the run's own failure: the job fails
	if err := p.finish("mine", watch.Result{}, errors.Join(errors.New("fetch: connection refused"), werr)); err == nil {
		t.Error("finish: nil for a run that failed itself, want its error (River retries)")
	}
}
