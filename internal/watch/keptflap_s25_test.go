package watch

import (
	"bytes"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Review s25 K1: the page digests of the interface a tenant answered
// through before (apply) stay in the validators after a run through the
// other one (pcsx), while the listed postings' digest is the newer run's.
// A tenant that goes back (a flapping tenant, one that returns after a
// migration) answers apply pages byte-identical to those stale records: the
// run keeps the pcsx snapshots undecoded. That run is the switch: the full
// path would have read each posting through apply (stamps of the other
// form) and compared.
//
// Here the title changed while the tenant answered pcsx (reported), and
// went back to what it was when the tenant answers apply again: the board
// shows the old title, the snapshot keeps the new one, and no event says
// so.
func TestReview25_KeptListingAcrossInterfaceSwitchHidesRevert(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	js := jobs(3)
	nf := fake.New(t, "netflix.com", js)
	nf.SetInterfaces(fake.ApplyOnly)
	r, cfg := keptRunner(t, nf, 2, &logs)
	if res := run(t, r, cfg); res.Sources[0].Added != 3 {
		t.Fatalf("first run (apply): %+v", res.Sources[0])
	}

	// the tenant answers pcsx; a title changes meanwhile
	changed := append([]fake.Job(nil), js...)
	changed[0].Name, changed[0].TUpdate = "Staff Data Scientist (L6)", js[0].TUpdate+1
	nf.SetJobs(changed)
	nf.SetInterfaces(fake.PCSXOnly)
	if res := run(t, r, cfg); res.Sources[0].Changed != 1 {
		t.Fatalf("pcsx run with the title changed: %+v", res.Sources[0])
	}

	// back on apply, the title back as it was: the apply pages are the
	// first run's, byte for byte
	nf.SetJobs(js)
	nf.SetInterfaces(fake.ApplyOnly)
	if f := fetchOne(t, r, cfg); f.sameListing {
		t.Errorf("the switching run back to apply kept the pcsx snapshots undecoded (stale apply page records)")
	}
	res := run(t, r, cfg)
	if s := res.Sources[0]; s.Changed != 1 {
		t.Errorf("the title went back (Staff Data Scientist (L6) -> Data Scientist 1 (L4)): %+v, want 1 changed", s)
	}
	_, raw, err := snapStore(t, cfg).Read("nf", "101")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(raw, []byte("Data Scientist 1 (L4)")) {
		t.Errorf("the snapshot keeps the title the board no longer shows:\n%s", raw)
	}
}

// Review s25 K1, the quiet form: apply -> pcsx -> apply with nothing
// changed. The run back on apply keeps the pcsx snapshots (their pcsx
// stamps) undecoded and saves apply as the interface: it is the switch,
// but no posting is read through apply. When one posting's apply listing
// then changes, every other posting's stamp differs too (pcsx stamps
// against apply ones) and its detail is read, in a run that is no switch.
func TestReview25_KeptListingAcrossInterfaceSwitchDefersTheSwitch(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	js := jobs(3)
	nf := fake.New(t, "netflix.com", js)
	nf.SetInterfaces(fake.ApplyOnly)
	r, cfg := keptRunner(t, nf, 2, &logs)
	run(t, r, cfg)
	nf.SetInterfaces(fake.PCSXOnly)
	run(t, r, cfg)
	nf.SetInterfaces(fake.ApplyOnly)
	if f := fetchOne(t, r, cfg); f.sameListing {
		t.Errorf("the switching run back to apply kept the pcsx snapshots undecoded")
	}
	run(t, r, cfg)
	js[2].Name, js[2].TUpdate = "Senior Data Scientist 3 (L5)", js[2].TUpdate+1
	nf.SetJobs(js)
	res := run(t, r, cfg)
	if s := res.Sources[0]; s.Changed != 1 || s.Details != 1 || len(res.Events) != 1 {
		t.Errorf("one title changed on apply, the run after the switch: %+v, %d events (want 1 changed, 1 detail read)", s, len(res.Events))
	}
}
