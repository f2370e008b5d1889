package notify_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/careers-watcher/careers-watcher/internal/config"
	"github.com/careers-watcher/careers-watcher/internal/notify"
	"github.com/careers-watcher/careers-watcher/internal/notify/discord"
	"github.com/careers-watcher/careers-watcher/internal/notify/notifytest"
	"github.com/careers-watcher/careers-watcher/internal/notify/render"
	"github.com/careers-watcher/careers-watcher/internal/notify/slack"
	"github.com/careers-watcher/careers-watcher/internal/notify/teams"
	"github.com/careers-watcher/careers-watcher/internal/notify/webhook"
	"github.com/careers-watcher/careers-watcher/internal/retry"
)

// Review s17 F2: http.user_agent may hold a ${VAR} (a secret for the
// boards, README "Configuration"); the HTTP channels sent it as their
// User-Agent to every receiver. They send their own fixed one.
func TestChannelsDoNotSendBoardUserAgentS17(t *testing.T) {
	const secret = "UAsecretValue99"
	var mu sync.Mutex
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.UserAgent())
		mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	}))
	defer srv.Close()
	d := notify.Deps{
		Client: srv.Client(), Retry: retry.Policy{Attempts: 1}, Logger: notifytest.Quiet(),
		UserAgent: "cw-test " + secret,
	}
	chat := &render.ChatConfig{URL: srv.URL + "/chat"}
	builds := []struct {
		name  string
		build func(config.Notifier, notify.Deps) (notify.Notifier, error)
		set   any
	}{
		{"webhook", webhook.Build, &webhook.Config{URL: srv.URL + "/hook"}},
		{"slack", slack.Build, chat},
		{"discord", discord.Build, &discord.Config{ChatConfig: *chat}},
		{"teams", teams.Build, chat},
	}
	e := notify.Event{ID: notify.EventID("ua"), Type: notify.SourceFailed, Timestamp: time.Unix(1764100000, 0), Data: notify.Data{Source: "gh", Error: "x"}}
	for _, b := range builds {
		n, err := b.build(config.Notifier{Name: b.name, Type: b.name, Settings: b.set}, d)
		if err != nil {
			t.Fatalf("%s: %v", b.name, err)
		}
		mu.Lock()
		got = nil
		mu.Unlock()
		if err := n.Notify(context.Background(), e); err != nil {
			t.Fatalf("%s: %v", b.name, err)
		}
		mu.Lock()
		uas := got
		mu.Unlock()
		if len(uas) == 0 {
			t.Fatalf("%s: no request", b.name)
		}
		for _, ua := range uas {
			if strings.Contains(ua, secret) {
				t.Errorf("%s: User-Agent %q carries the boards' user_agent secret", b.name, ua)
			}
			if !strings.HasPrefix(ua, "careers-watcher/") {
				t.Errorf("%s: User-Agent %q, want careers-watcher/<version>", b.name, ua)
			}
		}
	}
}
