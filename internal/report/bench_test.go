package report

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/gitrepo"
	"github.com/careers-watcher/careers-watcher/internal/model"
)

// BenchmarkBuildLargeHistory: 2,000 open postings, a year of daily commits
// each opening 3 postings, closing 2 and changing 2. A report over the
// last 12 weeks reads only the blobs those weeks removed or changed.
func BenchmarkBuildLargeHistory(b *testing.B) {
	root := b.TempDir()
	repo, err := gitrepo.Open(root)
	if err != nil {
		b.Fatal(err)
	}
	dir := filepath.Join(root, "snapshots")
	skills := []string{"Go", "Python", "SQL", "Spark", "Kafka", "Java", "PyTorch", "Airflow", "Kubernetes", "Tableau"}
	write := func(i, rev int) string {
		p := model.Posting{ID: fmt.Sprintf("p%05d", i), Source: "big", Title: fmt.Sprintf("Engineer %d", i), Role: "Software Engineer",
			Levels: []string{fmt.Sprintf("L%d", 3+i%5)}, Skills: model.Skills{Required: []string{skills[(i+rev)%len(skills)], skills[(i*7)%len(skills)]}}}
		data, _ := model.Encode(p)
		path := filepath.Join(dir, "big", p.ID+".json")
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, data, 0o644); err != nil {
			b.Fatal(err)
		}
		return path
	}
	author := gitrepo.Author{Name: "w", Email: "w@localhost"}
	start := time.Date(2025, 3, 1, 6, 0, 0, 0, time.UTC)
	var paths []string
	next := 0
	for ; next < 2000; next++ {
		paths = append(paths, write(next, 0))
	}
	if _, _, err := repo.Commit(paths, "initial", author, start); err != nil {
		b.Fatal(err)
	}
	oldest := 0
	for d := 1; d <= 365; d++ {
		paths = paths[:0]
		for range 3 {
			paths = append(paths, write(next, 0))
			next++
		}
		for range 2 {
			path := filepath.Join(dir, "big", fmt.Sprintf("p%05d.json", oldest))
			os.Remove(path)
			paths = append(paths, path)
			oldest++
		}
		paths = append(paths, write(oldest+d%50, d), write(oldest+100+d%50, d))
		if _, _, err := repo.Commit(paths, "day", author, start.AddDate(0, 0, d)); err != nil {
			b.Fatal(err)
		}
	}
	now := start.AddDate(0, 0, 366)
	b.ResetTimer()
	var reads int
	for b.Loop() {
		r, err := Build(Options{SnapshotDir: dir, Now: now, Since: now.AddDate(0, 0, -84), Category: testCategory})
		if err != nil {
			b.Fatal(err)
		}
		reads = r.Trend.blobReads
		if r.Trend.Opened != 3*84 && r.Trend.Opened != 3*83 {
			b.Fatalf("opened %d", r.Trend.Opened)
		}
	}
	b.ReportMetric(float64(reads), "blobs/op")
}
