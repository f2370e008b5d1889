package platforms

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
)

func TestAutoResolvesAtRunTime(t *testing.T) {
	c := scrape.NewClient(context.Background(), scrape.Options{})
	for url, want := range map[string]string{
		"https://jobs.ashbyhq.com/ramp":                     "*ashby.",
		"https://acme.wd5.myworkdayjobs.com/en-US/External": "*workday.",
		"https://explore.jobs.netflix.net/careers":          "*eightfold.Eightfold",
		"https://careers.acme.example/jobs":                 "*jsonld.JSONLD",
	} {
		a, err := New(config.Source{Name: "x", Type: "auto", URL: url}, c)
		if err != nil {
			t.Fatalf("%s: %v", url, err)
		}
		if got := fmt.Sprintf("%T", a); !strings.HasPrefix(got, want) {
			t.Errorf("%s: adapter %s, want %s", url, got, want)
		}
	}
}

func TestAutoErrors(t *testing.T) {
	c := scrape.NewClient(context.Background(), scrape.Options{})
	_, err := New(config.Source{Name: "x", Type: "auto", URL: "https://jobs.lever.co/"}, c)
	if err == nil || !strings.HasPrefix(err.Error(), `auto: source "x": detect: "https://jobs.lever.co/" looks like a lever URL but names no board`) {
		t.Errorf("got %v", err)
	}
	// a detected type this build does not support is an error naming it
	saved := List
	List = slices.DeleteFunc(slices.Clone(List), func(p scrape.Platform) bool { return p.Config.Type == "lever" })
	defer func() { List = saved }()
	_, err = New(config.Source{Name: "x", Type: "auto", URL: "https://jobs.lever.co/acme"}, c)
	if err == nil || !strings.Contains(err.Error(), `auto: source "x": https://jobs.lever.co/acme detected as lever: source "x": type "lever" is not supported yet`) {
		t.Errorf("got %v", err)
	}
}
