package stdout

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/model"
	"github.com/careers-watcher/careers-watcher/internal/notify"
)

var t0 = time.Date(2026, 11, 25, 20, 0, 0, 0, time.UTC)

func swe() *model.Posting {
	return &model.Posting{
		ID: "790311790854", Source: "netflix-data-insights", Company: "Netflix",
		Title:     "Software Engineer (L5), Systems Optimization",
		URL:       "https://explore.jobs.netflix.net/careers/job/790311790854",
		Levels:    []string{"L5"},
		Locations: []model.Location{{City: "Los Gatos", Region: "California", Country: "US"}},
		Salary:    []model.Salary{{Min: 100000, Max: 720000, Currency: "USD", Period: "year"}},
	}
}

func TestLine(t *testing.T) {
	const src = "netflix-data-insights"
	removed := &model.Posting{
		Title:     "Data\tEngineer\x1b[31m\u202e evil\n",
		Levels:    []string{"Senior"},
		Locations: []model.Location{{Country: "US", Remote: true}, {Name: "Amsterdam Office"}, {City: "Paris", Country: "FR"}, {City: "Tokyo", Country: "JP"}},
		Salary:    []model.Salary{{Min: 52.5, Max: 52.5, Currency: "EUR", Period: "hour"}, {Min: 1234567, Max: 2000000, Currency: "JPY", Period: "year"}},
	}
	tests := []struct {
		name string
		e    notify.Event
		want string
	}{
		{
			"added",
			notify.Event{Type: notify.PostingAdded, Data: notify.Data{Source: src, Posting: swe()}},
			"+ added    netflix-data-insights  Software Engineer (L5), Systems Optimization  [L5]  Los Gatos, US  USD 100,000-720,000/year  https://explore.jobs.netflix.net/careers/job/790311790854",
		},
		{
			"removed, control characters stripped",
			notify.Event{Type: notify.PostingRemoved, Data: notify.Data{Source: src, Posting: removed}},
			"- removed  netflix-data-insights  Data Engineer[31m evil  [Senior]  Remote (US); Amsterdam Office; Paris, FR; +1 more  EUR 52.50/hour; JPY 1,234,567-2,000,000/year",
		},
		{
			"changed",
			notify.Event{Type: notify.PostingChanged, Data: notify.Data{Source: src, Posting: swe(), Previous: swe(), Changes: []model.Change{
				{Field: "salary", Old: map[string]any{"min": 90000, "max": 720000, "currency": "USD", "period": "year"}, New: nil},
				{Field: "salary", Old: nil, New: map[string]any{"min": 100000, "max": 720000, "currency": "USD", "period": "year"}},
				{Field: "skills.required", Old: nil, New: "PyTorch"},
				{Field: "skills.required", Old: "Java", New: nil},
				{Field: "title", Old: "Software Engineer", New: "Software Engineer (L5), Systems Optimization"},
			}}},
			"~ changed  netflix-data-insights  Software Engineer (L5), Systems Optimization  [L5]  Los Gatos, US  USD 100,000-720,000/year  https://explore.jobs.netflix.net/careers/job/790311790854 : salary USD 90,000-720,000 -> 100,000-720,000/year; skills.required +PyTorch -Java; title Software Engineer -> Software Engineer (L5), Systems Optimization",
		},
		{
			"many items",
			notify.Event{Type: notify.PostingChanged, Data: notify.Data{Source: "s", Posting: &model.Posting{Title: "T"}, Changes: []model.Change{
				{Field: "skills.mentioned", New: "A"}, {Field: "skills.mentioned", New: "B"}, {Field: "skills.mentioned", New: "C"},
				{Field: "skills.mentioned", New: "D"}, {Field: "skills.mentioned", New: "E"}, {Field: "skills.mentioned", New: "F"},
				{Field: "skills.mentioned", New: "G"},
			}}},
			"~ changed  s  T : skills.mentioned +A +B +C +D +E +F +1 more",
		},
		{
			"source failed",
			notify.Event{Type: notify.SourceFailed, Data: notify.Data{Source: src, Error: "eightfold: status 503\nretry later"}},
			"! source.failed netflix-data-insights: eightfold: status 503 retry later",
		},
		{
			"source recovered",
			notify.Event{Type: notify.SourceRecovered, Data: notify.Data{Source: src}},
			"! source.recovered netflix-data-insights",
		},
		{
			"source suspicious",
			notify.Event{Type: notify.SourceSuspicious, Data: notify.Data{Source: src, Error: "0 postings, last run had 42"}},
			"! source.suspicious netflix-data-insights: 0 postings, last run had 42",
		},
		{
			"unknown type",
			notify.Event{Type: "other.\x07thing", Data: notify.Data{Source: src}},
			"? other.thing netflix-data-insights",
		},
	}
	for _, tt := range tests {
		tt.e.Timestamp = t0
		if got := Line(tt.e); got != tt.want {
			t.Errorf("%s:\n got %q\nwant %q", tt.name, got, tt.want)
		}
	}
}

func TestNotifyConcurrent(t *testing.T) {
	var buf bytes.Buffer
	s := New("console", &buf)
	if s.Name() != "console" {
		t.Errorf("Name = %q", s.Name())
	}
	e := notify.Event{Type: notify.PostingAdded, Timestamp: t0, Data: notify.Data{Source: "netflix-data-insights", Posting: swe()}}
	var wg sync.WaitGroup
	for range 50 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := s.Notify(context.Background(), e); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	if len(lines) != 50 {
		t.Fatalf("%d lines", len(lines))
	}
	for _, l := range lines {
		if l != Line(e) {
			t.Fatalf("interleaved line %q", l)
		}
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("broken pipe") }

func TestNotifyWriteError(t *testing.T) {
	err := New("console", failWriter{}).Notify(context.Background(), notify.Event{Type: notify.SourceRecovered})
	if err == nil || !strings.HasPrefix(err.Error(), `stdout "console": `) {
		t.Errorf("err = %v", err)
	}
}
