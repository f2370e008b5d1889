package cli

import (
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
)

// stamps records when each request to a server started and ended, and
// counts robots.txt requests apart.
type stamps struct {
	mu     sync.Mutex
	spans  [][2]time.Time
	robots int
}

func (s *stamps) wrap(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		h.ServeHTTP(w, r)
		s.mu.Lock()
		if r.URL.Path == "/robots.txt" {
			s.robots++
		} else {
			s.spans = append(s.spans, [2]time.Time{start, time.Now()})
		}
		s.mu.Unlock()
	})
}

// TestManySourcesOnSeveralHosts: six sources on two hosts (three teams on
// each board, as companies share an ATS host) are fetched concurrently
// across hosts, while requests to one host never overlap and keep
// per_host_delay between them, whichever source makes them.
func TestManySourcesOnSeveralHosts(t *testing.T) {
	t.Parallel()
	const delay = 40 * time.Millisecond
	teams := []string{"Data", "Studio", "Games"}
	var jobs []fake.Job
	for i := 0; i < 12; i++ {
		j := netflixJob(i)
		j.Team = teams[i%3]
		jobs = append(jobs, j)
	}
	hosts := []*fake.Server{fake.New(t, "netflix.com", jobs), fake.New(t, "netflix.com", jobs)}
	rec := []*stamps{{}, {}}
	var srcs strings.Builder
	for h, s := range hosts {
		s.Config.Handler = rec[h].wrap(s.Config.Handler)
		for _, team := range teams {
			fmt.Fprintf(&srcs, "  - {name: h%d-%s, type: eightfold, url: %q, domain: netflix.com, teams: [%q]}\n", h, strings.ToLower(team), s.URL, team)
		}
	}
	yml := fmt.Sprintf("snapshots: snaps\nhttp: {per_host_delay: %s, retries: 1}\nsources:\n%snotifiers:\n  - {name: console, type: stdout}\n", delay, srcs.String())
	code, _, stderr, dir := runYAML(t, yml, "run")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for h := range hosts {
		for _, team := range teams {
			files, _ := filepath.Glob(filepath.Join(dir, "snaps", fmt.Sprintf("h%d-%s", h, strings.ToLower(team)), "*.json"))
			if len(files) != 4 {
				t.Fatalf("source h%d-%s: %d postings, want 4", h, team, len(files))
			}
		}
	}
	var first, last [2]time.Time
	for h, r := range rec {
		sp := r.spans
		sort.Slice(sp, func(i, j int) bool { return sp[i][0].Before(sp[j][0]) })
		if len(sp) != 3+12 || r.robots != 1 { // one list page and four details per source
			t.Fatalf("host %d: %d requests and %d of robots.txt, want 15 and 1", h, len(sp), r.robots)
		}
		for i := 1; i < len(sp); i++ {
			if gap := sp[i][0].Sub(sp[i-1][1]); gap < delay-2*time.Millisecond {
				t.Fatalf("host %d: request %d started %v after the previous one ended, want >= %v", h, i, gap, delay)
			}
		}
		first[h], last[h] = sp[0][0], sp[len(sp)-1][1]
	}
	// the two hosts were served at the same time, not one after the other
	if !first[1].Before(last[0]) || !first[0].Before(last[1]) {
		t.Fatalf("hosts were fetched one after the other: host 0 %v..%v, host 1 %v..%v", first[0], last[0], first[1], last[1])
	}
}

// TestSecretsStayOutOfFiles: the webhook URL's token and the signing secret
// reach no snapshot, state file, commit or log line.
func TestSecretsStayOutOfFiles(t *testing.T) {
	t.Parallel()
	e := newEnv(t, []fake.Job{netflixJob(1)})
	token := "tok3n-Sup3rSecret"
	setenv(t, e.urlVar, e.hook.URL+"/hooks/"+token)
	e.hook.Close() // the receiver is down: errors get logged and the event stays in the outbox
	code, stdout, stderr := e.run(t, "run", "--log-level", "debug")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	secretBody := strings.TrimPrefix(secret, "whsec_")
	for _, s := range []string{stdout, stderr} {
		if strings.Contains(s, token) || strings.Contains(s, secretBody) {
			t.Fatalf("a secret reached the output:\n%s", s)
		}
	}
	err := filepath.WalkDir(filepath.Join(e.dir, "snaps"), func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		// git objects are compressed: the uncompressed files (snapshots,
		// state, outbox) and the commit message are checked in clear below
		if strings.Contains(string(b), token) || strings.Contains(string(b), secretBody) {
			t.Errorf("a secret reached %s", p)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	_, msg := e.head(t)
	if strings.Contains(msg, token) {
		t.Fatal("a secret reached the commit message")
	}
}
