package jsonld

import (
	"encoding/json"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

func ids(raws []model.Raw) []string {
	var out []string
	for _, r := range raws {
		out = append(out, r.ID)
	}
	return out
}

// assign runs assignIDs as the runner would across runs: the memory saved
// by one run (through SaveState's JSON) is the next run's.
func assign(t *testing.T, j *JSONLD, raws ...model.Raw) []string {
	t.Helper()
	out, err := j.uniq(append([]model.Raw(nil), raws...), nil)
	if err != nil {
		t.Fatal(err)
	}
	j.LoadState(j.SaveState())
	return ids(out)
}

func eq(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// Without a memory (snapshots of earlier versions), ids are as earlier
// versions gave them, and once given they stay: a source whose first
// listing had a shared identifier keeps its URL ids after the clash ends,
// so its stored snapshots are not renamed.
func TestIDsWithoutMemoryMatchEarlierVersions(t *testing.T) {
	a := model.Raw{RequisitionID: "R-1", URL: "https://x.example/a", Title: "A"}
	b := model.Raw{RequisitionID: "R-2", URL: "https://x.example/b", Title: "B"}
	c := model.Raw{RequisitionID: "R-1", URL: "https://x.example/c", Title: "C"}

	j := &JSONLD{name: "s"}
	j.LoadState(nil)
	if got := assign(t, j, a, b, c); !eq(got, []string{"x.example/a", "x.example/b", "x.example/c"}) {
		t.Fatalf("first run with a clash: %v", got)
	}
	if got := assign(t, j, a, b); !eq(got, []string{"x.example/a", "x.example/b"}) {
		t.Fatalf("after the clash: %v (the stored URL ids were renamed)", got)
	}
	// A new posting with an identifier of its own gets it.
	d := model.Raw{RequisitionID: "R-4", URL: "https://x.example/d", Title: "D"}
	if got := assign(t, j, a, b, d); !eq(got, []string{"x.example/a", "x.example/b", "R-4"}) {
		t.Fatalf("newcomer: %v", got)
	}

	j2 := &JSONLD{name: "s"}
	j2.LoadState(nil)
	if got := assign(t, j2, a, b); !eq(got, []string{"R-1", "R-2"}) {
		t.Fatalf("no clash: %v", got)
	}
	// Two newcomers share an identifier nobody had: both by URL.
	e := model.Raw{RequisitionID: "R-9", URL: "https://x.example/e", Title: "E"}
	f := model.Raw{RequisitionID: "R-9", URL: "https://x.example/f", Title: "F"}
	if got := assign(t, j2, a, b, e, f); !eq(got, []string{"R-1", "R-2", "x.example/e", "x.example/f"}) {
		t.Fatalf("two newcomers: %v", got)
	}
	// A posting's page moves, its identifier stays: the same id.
	a2 := a
	a2.URL = "https://x.example/a-moved"
	out, err := j2.uniq([]model.Raw{a2, b}, nil)
	if err != nil || !eq(ids(out), []string{"R-1", "R-2"}) {
		t.Fatalf("moved page: %v, %v", ids(out), err)
	}
	var s idState
	if err := json.Unmarshal(j2.SaveState(), &s); err != nil || s.Owners["R-1"] != urlKey("https://x.example/a-moved") || len(s.URLIDs) != 0 {
		t.Fatalf("memory %+v, %v", s, err)
	}
}

// Postings that neither identifiers nor URLs tell apart are an error that
// says what is needed.
func TestIDsIndistinguishable(t *testing.T) {
	j := &JSONLD{name: "s"}
	_, err := j.uniq([]model.Raw{{Title: "A"}, {Title: "B"}}, nil)
	if err == nil {
		t.Fatal("no error")
	}
	if want := `jsonld: source "s": different postings share a URL`; len(err.Error()) < len(want) || err.Error()[:len(want)] != want {
		t.Fatalf("error %q", err)
	}
}
