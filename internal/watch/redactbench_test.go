package watch

import (
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
)

// redactBenchRunner has one source whose url carries 16 secrets (a tenant
// in the host, keys in the query), every one of them sent to its board.
func redactBenchRunner(tb testing.TB) *Runner {
	env := map[string]string{"TENANT": "AcmeCorpTenant"}
	q := []string{}
	for i := range 15 {
		k := fmt.Sprintf("K%d", i)
		env[k] = fmt.Sprintf("sk_live_%02dQx7Zp", i)
		q = append(q, fmt.Sprintf("k%d=${%s}", i, k))
	}
	getenv := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	yml := fmt.Sprintf("snapshots: snaps\nsources:\n  - {name: ef, type: eightfold, url: \"https://${TENANT}.eightfold.ai/careers?%s\", domain: acme.com}\n", strings.Join(q, "&"))
	cfg, err := config.Parse([]byte(yml), filepath.Join(tb.TempDir(), "config.yaml"), getenv, Plugins())
	if err != nil {
		tb.Fatal(err)
	}
	r, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		tb.Fatal(err)
	}
	return r
}

// redactBenchPostings are n postings of about 2 KB whose board echoed the
// key into the text of one in ten, and wrote its host in lower case.
func redactBenchPostings(tb testing.TB, n int) [][]byte {
	out := make([][]byte, n)
	for i := range out {
		p := benchPosting(i, 0)
		p.Source = "ef"
		p.URL = fmt.Sprintf("https://acmecorptenant.eightfold.ai/careers/job/%d", i)
		if i%10 == 0 {
			p.Description += " Your request carried sk_live_03Qx7Zp."
		}
		b, err := model.Encode(p)
		if err != nil {
			tb.Fatal(err)
		}
		out[i] = b
	}
	return out
}

// The posting redaction of one source costs the same per posting however
// many postings the source has: compare ns/op of postings=1000 with
// postings=10000 (ten times the postings, about ten times the time):
//
//	go test -run '^$' -bench BenchmarkPostingRedaction -benchtime 5x ./internal/watch
func BenchmarkPostingRedaction(b *testing.B) {
	for _, n := range []int{1000, 10000} {
		b.Run(fmt.Sprintf("postings=%d", n), func(b *testing.B) {
			r := redactBenchRunner(b)
			data := redactBenchPostings(b, n)
			posts := make([]model.Posting, n)
			for i, d := range data {
				p, err := model.Decode(d)
				if err != nil {
					b.Fatal(err)
				}
				posts[i] = p
			}
			b.ResetTimer()
			for range b.N {
				r.postRed = sync.Map{} // built once per source, in the time
				for i, p := range posts {
					p.URL = r.postingRedactor("ef").String(p.URL)
					if _, _, err := r.redactPosting("ef", p, data[i]); err != nil {
						b.Fatal(err)
					}
				}
			}
		})
	}
}
