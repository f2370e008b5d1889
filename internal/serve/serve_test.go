package serve

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/snapshot"
)

// writeFolder writes snapshot files for source "acme" (no git history).
func writeFolder(t testing.TB, ps []model.Posting) *Folder {
	t.Helper()
	dir := t.TempDir()
	st := &snapshot.Store{Dir: dir}
	if err := os.MkdirAll(filepath.Join(dir, "acme"), 0o755); err != nil {
		t.Fatal(err)
	}
	writePostings(t, st, ps...)
	f, err := NewFolder(dir, []SourceConfig{{Name: "acme", Type: "greenhouse", Company: `Acme "><b>`, Schedule: "@every 1h"}})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// writePostings writes ps as snapshot files of source acme in st's folder
// and returns their paths.
func writePostings(t testing.TB, st *snapshot.Store, ps ...model.Posting) []string {
	t.Helper()
	var paths []string
	for _, p := range ps {
		p.Source = "acme"
		p.Canonical()
		b, err := model.Encode(p)
		if err != nil {
			t.Fatal(err)
		}
		path := st.PostingPath("acme", p.ID)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, path)
	}
	return paths
}

// commitPaths commits paths of f's folder (its git repository) at at, as
// the watcher would, and returns the commit's hash.
func commitPaths(t testing.TB, f *Folder, msg string, at time.Time, paths ...string) string {
	t.Helper()
	repo, err := gitrepo.Open(f.Dir)
	if err != nil {
		t.Fatal(err)
	}
	h, ok, err := repo.Commit(paths, msg, gitrepo.Author{Name: "w", Email: "w@localhost"}, at)
	if err != nil || !ok {
		t.Fatalf("commit %q: %v %v", msg, ok, err)
	}
	return h
}

// dotKeyHandler serves a folder of source "acme" holding the postings of
// ids (".." "Dot dot job", "." "Dot job", "p1" "Plain job"): keys that are
// a path's dot segments, beside a plain one.
func dotKeyHandler(t *testing.T, ids ...string) http.Handler {
	t.Helper()
	titles := map[string]string{"..": "Dot dot job", ".": "Dot job", "p1": "Plain job"}
	var ps []model.Posting
	for _, id := range ids {
		if titles[id] == "" {
			t.Fatalf("dotKeyHandler: no posting %q", id)
		}
		ps = append(ps, model.Posting{ID: id, Title: titles[id], Role: "Software Engineer"})
	}
	return New(writeFolder(t, ps), "", nil).Handler()
}

func fetch(t *testing.T, h http.Handler, path string, hdr ...string) (*http.Response, string) {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, path, nil)
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	b, _ := io.ReadAll(rec.Result().Body)
	return rec.Result(), string(b)
}

const hostileID = `../<img src=x onerror=alert(1)>/"x`

func hostile() []model.Posting {
	return []model.Posting{
		{ID: hostileID, Title: `<img src=x onerror=alert(1)>`, URL: "javascript:alert(1)", Company: `"><script>alert(2)</script>`,
			Role: "<i>Engineer</i>", Levels: []string{"<L5>"}, Description: "</textarea><script>alert(3)</script>",
			Locations: []model.Location{{Name: `<svg onload=alert(4)>`}}},
		{ID: "ok-1", Title: "Fine job", URL: "https://jobs.example/1?a=1&b=<2>", Role: "Software Engineer"},
		{ID: "data-1", Title: "Data job", URL: "data:text/html,<script>alert(5)</script>", Role: "Data Engineer"},
	}
}

func TestHostileBoardTextIsEscaped(t *testing.T) {
	s := New(writeFolder(t, hostile()), "", nil)
	h := s.Handler()
	resp, page := fetch(t, h, "/sources/acme")
	if resp.StatusCode != 200 {
		t.Fatalf("source page: %d\n%s", resp.StatusCode, page)
	}
	for _, bad := range []string{"<img", "<script", "<svg", "<i>", "javascript:", "data:text"} {
		if strings.Contains(page, bad) {
			t.Errorf("source page holds %q", bad)
		}
	}
	if !strings.Contains(page, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Error("the hostile title is not shown escaped")
	}
	// the posting's link is path-escaped and leads to it
	link := "/sources/acme/postings/..%2F%3Cimg%20src=x%20onerror=alert%281%29%3E%2F%22x"
	if !strings.Contains(page, `href="`+link+`"`) {
		t.Fatalf("no escaped link to the hostile posting:\n%s", page)
	}
	resp, page = fetch(t, h, link)
	if resp.StatusCode != 200 || !strings.Contains(page, "&lt;img src=x onerror=alert(1)&gt;") {
		t.Fatalf("posting page: %d\n%s", resp.StatusCode, page)
	}
	for _, bad := range []string{"<img", "<script", "<svg", "javascript:", `href="javascript`} {
		if strings.Contains(page, bad) {
			t.Errorf("posting page holds %q", bad)
		}
	}
	if !strings.Contains(page, "· posting on the board</p>") {
		t.Error("a javascript: URL is rendered as a link")
	}
	_, page = fetch(t, h, "/sources/acme/postings/data-1")
	if strings.Contains(page, "data:text") || !strings.Contains(page, "· posting on the board</p>") {
		t.Error("a data: URL is rendered as a link")
	}
	_, page = fetch(t, h, "/sources/acme/postings/ok-1")
	if !strings.Contains(page, `<a href="https://jobs.example/1?a=1&amp;b=%3c2%3e" rel="noopener noreferrer nofollow">posting on the board</a>`) {
		t.Errorf("an https URL is not a link:\n%s", page)
	}
	// the dashboard (company from the config) and the API
	_, page = fetch(t, h, "/")
	if strings.Contains(page, `"><b>`) {
		t.Error("dashboard holds the raw company")
	}
	resp, body := fetch(t, h, "/api/v1/sources/acme/postings/"+strings.TrimPrefix(link, "/sources/acme/postings/"))
	if resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "application/json; charset=utf-8" || strings.Contains(body, "<") {
		t.Fatalf("API: %d %s\n%s", resp.StatusCode, resp.Header.Get("Content-Type"), body)
	}
	var d Detail
	if err := json.Unmarshal([]byte(body), &d); err != nil || d.Posting.ID != hostileID || d.Posting.URL != "javascript:alert(1)" {
		t.Fatalf("API: %v %+v", err, d.Posting)
	}
	for k, want := range map[string]string{"Content-Security-Policy": "default-src 'none'", "X-Content-Type-Options": "nosniff", "X-Frame-Options": "DENY"} {
		if !strings.Contains(resp.Header.Get(k), want) {
			t.Errorf("%s = %q", k, resp.Header.Get(k))
		}
	}
	// a source name that is not one is a 404, not a path
	if resp, _ = fetch(t, h, "/sources/..%2Fetc/feed.atom"); resp.StatusCode != 404 {
		t.Errorf("odd source: %d", resp.StatusCode)
	}
}

func TestToken(t *testing.T) {
	const tok = "0123456789abcdef-token"
	h := New(writeFolder(t, hostile()), tok, nil).Handler()
	for _, c := range []struct {
		path string
		hdr  []string
		want int
	}{
		{"/", nil, 401},
		{"/api/v1/sources", []string{"Authorization", "Bearer wrong-token-0123456"}, 401},
		{"/metrics", nil, 401},
		{"/feed.atom", []string{"Authorization", "Bearer " + tok}, 200},
		{"/api/v1/sources", []string{"Authorization", "Basic dXNlcjowMTIzNDU2Nzg5YWJjZGVmLXRva2Vu"}, 200}, // user:TOKEN
		{"/healthz", nil, 200},
		{"/readyz", nil, 200},
	} {
		resp, body := fetch(t, h, c.path, c.hdr...)
		if resp.StatusCode != c.want {
			t.Errorf("%s %v: %d, want %d\n%s", c.path, c.hdr, resp.StatusCode, c.want, body)
		}
		if c.want == 401 && strings.Contains(body, tok) {
			t.Error("the token is in the answer")
		}
	}
}

func TestIsLoopback(t *testing.T) {
	for addr, want := range map[string]bool{"127.0.0.1:8080": true, "localhost:1": true, "[::1]:80": true, ":8080": false, "0.0.0.0:80": false, "192.0.2.1:80": false} {
		got, err := IsLoopback(addr)
		if err != nil || got != want {
			t.Errorf("%s: %v %v", addr, got, err)
		}
	}
	if _, err := IsLoopback("nohost"); err == nil {
		t.Error("nohost taken")
	}
}

func TestReadyzFailsWhenTheFolderIsGone(t *testing.T) {
	f := writeFolder(t, hostile())
	h := New(f, "", nil).Handler()
	if resp, _ := fetch(t, h, "/readyz"); resp.StatusCode != 200 {
		t.Fatal(resp.StatusCode)
	}
	if err := os.RemoveAll(f.Dir); err != nil {
		t.Fatal(err)
	}
	if resp, _ := fetch(t, h, "/readyz"); resp.StatusCode != 503 {
		t.Fatalf("readyz without the folder: %d", resp.StatusCode)
	}
	if resp, _ := fetch(t, h, "/healthz"); resp.StatusCode != 200 {
		t.Fatalf("healthz: %d", resp.StatusCode)
	}
}
