package watch

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
)

// benchPosting is a posting of about 2 KB.
func benchPosting(i, version int) model.Posting {
	p := model.Posting{
		ID: fmt.Sprintf("79031%07d", i), Source: "nf", Company: "Netflix",
		Title: fmt.Sprintf("Software Engineer (L5), Team %d v%d", i, version),
		URL:   fmt.Sprintf("https://explore.jobs.netflix.net/careers/job/79031%07d", i),
		Role:  "Software Engineer", Levels: []string{"L5"}, Team: "Data & Insights",
		Locations:   []model.Location{{City: "Los Gatos", Region: "California", Country: "US"}},
		Salary:      []model.Salary{{Min: 100000, Max: 720000, Currency: "USD", Period: "year"}},
		Skills:      model.Skills{Required: []string{"Python", "SQL"}, Preferred: []string{"Java"}, Mentioned: []string{"Spark"}},
		Description: strings.Repeat("Netflix is one of the world's leading entertainment services. ", 25),
	}
	p.Canonical()
	return p
}

func benchItem(i, version int) item {
	p := benchPosting(i, version)
	b, _ := model.Encode(p)
	return item{id: p.ID, stamp: fmt.Sprint(version), post: &p, data: b, hash: model.Hash(b)}
}

// benchRunner has a snapshot repository holding n committed postings.
func benchRunner(b *testing.B, n int) (*Runner, config.Source, []item) {
	dir := b.TempDir()
	cfg, err := config.Parse([]byte("snapshots: snaps\nsources:\n  - {name: nf, type: eightfold, url: \"http://127.0.0.1:1\", domain: netflix.com}\n"), filepath.Join(dir, "config.yaml"), nil, Plugins())
	if err != nil {
		b.Fatal(err)
	}
	r, err := New(cfg, Options{Logger: slog.New(slog.NewTextHandler(io.Discard, nil))})
	if err != nil {
		b.Fatal(err)
	}
	items := make([]item, n)
	for i := range items {
		items[i] = benchItem(i, 0)
	}
	src := cfg.Sources[0]
	idx, _ := r.store.LoadIndex(src.Name)
	if _, err := r.apply(context.Background(), []fetched{{src: src, index: idx, items: items}}); err != nil {
		b.Fatal(err)
	}
	return r, src, items
}

// BenchmarkRun10kPostings10Changed: diff, snapshot writes, index, commit of
// a listing of 10,000 postings of which 10 changed (no HTTP).
func BenchmarkRun10kPostings10Changed(b *testing.B) {
	r, src, items := benchRunner(b, 10000)
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		b.StopTimer()
		idx, err := r.store.LoadIndex(src.Name)
		if err != nil {
			b.Fatal(err)
		}
		cur := make([]item, len(items))
		for i, it := range items {
			cur[i] = item{id: it.id, stamp: idx.Postings[it.id].Stamp, keep: true, hash: idx.Postings[it.id].Hash}
		}
		for k := 0; k < 10; k++ {
			i := (n*10 + k) * 97 % len(items)
			cur[i] = benchItem(i, n+1)
		}
		b.StartTimer()
		res, err := r.apply(context.Background(), []fetched{{src: src, index: idx, items: cur}})
		if err != nil {
			b.Fatal(err)
		}
		if res.Sources[0].Changed != 10 || res.Commit == "" {
			b.Fatalf("changed %d, commit %q", res.Sources[0].Changed, res.Commit)
		}
	}
}

// BenchmarkRun10kPostingsNoChange: the same listing with nothing changed,
// index load included: what a quiet run costs besides fetching.
func BenchmarkRun10kPostingsNoChange(b *testing.B) {
	r, src, items := benchRunner(b, 10000)
	b.ResetTimer()
	for n := 0; n < b.N; n++ {
		idx, err := r.store.LoadIndex(src.Name)
		if err != nil {
			b.Fatal(err)
		}
		cur := make([]item, len(items))
		for i, it := range items {
			cur[i] = item{id: it.id, stamp: idx.Postings[it.id].Stamp, keep: true, hash: idx.Postings[it.id].Hash}
		}
		res, err := r.apply(context.Background(), []fetched{{src: src, index: idx, items: cur}})
		if err != nil {
			b.Fatal(err)
		}
		if res.Commit != "" {
			b.Fatal("a quiet run committed")
		}
	}
}
