package pgstore

import (
	"errors"
	"fmt"
	"testing"
)

// A run whose only error is the database's refusal is recorded failing
// and done; a refusal joined with the run's own failure, or wrapped in
// it, leaves the run failed (run_db's exit status, the worker's retry).
func TestAsWriteErrorTellsARefusalAloneFromARunsFailure(t *testing.T) {
	werr := &WriteError{Sources: []SourceError{{Source: "acme", Err: errors.New("refused")}}}
	runErr := errors.New("source beta: fetch: connection refused")
	for _, tc := range []struct {
		name      string
		err       error
		found     bool
		wantAlone bool
	}{
		{"none", nil, false, false},
		{"run's own", runErr, false, false},
		{"refusal alone", werr, true, true},
		{"joined with the run's failure", errors.Join(runErr, werr), true, false},
		{"wrapped", fmt.Errorf("run: %w", werr), true, false},
	} {
		got, alone := AsWriteError(tc.err)
		if (got != nil) != tc.found || alone != tc.wantAlone {
			t.Errorf("%s: found %v alone %v, want found %v alone %v", tc.name, got != nil, alone, tc.found, tc.wantAlone)
		}
		if got != nil && got != werr {
			t.Errorf("%s: a WriteError other than the run's", tc.name)
		}
	}
}
