package diff

import (
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/model"
)

// naiveItems is items as it was before lists of a board's making were
// compared through a set: the reference for TestItemsAgreesWithScan.
func naiveItems[T comparable](field string, a, b []T) []model.Change {
	var out []model.Change
	for _, x := range a {
		if !slices.Contains(b, x) {
			out = append(out, model.Change{Field: field, Old: x})
		}
	}
	for _, x := range b {
		if !slices.Contains(a, x) {
			out = append(out, model.Change{Field: field, New: x})
		}
	}
	return out
}

// TestItemsAgreesWithScan: lists short and long (either side of the set's
// threshold), with repeats, give the changes a scan gives, in its order.
func TestItemsAgreesWithScan(t *testing.T) {
	rng := rand.New(rand.NewSource(32))
	for round := range 400 {
		la, lb := rng.Intn(40), rng.Intn(40)
		a, b := make([]model.Location, la), make([]model.Location, lb)
		for i := range a {
			a[i] = model.Location{City: fmt.Sprint(rng.Intn(30)), Remote: rng.Intn(2) == 0}
		}
		for i := range b {
			b[i] = model.Location{City: fmt.Sprint(rng.Intn(30)), Remote: rng.Intn(2) == 0}
		}
		got, want := items("locations", a, b), naiveItems("locations", a, b)
		if !slices.Equal(got, want) {
			t.Fatalf("round %d (%d, %d items): got %v, want %v", round, la, lb, got, want)
		}
	}
}

// BenchmarkPostingsManyLocations compares two postings with n locations
// that differ in one: linear in n (a scan of the other list per item took
// 1.4 s at 16,000).
//
//	go test ./internal/diff -run '^$' -bench PostingsManyLocations
func BenchmarkPostingsManyLocations(b *testing.B) {
	for _, n := range []int{1000, 16000, 128000} {
		old := model.Posting{ID: "1", Locations: make([]model.Location, n)}
		for i := range old.Locations {
			old.Locations[i] = model.Location{City: fmt.Sprintf("Town%d", i), Country: "DE"}
		}
		new := old
		new.Locations = slices.Clone(old.Locations)
		new.Locations[0].City = "Berlin"
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			for b.Loop() {
				if cs := Postings(old, new); len(cs) != 2 {
					b.Fatalf("%d changes, want 2", len(cs))
				}
			}
		})
	}
}
