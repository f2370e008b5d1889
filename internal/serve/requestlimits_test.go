package serve

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

func payFolder(t *testing.T) http.Handler {
	t.Helper()
	return New(writeFolder(t, []model.Posting{
		{ID: "a", Title: "Data Engineer", Role: "Data Engineer", Skills: model.Skills{Required: []string{"SQL"}},
			Salary: []model.Salary{{Min: 100000, Max: 150000, Currency: "USD", Period: "year"}}},
		{ID: "b", Title: "Analyst", Role: "Data Analyst"},
	}), "", nil).Handler()
}

// An API query that cannot be read, or that is too long, is a 400 naming
// the problem, never the unfiltered listing.
func TestUnreadableOrLongQueryIsRefused(t *testing.T) {
	h := payFolder(t)
	many := "skill=NoSuch&per_page=1&" + strings.Repeat("x=1&", 10001)
	for _, c := range []struct{ path, want string }{
		{"/api/v1/sources/acme/postings?skill=NoSuch;x=1", "query: "},
		{"/api/v1/sources/acme/postings?" + many, "query: "},
		{"/api/v1/sources/acme/postings?skill=%zz", "query: "},
		{"/api/v1/sources/acme/postings?q=" + strings.Repeat("a", 1025), "query: q: longer than 1024 bytes"},
		{"/api/v1/sources/acme/postings?skill=" + strings.Repeat("a", 2000), "query: skill: longer than 1024 bytes"},
		{"/api/v1/events?since=" + strings.Repeat("1", 1025), "query: since: longer than 1024 bytes"},
	} {
		resp, body := fetch(t, h, c.path)
		var e APIError
		if resp.StatusCode != 400 || json.Unmarshal([]byte(body), &e) != nil || !strings.HasPrefix(e.Error, c.want) {
			t.Errorf("%.80s: %d %.200s, want 400 with an error starting %q", c.path, resp.StatusCode, body, c.want)
		}
	}
	for _, path := range []string{"/sources/acme?q=" + strings.Repeat("a", 900000), "/feed.atom?skill=NoSuch;x=1", "/sources/acme?skill=NoSuch;x=1"} {
		resp, body := fetch(t, h, path)
		if resp.StatusCode != 400 || len(body) > 1000 || !strings.Contains(body, "query: ") {
			t.Errorf("%.60s: %d (%d bytes), want a short 400", path, resp.StatusCode, len(body))
		}
	}
	// a value of 1024 bytes is still read
	if resp, body := fetch(t, h, "/api/v1/sources/acme/postings?q="+strings.Repeat("a", 1024)); resp.StatusCode != 200 {
		t.Errorf("q of 1024 bytes: %d %s", resp.StatusCode, body)
	}
}

// min_pay is a finite number of at least 0: NaN (which made the filter
// pass everything), Inf, 1_000 and hexadecimal are refused; a negative
// number is said to be one.
func TestMinPayMustBeAFiniteNumber(t *testing.T) {
	h := payFolder(t)
	for _, v := range []string{"NaN", "nan", "Inf", "-Inf", "infinity", "1_000", "0x1p4", "1e309", "abc"} {
		resp, body := fetch(t, h, "/api/v1/sources/acme/postings?min_pay="+v)
		if resp.StatusCode != 400 || !strings.Contains(body, "min_pay") {
			t.Errorf("min_pay=%s: %d %s, want 400", v, resp.StatusCode, body)
		}
	}
	resp, body := fetch(t, h, "/api/v1/sources/acme/postings?min_pay=-1")
	if resp.StatusCode != 400 || !strings.Contains(body, "negative") {
		t.Errorf("min_pay=-1: %d %s, want 400 saying negative", resp.StatusCode, body)
	}
	for v, total := range map[string]int{"120000": 1, "1e5": 1, "200000.5": 0} {
		resp, body := fetch(t, h, "/api/v1/sources/acme/postings?min_pay="+v)
		var l PostingList
		if resp.StatusCode != 200 || json.Unmarshal([]byte(body), &l) != nil || l.Total != total {
			t.Errorf("min_pay=%s: %d %s, want %d postings", v, resp.StatusCode, body, total)
		}
	}
	for _, v := range []string{"NaN", "Inf", "1_000", "0x1p4"} {
		if _, err := ParseMinPay(v); err == nil {
			t.Errorf("ParseMinPay(%q) took it", v)
		}
	}
}

// The token's scheme is case-insensitive (RFC 9110 §11.1).
func TestBearerSchemeIsCaseInsensitive(t *testing.T) {
	const tok = "0123456789abcdef-token"
	h := New(writeFolder(t, hostile()), tok, nil).Handler()
	for _, scheme := range []string{"Bearer", "bearer", "BEARER", "bEaReR"} {
		if resp, body := fetch(t, h, "/api/v1/sources", "Authorization", scheme+" "+tok); resp.StatusCode != 200 {
			t.Errorf("%s: %d %s", scheme, resp.StatusCode, body)
		}
	}
	if resp, _ := fetch(t, h, "/api/v1/sources", "Authorization", "bearer wrong-token-0123456"); resp.StatusCode != 401 {
		t.Errorf("a wrong token: %d", resp.StatusCode)
	}
}

// The server is read-only: another method than GET and HEAD is a 405 with
// Allow, on every path (a listed one too), not a 404.
func TestOtherMethodsAre405(t *testing.T) {
	h := payFolder(t)
	for _, m := range []string{http.MethodPost, http.MethodPut, http.MethodDelete, http.MethodOptions, http.MethodPatch} {
		for _, path := range []string{"/api/v1/sources", "/", "/sources/acme", "/metrics", "/nope"} {
			req := httptest.NewRequest(m, path, strings.NewReader("x"))
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			res := rec.Result()
			body, _ := io.ReadAll(res.Body)
			if res.StatusCode != 405 || res.Header.Get("Allow") != "GET, HEAD" {
				t.Errorf("%s %s: %d Allow %q %s", m, path, res.StatusCode, res.Header.Get("Allow"), body)
			}
			if strings.HasPrefix(path, "/api/") && !json.Valid(body) {
				t.Errorf("%s %s: not a JSON error: %s", m, path, body)
			}
		}
	}
	for _, m := range []string{http.MethodGet, http.MethodHead} {
		req := httptest.NewRequest(m, "/api/v1/sources", nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != 200 {
			t.Errorf("%s: %d", m, rec.Code)
		}
	}
}
