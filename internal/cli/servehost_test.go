package cli

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

// serve on a loopback address without serve.token refuses a request
// whose Host is another name (DNS rebinding, review F15); with a token
// any name is served to whoever has it.
func TestServeLoopbackWithoutTokenChecksHost(t *testing.T) {
	// and, with --loopback-names, whatever --listen (a container whose port
	// is published on the host's loopback: review s23 F12); a public
	// listener without it checks no Host
	for _, c := range []struct {
		listen    string
		acc       access
		token     string
		wantOther int
	}{
		{"127.0.0.1:0", access{}, "", http.StatusMisdirectedRequest},
		{"127.0.0.1:0", access{}, "0123456789abcdef-token", http.StatusOK},
		{"0.0.0.0:0", access{public: true, loopbackNames: true}, "", http.StatusMisdirectedRequest},
		{"0.0.0.0:0", access{public: true}, "", http.StatusOK},
	} {
		cfg := &config.Config{Snapshots: t.TempDir()}
		cfg.Serve.Token = c.token
		hs, ln, code, err := startServer(cfg, nil, c.listen, c.acc, slog.New(slog.DiscardHandler), nil)
		if err != nil {
			t.Fatalf("startServer: exit %d: %v", code, err)
		}
		go hs.Serve(ln)
		defer hs.Shutdown(context.Background())
		port := ln.Addr().(*net.TCPAddr).Port
		base := "http://127.0.0.1:" + strconv.Itoa(port)
		get := func(host string) (int, string) {
			req, err := http.NewRequest(http.MethodGet, base+"/api/v1/sources", nil)
			if err != nil {
				t.Fatal(err)
			}
			req.Host = host
			if c.token != "" {
				req.Header.Set("Authorization", "Bearer "+c.token)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			return resp.StatusCode, string(b)
		}
		if got, body := get("attacker.example:" + strconv.Itoa(port)); got != c.wantOther {
			t.Errorf("token %q, forged Host: %d, want %d\n%s", c.token, got, c.wantOther, body)
		} else if got == http.StatusMisdirectedRequest && !strings.Contains(body, `host attacker.example:`) {
			t.Errorf("the refusal does not name the host: %s", body)
		}
		if got, body := get("127.0.0.1:" + strconv.Itoa(port)); got != http.StatusOK {
			t.Errorf("token %q, Host 127.0.0.1: %d\n%s", c.token, got, body)
		}
	}
}

// A serve.token given but empty (a ${VAR:-} whose variable the deployment
// forgot) is refused beyond loopback, also with --public: fail closed
// (review s23b B4); on loopback it is no token.
func TestEmptyTokenIsRefusedBeyondLoopback(t *testing.T) {
	cfg := &config.Config{Snapshots: t.TempDir()}
	cfg.Serve.TokenLine = 3
	_, _, code, err := startServer(cfg, nil, "0.0.0.0:0", access{public: true, loopbackNames: true}, slog.New(slog.DiscardHandler), nil)
	if err == nil || code != ExitUsage || !strings.Contains(err.Error(), "serve.token (line 3) is empty") {
		t.Fatalf("exit %d, %v; want a refusal naming serve.token's line", code, err)
	}
	hs, ln, _, err := startServer(cfg, nil, "127.0.0.1:0", access{}, slog.New(slog.DiscardHandler), nil)
	if err != nil {
		t.Fatalf("loopback: %v", err)
	}
	hs.Close()
	ln.Close()
}
