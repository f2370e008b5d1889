package scrape

import (
	"bytes"
	"compress/gzip"
	"compress/zlib"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// bombCap is the max_body of the child process that fetches the bombs.
const bombCap = 512 << 10

// gzipMember is one gzip member holding n zero bytes.
func gzipMember(t *testing.T, n int) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zero := make([]byte, 1<<20)
	for i := 0; i < n>>20; i++ {
		zw.Write(zero)
	}
	zw.Close()
	return buf.Bytes()
}

// TestDecompressionBombsStayWithinTheCap fetches answers of about 1 MB that
// decode to 1 GiB or more, by every encoding path, in a child process, and
// checks the child's peak memory (its maximum resident set size) and the
// error. colly's own gunzip (Content-Encoding x-gzip or "gzip, gzip", or a
// gzip Content-Type) used to cap only the compressed bytes. Making the
// bombs that need compressing takes the time: the default run's deflate
// bomb decodes to 256 MiB and its "gzip, gzip" to 16 GiB, still far beyond
// the 100 MB the child may use; WATCHER_LONG_TESTS=1 (CI's long step)
// makes them 1 GiB and 64 GiB.
func TestDecompressionBombsStayWithinTheCap(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 1 GiB bombs")
	}
	scale := 4 // the default run's deflate and "gzip, gzip" bombs are 1/scale
	if os.Getenv("WATCHER_LONG_TESTS") == "1" {
		scale = 1
	}
	// concatenated gzip members are one valid gzip stream: 64 members of
	// 16 MiB of zeros decode to 1 GiB from about 1 MB (more than the cap,
	// which the gzip Content-Type cases need)
	member := gzipMember(t, 16<<20)
	gz := bytes.Repeat(member, 64)
	var twice bytes.Buffer // gzip of the gzip: decodes to 64 GiB
	zw := gzip.NewWriter(&twice)
	for i := 0; i < 64/scale; i++ {
		zw.Write(gz)
	}
	zw.Close()
	var deflated bytes.Buffer // zlib cannot be concatenated: 1 GiB in one stream
	fw, _ := zlib.NewWriterLevel(&deflated, zlib.BestCompression)
	zero := make([]byte, 1<<20)
	for i := 0; i < 1024/scale; i++ {
		fw.Write(zero)
	}
	fw.Close()
	variants := []struct {
		name, ctype, enc string
		body             []byte
		want             string // in the error besides the URL
	}{
		{"gzip", "application/json", "gzip", gz, "(524288 bytes)"},
		{"x-gzip encoding", "application/json", "x-gzip", gz, "(524288 bytes)"},
		{"gzip, gzip", "application/json", "gzip, gzip", twice.Bytes(), "(524288 bytes)"},
		{"x-gzip type", "application/x-gzip", "", gz, "(524288 bytes)"},
		{"gzip type and encoding", "application/gzip", "gzip", bytes.Repeat(gzipMember(t, 1<<20), 1), "(524288 bytes)"},
		{"deflate", "application/json", "deflate", deflated.Bytes(), "(524288 bytes)"},
		{"br", "application/json", "br", gz, `unsupported content encoding "br"`},
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			body := v.body
			if v.name == "gzip type and encoding" {
				// a gzip file served gzip-encoded: one layer is decoded, the
				// file (1 MiB of a 1 GiB bomb's kind) stays as it is and is
				// larger than the cap
				var b bytes.Buffer
				w := gzip.NewWriter(&b)
				w.Write(gz)
				w.Close()
				body = b.Bytes()
			}
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", v.ctype)
				if v.enc != "" {
					w.Header().Set("Content-Encoding", v.enc)
				}
				w.Write(body)
			}))
			defer srv.Close()
			u := srv.URL + "/jobs.json"
			res, rss := runBombChild(t, u)
			t.Logf("%s: %d bytes on the wire, child peak RSS %.1f MB, Go heap peak %.1f MB, error: %s", v.name, len(body), float64(rss)/(1<<20), float64(res.HeapPeak)/(1<<20), res.Err)
			if rss > 100<<20 {
				t.Errorf("peak memory %d MB, want < 100 MB", rss>>20)
			}
			if !strings.Contains(res.Err, u) || !strings.Contains(res.Err, v.want) {
				t.Errorf("error %q, want the URL and %q", res.Err, v.want)
			}
		})
	}
}

type bombResult struct {
	Err      string
	HeapPeak uint64
}

// runBombChild fetches u in a child process (TestBombChild) and returns
// what it reported and its maximum resident set size in bytes.
func runBombChild(t *testing.T, u string) (bombResult, int64) {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestBombChild$", "-test.v")
	cmd.Env = append(os.Environ(), "CW_BOMB_URL="+u, "CW_BOMB_CAP="+strconv.Itoa(bombCap))
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	var res bombResult
	i := bytes.Index(out, []byte("BOMB-RESULT "))
	if i < 0 {
		t.Fatalf("child said:\n%s", out)
	}
	line, _, _ := bytes.Cut(out[i+len("BOMB-RESULT "):], []byte("\n"))
	if err := json.Unmarshal(line, &res); err != nil {
		t.Fatal(err)
	}
	ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage)
	if !ok {
		t.Skip("no rusage on this system")
	}
	return res, ru.Maxrss * 1024 // kilobytes on Linux
}

// TestBombChild is the child of TestDecompressionBombsStayWithinTheCap.
func TestBombChild(t *testing.T) {
	u := os.Getenv("CW_BOMB_URL")
	if u == "" {
		t.Skip("run by TestDecompressionBombsStayWithinTheCap")
	}
	maxBody, _ := strconv.Atoi(os.Getenv("CW_BOMB_CAP"))
	// a watchdog, so that a failing fix cannot take the machine down
	var peak uint64
	done := make(chan struct{})
	go func() {
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			peak = max(peak, m.HeapAlloc)
			if m.HeapAlloc > 1<<30 {
				fmt.Printf("BOMB-RESULT {\"Err\":\"heap over 1 GiB\",\"HeapPeak\":%d}\n", m.HeapAlloc)
				os.Exit(0)
			}
			select {
			case <-done:
				return
			case <-time.After(5 * time.Millisecond):
			}
		}
	}()
	c := NewClient(context.Background(), Options{
		UserAgent: "bomb-test", MaxBody: int64(maxBody), Retry: retry.Policy{Attempts: 1},
	})
	r, err := c.Do(context.Background(), Request{URL: u})
	close(done)
	msg := "no error"
	if err != nil {
		msg = err.Error()
	} else {
		msg = fmt.Sprintf("no error: %d bytes", len(r.Body))
	}
	b, _ := json.Marshal(bombResult{Err: msg, HeapPeak: peak})
	fmt.Printf("BOMB-RESULT %s\n", b)
	io.WriteString(os.Stdout, "")
}

// An encoded answer without a body (a 304 to a conditional request, a 204)
// is empty, not a decoding error; a broken gzip body is an error naming the
// URL.
func TestEncodedEmptyAndBrokenBodies(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/robots.txt":
			http.NotFound(w, r)
		case "/204":
			w.Header().Set("Content-Encoding", "gzip")
			w.WriteHeader(http.StatusNoContent)
		case "/empty-deflate":
			w.Header().Set("Content-Encoding", "deflate")
		case "/broken":
			w.Header().Set("Content-Encoding", "gzip")
			w.Write([]byte("not gzip at all"))
		}
	}))
	defer srv.Close()
	c := testClient(Options{})
	for _, p := range []string{"/204", "/empty-deflate"} {
		if r, err := c.Do(context.Background(), Request{URL: srv.URL + p}); err != nil || len(r.Body) != 0 {
			t.Errorf("%s: %v", p, err)
		}
	}
	_, err := c.Do(context.Background(), Request{URL: srv.URL + "/broken"})
	if err == nil || !strings.Contains(err.Error(), srv.URL+"/broken") || !strings.Contains(err.Error(), "gzip") {
		t.Errorf("broken gzip: %v", err)
	}
}
