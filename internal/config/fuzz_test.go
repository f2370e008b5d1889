package config_test

import (
	"bytes"
	"errors"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/careers-watcher/careers-watcher/internal/config"
)

const leak = "ZZLEAKZZ"

// fuzzEnv sets every variable to a recognisable value, except names that
// start with U (unset).
func fuzzEnv(name string) (string, bool) {
	if strings.HasPrefix(name, "U") {
		return "", false
	}
	return leak, true
}

func FuzzParse(f *testing.F) {
	full, err := os.ReadFile("testdata/full.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(full)
	f.Add([]byte(minimal))
	f.Add([]byte("sources:\n  - {name: '${N}', type: html, url: '${UNSET}'}\nnotifiers:\n  - {name: h, type: webhook, url: '${U:-https://x.example}', secret: '${S}'}\n"))
	f.Add([]byte("schedule: 'TZ=UTC'\nsources:\n  - &a {name: a, type: lever, board: a, schedule: 'CRON_TZ=${Z} 0 * * *'}\n  - <<: *a\n    name: b\n"))
	for _, tt := range problemTests {
		f.Add([]byte(tt.yaml))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 64<<10 {
			return
		}
		c, err := parse(data, "config.yaml", fuzzEnv)
		if err == nil {
			if c == nil || len(c.Sources) == 0 {
				t.Fatalf("no error but config %+v", c)
			}
			seen := map[string]bool{}
			for _, s := range c.Sources {
				if !nameRE.MatchString(s.Name) || len(s.Name) > 64 || seen[s.Name] {
					t.Fatalf("accepted source name %q", s.Name)
				}
				seen[s.Name] = true
				if err := config.ValidSchedule(c.SourceSchedule(s)); err != nil {
					t.Fatalf("accepted schedule %q: %v", c.SourceSchedule(s), err)
				}
			}
			return
		}
		if c != nil {
			t.Fatal("config returned with an error")
		}
		var perr *config.Error
		if !errors.As(err, &perr) || len(perr.Problems) == 0 {
			t.Fatalf("error %T %v is not an *Error with problems", err, err)
		}
		if !bytes.Contains(bytes.ToUpper(data), []byte(leak)) && strings.Contains(strings.ToUpper(err.Error()), leak) {
			t.Fatalf("a value from the environment reached a message:\n%s", err)
		}
	})
}

var nameRE = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)
