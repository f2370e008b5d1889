package cli

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/scrape"
	"github.com/careers-watcher/careers-watcher/internal/scrape/eightfold"
	"github.com/careers-watcher/careers-watcher/internal/scrape/jsonld"
	"github.com/careers-watcher/careers-watcher/internal/scrape/workday"
	"github.com/careers-watcher/careers-watcher/internal/watch"
)

func TestDetectCommand(t *testing.T) {
	t.Parallel()
	tests := []struct {
		url  string
		want config.Source
	}{
		{"https://boards.greenhouse.io/amplitude/jobs/123", config.Source{Name: "amplitude", Type: "greenhouse", Settings: &scrape.Board{Board: "amplitude"}}},
		{"https://jobs.eu.lever.co/acme", config.Source{Name: "acme", Type: "lever", URL: "https://api.eu.lever.co", Settings: &scrape.Board{Board: "acme"}}},
		{"https://salesforce.wd12.myworkdayjobs.com/en-US/External_Career_Site", config.Source{Name: "salesforce", Type: "workday", URL: "https://salesforce.wd12.myworkdayjobs.com", Settings: &workday.Config{Tenant: "salesforce", Site: "External_Career_Site"}}},
		{"https://explore.jobs.netflix.net/careers?Teams=Data%20%26%20Insights", config.Source{Name: "netflix", Type: "eightfold", URL: "https://explore.jobs.netflix.net", Settings: &eightfold.Config{Domain: "netflix.com", Teams: []string{"Data & Insights"}}}},
		{"https://careers.acme.com/jobs?team=data", config.Source{Name: "acme", Type: "jsonld", URL: "https://careers.acme.com/jobs?team=data", Settings: &jsonld.Config{}}},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			var out, errb bytes.Buffer
			if code := Main([]string{"detect", tt.url}, &out, &errb); code != ExitOK {
				t.Fatalf("exit %d: %s", code, errb.String())
			}
			if !strings.HasPrefix(out.String(), "#") || !strings.Contains(out.String(), "\n- name: "+tt.want.Name+"\n") {
				t.Errorf("output:\n%s", out.String())
			}
			// ready to paste: under sources: it is a valid config
			cfg, err := config.Parse([]byte("sources:\n"+out.String()), "pasted.yaml", func(string) (string, bool) { return "", false }, watch.Plugins())
			if err != nil {
				t.Fatalf("%v\n%s", err, out.String())
			}
			got := cfg.Sources[0]
			got.Line = 0
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

func TestDetectCommandErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"detect"}, "watcher detect: expected one URL"},
		{[]string{"detect", "a", "b"}, "watcher detect: expected one URL"},
		{[]string{"detect", "jobs.lever.co/acme"}, `watcher detect: "jobs.lever.co/acme" is not an http or https URL`},
		{[]string{"detect", "https://jobs.lever.co/"}, `watcher detect: "https://jobs.lever.co/" looks like a lever URL but names no board (expected e.g. https://jobs.lever.co/acme)`},
		{[]string{"detect", "https://"}, `watcher detect: "https://" has no valid host name`},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		if code := Main(tt.args, &out, &errb); code != ExitUsage {
			t.Errorf("%q: exit %d, want 2", tt.args, code)
		}
		if !strings.HasPrefix(errb.String(), tt.want) || out.Len() != 0 {
			t.Errorf("%q: stderr %q, stdout %q", tt.args, errb.String(), out.String())
		}
	}
	var out, errb bytes.Buffer
	if code := Main([]string{"help"}, &out, &errb); code != ExitOK || !strings.Contains(out.String(), "\n  detect    URL ") {
		t.Errorf("usage lacks detect:\n%s", out.String())
	}
}
