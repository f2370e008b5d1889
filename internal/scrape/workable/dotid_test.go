package workable

import (
	"strings"
	"testing"
)

// TestDetailURLOfADotID: a listing id ".." asks for that job, not for the
// account (the parent of /jobs/).
func TestDetailURLOfADotID(t *testing.T) {
	w := &Workable{base: "https://apply.workable.com", board: "acme"}
	for _, id := range []string{"..", "."} {
		u := w.detailURL(id)
		if strings.HasSuffix(u, "/jobs/"+id) || !strings.Contains(u, "/jobs/%2E") {
			t.Errorf("detail URL of id %q: %s", id, u)
		}
	}
}
