package cli

import (
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// Review s16 R8: a tenant that answers through one interface and then the
// other (mid-migration behind a load balancer, or a hostile board) made
// every run a switch, and a switch absorbed every change as a
// re-normalization: title, level, skills changed and nobody was told. A
// switch is quiet only for what the interface shapes; a real change in
// the switching run is reported.
func TestRunEightfoldFlappingInterfacesReportChanges(t *testing.T) {
	t.Parallel()
	jobs := []fake.Job{netflixJob(1), netflixJob(2)}
	e := newEnv(t, jobs)
	e.nf.SetInterfaces(fake.ApplyOnly)
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	if c := countTypes(e.hook.take(t)); c["posting.added"] != 2 {
		t.Fatalf("first run: events %v", c)
	}
	for i, iface := range []string{fake.PCSXOnly, fake.ApplyOnly, fake.PCSXOnly} {
		e.nf.SetInterfaces(iface)
		jobs[0].Name = strings.Repeat("Senior ", i+1) + "Analytics Engineer"
		jobs[0].TUpdate++
		e.nf.SetJobs(jobs)
		code, stdout, stderr := e.run(t, "run")
		if code != 0 {
			t.Fatalf("switch %d: exit %d\n%s", i+1, code, stderr)
		}
		evs := e.hook.take(t)
		if len(evs) != 1 || evs[0].Type != "posting.changed" || !strings.Contains(stdout, "title ") {
			t.Fatalf("switch %d (title changed in the switching run): events %v, stdout:\n%s", i+1, countTypes(evs), stdout)
		}
	}
	// A switch with nothing but the interface's shape: quiet.
	e.nf.SetInterfaces(fake.ApplyOnly)
	if code, _, stderr := e.run(t, "run"); code != 0 {
		t.Fatalf("quiet switch: exit %d\n%s", code, stderr)
	}
	if evs := e.hook.take(t); len(evs) != 0 {
		t.Fatalf("a switch without a change sent events: %v", countTypes(evs))
	}
}
