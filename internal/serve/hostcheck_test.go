package serve

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// A tokenless server on loopback answers only loopback Host names: a web
// page rebound to 127.0.0.1 (DNS rebinding) sends its own name and is
// refused (review F15).
func TestLoopbackServerRefusesForeignHost(t *testing.T) {
	srv := New(writeFolder(t, hostile()), "", nil)
	srv.LoopbackHosts = true
	h := srv.Handler()
	get := func(path, host string) (int, string) {
		req := httptest.NewRequest(http.MethodGet, path, nil)
		req.Host = host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		b, _ := io.ReadAll(rec.Result().Body)
		return rec.Code, string(b)
	}
	for _, host := range []string{"attacker.example:18181", "attacker.example", "127.0.0.1.nip.io:8080", "localhost.attacker.example", "10.0.0.1:8080", "[::2]:8080", "0.0.0.0:8080"} {
		for _, path := range []string{"/", "/api/v1/sources", "/metrics", "/feed.atom", "/healthz"} {
			code, body := get(path, host)
			if code != http.StatusMisdirectedRequest {
				t.Errorf("Host %s %s: %d, want 421", host, path, code)
			}
			if !strings.Contains(body, "is not a loopback name") || strings.Contains(body, "Fine job") {
				t.Errorf("Host %s %s: body %q", host, path, body)
			}
		}
	}
	if _, body := get("/api/v1/sources", "evil.example"); !strings.HasPrefix(body, "{") || !strings.Contains(body, `"error": "misdirected request: host evil.example is not a loopback name`) {
		t.Errorf("API refusal not JSON: %q", body)
	}
	for _, host := range []string{"localhost:8080", "LOCALHOST", "localhost.:8080", "127.0.0.1:8080", "127.0.0.1", "127.1.2.3:80", "[::1]:8080", "[::1]"} {
		if code, body := get("/api/v1/sources", host); code != http.StatusOK {
			t.Errorf("Host %s: %d, want 200\n%s", host, code, body)
		}
	}

	// without LoopbackHosts (a token, or --public) every name is served
	open := New(writeFolder(t, hostile()), "", nil).Handler()
	req := httptest.NewRequest(http.MethodGet, "/api/v1/sources", nil)
	req.Host = "watcher.internal:8080"
	rec := httptest.NewRecorder()
	open.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Errorf("a server without the check: %d", rec.Code)
	}
}
