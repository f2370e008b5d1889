package eightfold

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold/fake"
	"github.com/careers-watcher/careers-watcher/internal/scrape/scrapetest"
)

// listWith lists srv's board with a client holding v, recording pages
// under salt and keeping a same listing when keep.
func listWith(t *testing.T, srv *fake.Server, v scrape.Validators, keep bool) ([]model.Raw, error) {
	t.Helper()
	c := scrapetest.Client(1, v).Listing("salt", keep)
	a := scrapetest.NewSource(t, New, config.Source{Name: "nf", Type: "eightfold", URL: srv.URL, Settings: &Config{Domain: srv.Domain}}, c)
	raws, err := a.List(context.Background())
	if err == nil || errors.Is(err, scrape.ErrNotModified) {
		for k, val := range c.Validators() {
			v[k] = val
		}
	}
	return raws, err
}

// A listing whose pages answer what they answered is not modified, without
// a decode; one whose last page changed is read whole, the same as a
// listing read without any record; a client that may not keep reads it
// whole every time.
func TestPagerKeepsSamePages(t *testing.T) {
	all := jobs(25, "Data") // three pages
	srv := fake.New(t, "netflix.com", all)
	v := scrape.Validators{}
	first, err := listWith(t, srv, v, true)
	if err != nil || len(first) != 25 {
		t.Fatalf("first listing: %d postings, %v", len(first), err)
	}
	if len(v) != 3 {
		t.Fatalf("%d pages recorded, want 3: %v", len(v), v)
	}
	if _, err := listWith(t, srv, v, true); !errors.Is(err, scrape.ErrNotModified) {
		t.Fatalf("the same listing: %v", err)
	}
	if raws, err := listWith(t, srv, v, false); err != nil || !reflect.DeepEqual(raws, first) {
		t.Fatalf("not allowed to keep: %d postings, %v", len(raws), err)
	}

	all[24].Name = "Staff Data Engineer (L6)" // on the third page
	all = append(all, jobs(28, "Data")[25:]...)
	srv.SetJobs(all)
	got, err := listWith(t, srv, v, true)
	if err != nil {
		t.Fatal(err)
	}
	want, err := listWith(t, srv, scrape.Validators{}, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 28 || !reflect.DeepEqual(got, want) {
		t.Fatalf("changed listing: %d postings, want the %d of a plain read", len(got), len(want))
	}
	if _, err := listWith(t, srv, v, true); !errors.Is(err, scrape.ErrNotModified) {
		t.Fatalf("the changed listing, read again: %v", err)
	}
	// a record this pager did not make (a cursor that skips postings) is
	// not followed: the listing is read whole
	for u, val := range v {
		if val.Next == "10" {
			val.Next = "15"
			v[u] = val
		}
	}
	if got, err := listWith(t, srv, v, true); err != nil || !reflect.DeepEqual(got, want) {
		t.Fatalf("with a wrong cursor: %d postings, %v", len(got), err)
	}
}
