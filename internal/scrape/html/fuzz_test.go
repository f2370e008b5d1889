package htmlsel

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/retry"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

// pageTransport answers every request with the same page, in memory.
type pageTransport []byte

func (p pageTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	status := http.StatusOK
	if r.URL.Path == "/robots.txt" {
		status = http.StatusNotFound
	}
	return &http.Response{StatusCode: status, Header: http.Header{"Content-Type": {"text/html"}},
		Body: io.NopCloser(bytes.NewReader(p)), Request: r}, nil
}

// FuzzList reads arbitrary pages with a fixed set of selectors: no panic,
// and every posting returned has an id and a title.
func FuzzList(f *testing.F) {
	for _, s := range []string{
		`<ul><li class="job"><a href="/jobs/1?utm_source=x">Data Engineer</a><span class="loc">Warsaw, Poland</span></li></ul>`,
		`<li class="job"><a href="javascript:alert(1)">x</a></li><a class="next" href="#">next</a>`,
		`<li class="job"></li><li class="job"><a>t</a></li>`,
		`<li class="job"><a href="//other.example/x">y</a></li><a class="next" href="?page=2">2</a>`,
		``,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, page []byte) {
		c := scrape.NewClient(context.Background(), scrape.Options{
			Transport: pageTransport(page), Retry: retry.Policy{Attempts: 1}, MaxBody: 1 << 20,
		})
		h, err := New(config.Source{Name: "f", Type: "html", URL: "https://careers.example.com/jobs", Settings: &Config{MaxPages: 3, Selectors: Selectors{Item: "li.job", Title: "a", Link: "a", Location: ".loc", Next: "a.next"}}}, c)
		if err != nil {
			t.Fatal(err)
		}
		raws, err := h.List(context.Background())
		if err != nil {
			return
		}
		for _, r := range raws {
			if r.ID == "" || r.Title == "" {
				t.Fatalf("posting without id or title: %+v", r)
			}
		}
	})
}
