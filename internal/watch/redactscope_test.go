package watch

import (
	"fmt"
	"net/http"
	"os/exec"
	"strings"
	"testing"
)

// A secret of the config that is an ordinary word and never went to the
// board (a notifier's header) leaves posting data alone: the title keeps
// "Customer" in the snapshot, the event and the commit. The key the board
// was sent (in the source's url) and echoes back is still masked there.
func TestPostingDataKeepsWordsThatAreOtherSecrets(t *testing.T) {
	t.Parallel()
	const key = "sk_live_Zq81mXv03"
	env := map[string]string{"TEAM_HEADER": "Customer", "DB_WORD": "postgres", "KEY": key}
	cfg := keyedLever(t, env, `notifiers:
  - {name: hooks, type: webhook, url: "http://127.0.0.1:1/${DB_WORD}", headers: {X-Team: "${TEAM_HEADER}"}}
`, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprintf(w, `[{"id":"a1","text":"Customer Success Manager","hostedUrl":"https://jobs.lever.co/acme/a1","categories":{"team":"Customer"},
			"description":"<p>Our postgres fleet. Your request carried %s.</p>"}]`, r.URL.Query().Get("api_key"))
	})
	res := runQuiet(t, cfg)
	s := snapStore(t, cfg)
	p, raw, err := s.Read("lv", "a1")
	if err != nil {
		t.Fatal(err)
	}
	if p.Title != "Customer Success Manager" || p.Team != "Customer" || !strings.Contains(p.Description, "Our postgres fleet") {
		t.Errorf("posting data rewritten: title %q, team %q, description %q", p.Title, p.Team, p.Description)
	}
	if strings.Contains(string(raw), key) || !strings.Contains(p.Description, "[redacted:KEY]") {
		t.Errorf("the key the board echoed is not masked: %q", p.Description)
	}
	var titles []string
	for _, e := range res.Events {
		if e.Data.Posting != nil {
			titles = append(titles, e.Data.Posting.Title)
		}
	}
	if strings.Join(titles, ",") != "Customer Success Manager" {
		t.Errorf("event titles %q", titles)
	}
	log, err := exec.Command("git", "-C", cfg.Snapshots, "log", "--format=%B").CombinedOutput()
	if err != nil {
		t.Fatalf("git log: %v\n%s", err, log)
	}
	if !strings.Contains(string(log), "a1 Customer Success Manager") || strings.Contains(string(log), key) {
		t.Errorf("commit message:\n%s", log)
	}
}
