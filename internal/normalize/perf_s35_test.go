package normalize

import (
	"encoding/json"
	"fmt"
	"html"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/cputime"
	"github.com/careers-watcher/careers-watcher/internal/model"
)

// Session 35 made the normalizer faster without changing any output.
// These tests hold the fast paths to the forms they replaced.

// hasAnyPlain is hasAny before session 35: hasWord for each phrase.
func hasAnyPlain(s string, phrases []string) bool {
	for _, p := range phrases {
		if hasWord(s, p) {
			return true
		}
	}
	return false
}

func TestS35HasAnyMatchesPlain(t *testing.T) {
	lists := [][]string{nonSoftwareDeveloper, engineeringWords, dataScienceWords, softwareWords, nonSoftwareEngineer,
		programmingWords, academicNouns, roleNouns, otherJobNouns, jobWords, genderEndings, cjkOther, cjkHardware,
		{"x", "ab", "abc", "ba"}, {"a", "b", "c", "d"}}
	var all []string
	for _, r := range icRules {
		lists = append(lists, r.phrases)
		all = append(all, r.phrases...)
	}
	for _, l := range lists {
		all = append(all, l...)
	}
	var texts []string
	for _, name := range postingNames(t) {
		title := loadRaw(t, name).Title
		texts = append(texts, title, " "+strings.ToLower(title)+" ")
	}
	for _, p := range all {
		// each phrase alone, glued, cut and inside words
		texts = append(texts, p, " "+p+" ", "x"+p, p+"s", " senior "+p+", remote ", p[:len(p)/2], p[len(p)/2:])
	}
	texts = append(texts, "", " ", "a", strings.Repeat("engineer ", 40))
	r := rand.New(rand.NewSource(35))
	const letters = "abcde -é"
	for range 1000 {
		b := make([]byte, r.Intn(200))
		for i := range b {
			b[i] = letters[r.Intn(len(letters))]
		}
		texts = append(texts, string(b))
	}
	for range 300 {
		l := make([]string, 4+r.Intn(8))
		for i := range l {
			b := make([]byte, 1+r.Intn(3)) // hasWord takes no empty phrase
			for j := range b {
				b[j] = letters[r.Intn(len(letters))]
			}
			l[i] = string(b)
		}
		lists = append(lists, l)
	}
	for _, s := range texts {
		for _, l := range lists {
			if got, want := hasAny(s, l), hasAnyPlain(s, l); got != want {
				t.Fatalf("hasAny(%q, %q) = %v, want %v", s, l, got, want)
			}
		}
	}
}

// standinRaws are postings of the shape bench/standin serves in a first
// cycle (an Eightfold position of the fixture, its description one of the
// Greenhouse fixture's contents after a line of its own), the bench's
// stand-in for a board: 6.8 and 20 KB of HTML, not BenchmarkNormalize's 5
// KB research scientist.
func standinRaws(b testing.TB) []model.Raw {
	b.Helper()
	var ef struct {
		Positions []struct {
			Name       string   `json:"name"`
			URL        string   `json:"canonicalPositionUrl"`
			Locations  []string `json:"locations"`
			Department string   `json:"department"`
		} `json:"positions"`
	}
	var gh struct {
		Jobs []struct {
			Content string `json:"content"`
		} `json:"jobs"`
	}
	for _, f := range []struct {
		path string
		v    any
	}{{"eightfold/testdata/eightfold.json", &ef}, {"greenhouse/testdata/greenhouse.json", &gh}} {
		data, err := os.ReadFile(filepath.Join("..", "scrape", f.path))
		if err != nil {
			b.Fatal(err)
		}
		if err := json.Unmarshal(data, f.v); err != nil {
			b.Fatal(err)
		}
	}
	var raws []model.Raw
	for i, p := range ef.Positions {
		raws = append(raws, model.Raw{
			ID:        fmt.Sprint(1_100_000_000_000 + i),
			Title:     fmt.Sprintf("%s 3-%d", p.Name, i),
			URL:       p.URL,
			Team:      p.Department,
			Locations: p.Locations,
			Posted:    "2026-07-25",
			DescriptionHTML: fmt.Sprintf("<p>Board 3, posting %d, revision 0: you would join team %d.</p>", i, i%7) +
				html.UnescapeString(gh.Jobs[i%len(gh.Jobs)].Content),
		})
	}
	return raws
}

// BenchmarkNormalizeStandin normalizes the stand-in's postings in turn
// (one op: each of them once). Its cpu-ns/op is the process's CPU time
// per op, GC included.
//
//	go test ./internal/normalize -run '^$' -bench NormalizeStandin -cpu 1
func BenchmarkNormalizeStandin(b *testing.B) {
	n := normalizer(b)
	raws := standinRaws(b)
	size := 0
	for _, r := range raws {
		size += len(r.DescriptionHTML)
	}
	if !strings.Contains(raws[0].DescriptionHTML, "<p>") {
		b.Fatal("no HTML")
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuNow()
	for b.Loop() {
		for _, r := range raws {
			n.Normalize("board-3", "Board 3", r)
		}
	}
	// the process's CPU time (the GC's workers too): a figure a shared
	// machine moves less than the wall time
	b.ReportMetric(float64(cpuNow()-cpu)/float64(b.N), "cpu-ns/op")
	b.ReportMetric(float64(b.N*len(raws))/b.Elapsed().Seconds(), "postings/s")
}

// TestS35LowerFourAsLower: lowerFour is lower of each byte, for every byte
// at every place and for texts shorter than four bytes.
func TestS35LowerFourAsLower(t *testing.T) {
	for _, x := range []*phraseIndex{{fold: true}, {fold: false}} {
		for c := range 256 {
			for j := range 4 {
				for _, fill := range []byte{'a', 'Z', 0xff, '@', '['} {
					b := []byte{fill, fill, fill, fill}
					b[j] = byte(c)
					for n := 0; n <= 4; n++ {
						var want uint32
						for i := 0; i < n; i++ {
							want |= uint32(x.lower(b[i])) << (8 * i)
						}
						if got := x.lowerFour(string(b[:n])); got != want {
							t.Fatalf("fold %v: lowerFour(%q) = %08x, want %08x", x.fold, b[:n], got, want)
						}
					}
				}
			}
		}
	}
}

// cpuNow is the process's CPU time (user and system), 0 where it cannot be
// read: a benchmark's figure that a machine shared with other jobs moves
// less than its wall time.
func cpuNow() time.Duration { d, _ := cputime.Used(); return d }
