package snapshot

import (
	"fmt"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// What a quiet run's check of 10,000 kept postings costs: Presence (a
// listing, a map lookup per posting: before sizes) against Sizes (the
// same listing and a stat per posting) and Holds (a read per posting: an
// index without sizes, once).
func BenchmarkKeptCheck10k(b *testing.B) {
	s, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, 10000)
	hashes := make([]string, len(ids))
	for i := range ids {
		ids[i] = fmt.Sprintf("79031%07d", i)
		data, _ := model.Encode(model.Posting{ID: ids[i], Source: "nf", Title: "Software Engineer", Description: fmt.Sprintf("%02000d", i)})
		hashes[i] = model.Hash(data)
		if _, err := s.WritePosting("nf", ids[i], data); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("presence", func(b *testing.B) {
		for range b.N {
			present := s.Presence("nf")
			for _, id := range ids {
				if !present(id) {
					b.Fatal(id)
				}
			}
		}
	})
	b.Run("sizes", func(b *testing.B) {
		for range b.N {
			sizes := s.Sizes("nf")
			for _, id := range ids {
				if _, ok := sizes(id); !ok {
					b.Fatal(id)
				}
			}
		}
	})
	b.Run("holds", func(b *testing.B) {
		for range b.N {
			for i, id := range ids {
				if _, ok := s.Holds("nf", id, hashes[i]); !ok {
					b.Fatal(id)
				}
			}
		}
	})
}
