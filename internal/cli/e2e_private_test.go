package cli

import (
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// TestRedirectToAnotherPrivateAddressIsRefused: a board on its own address
// (127.0.0.1, the source's url) redirects its listing to another loopback
// address (127.0.0.2, standing for 169.254.169.254 or an admin page): the
// source fails with an error naming the URL and the address, the other
// server is never asked and nothing is stored; allow_private on the source
// reads it.
func TestRedirectToAnotherPrivateAddressIsRefused(t *testing.T) {
	t.Parallel()
	body, err := os.ReadFile("../scrape/lever/testdata/lever.json")
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.2:0")
	if err != nil {
		t.Skipf("no 127.0.0.2 on this system: %v", err)
	}
	var inside atomic.Int32
	internal := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		inside.Add(1)
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	internal.Listener.Close()
	internal.Listener = ln
	internal.Start()
	t.Cleanup(internal.Close)
	board := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/robots.txt" {
			http.NotFound(w, r)
			return
		}
		http.Redirect(w, r, internal.URL+r.URL.RequestURI(), http.StatusFound)
	}))
	t.Cleanup(board.Close)
	config := func(allow string) string {
		return fmt.Sprintf(`snapshots: snaps
http: {per_host_delay: 1ms, retries: 1, timeout: 5s}
sources:
  - {name: acme, type: lever, board: acme, url: %q%s}
notifiers:
  - {name: console, type: stdout}
`, board.URL, allow)
	}
	code, stdout, stderr, dir := runYAML(t, config(""), "run")
	if code == 0 {
		t.Fatalf("exit 0 with a refused source\nstdout:\n%s\nstderr:\n%s", stdout, stderr)
	}
	for _, want := range []string{internal.URL + "/v0/postings/acme", "127.0.0.2", "private address refused"} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr does not name %q:\n%s", want, stderr)
		}
	}
	if n := inside.Load(); n != 0 {
		t.Fatalf("the private server was asked %d times", n)
	}
	if files, _ := filepath.Glob(filepath.Join(dir, "snaps", "acme", "*.json")); len(files) != 0 {
		t.Fatalf("%d snapshots stored from a refused address", len(files))
	}
	code, stdout, stderr, dir = runYAML(t, config(", allow_private: true"), "run")
	if code != 0 {
		t.Fatalf("allow_private: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if len(readPostings(t, filepath.Join(dir, "snaps"), "acme")) != 2 {
		t.Fatal("allow_private: the postings were not stored")
	}
}
